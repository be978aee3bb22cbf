// Migration preview: any artifact of the project, SQL highlighted, with the validator's, squawk's and Prisma's
// findings beside it; findings that name a line mark it and jump to it.
import { badge, fill, h } from './dom.js';
import { highlightLines } from './sql.js';

const LEVEL_TONE = { error: 'bad', warning: 'warn', info: 'neutral' };
const SEVERITY = ['error', 'warning', 'info'];

export function createMigrationView({ select, code, aside }) {
  let state = { artifacts: {}, notes: [] };

  const showFile = (path, line) => {
    select.value = path;
    const text = state.artifacts[path] ?? '';
    const lines = path.endsWith('.sql') ? highlightLines(text) : text.split('\n').map((l) => h('span', { class: 'line' }, l));
    for (const note of state.notes.filter((n) => n.line && n.file === path)) {
      const el = lines[note.line - 1];
      if (!el) continue;
      el.classList.add(`mark-${note.level}`);
      el.title = [el.title, `${note.rule}: ${note.message}`].filter(Boolean).join('\n');
    }
    lines.forEach((el, i) => (el.dataset.line = String(i + 1)));
    fill(code, lines);
    code.setAttribute('aria-label', `${path}, ${lines.length} lines`);
    if (line) {
      const target = lines[line - 1];
      target?.scrollIntoView({ block: 'center' });
      target?.classList.add('flash');
    } else code.scrollTop = 0;
  };

  select.addEventListener('change', () => showFile(select.value));

  return {
    show(result) {
      const artifacts = result?.artifacts ?? {};
      const paths = Object.keys(artifacts).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
      const migration = paths.find((p) => p.endsWith('/migration.sql')) ?? paths[0];
      state = { artifacts, notes: notes(result?.report, paths, migration) };
      fill(select, paths.map((p) => h('option', { value: p }, p)));
      fill(aside, findingsList(state.notes, result?.report, showFile));
      if (migration) showFile(migration);
    },
  };
}

/** Migrations first, then the Prisma schema, then everything else. */
function rank(path) {
  return path.endsWith('/migration.sql') ? 0 : path.endsWith('.prisma') ? 1 : path.endsWith('.sql') ? 2 : 3;
}

/**
 * Every finding the report has, in one shape. A finding's target may name a file and line ("…/migration.sql:12
 * (squawk …)"); squawk's own block is new, so its likely shapes are all read.
 */
function notes(report, paths, migration) {
  const validator = (Array.isArray(report?.findings) ? report.findings : []).map((f) => ({
    source: 'validator', rule: f.ruleId, level: level(f.level), message: f.message, fix: f.fix, target: f.target,
    ...place(f.target, paths),
  }));
  const squawk = squawkItems(report?.validation?.squawk)?.map((x) => ({
    source: 'squawk', rule: x.rule ?? x.ruleId ?? x.rule_name ?? x.code ?? 'squawk', level: level(x.level ?? x.severity),
    message: text(x.message ?? x.messages), fix: text(x.help ?? x.fix), target: null,
    // squawk reviews migrations only, and counts lines from 0.
    file: paths.includes(x.file) ? x.file : migration, line: positive(Number(x.line ?? x.location?.line) + 1),
  })) ?? null;
  const prisma = (report?.validation?.prisma?.diagnostics ?? []).map((d) => ({
    source: 'prisma', rule: 'prisma', level: level(d.level), message: d.message, fix: d.expected ? `expected: ${d.expected}` : '',
    file: 'prisma/schema.prisma', line: positive(d.line),
  }));
  return Object.assign([...validator, ...(squawk ?? []), ...prisma], { squawkRan: squawk !== null });
}

/** "prisma/schema.prisma", "x/migration.sql:12 (…)" → the artifact and line it names, if any. */
function place(target, paths) {
  const m = /^(\S+?\.(?:sql|prisma|ts|json|sh|toml))(?::(\d+))?(?:\s|$)/.exec(String(target ?? ''));
  const file = m && (paths.find((p) => p === m[1]) ?? paths.find((p) => p.endsWith(`/${m[1].split('/').at(-1)}`)));
  return { file: file ?? null, line: file ? positive(m[2]) : null };
}

function squawkItems(block) {
  if (Array.isArray(block)) return block;
  for (const key of ['violations', 'findings']) if (Array.isArray(block?.[key])) return block[key];
  return null;
}

function findingsList(all, report, showFile) {
  const group = (title, items, empty) => h('section', { class: 'finding-group' },
    h('h3', null, `${title} (${items.length})`),
    items.length ? h('ul', { class: 'plain' }, items.sort((a, b) => SEVERITY.indexOf(a.level) - SEVERITY.indexOf(b.level)).map((n) => h('li', { class: `finding level-${n.level}` },
      badge(n.level, LEVEL_TONE[n.level] ?? 'neutral'), ' ', h('code', null, n.rule),
      ' ',
      n.file ? h('button', { type: 'button', class: 'link', onclick: () => showFile(n.file, n.line) }, n.line ? `${n.file.split('/').at(-1)} line ${n.line}` : n.file)
        : n.target ? h('span', { class: 'target' }, n.target) : null,
      h('p', null, n.message), n.fix ? h('p', { class: 'fix' }, n.fix) : null))) : h('p', { class: 'hint' }, empty));
  const errors = all.filter((n) => n.level === 'error').length;
  return [
    h('p', null, badge(`${errors} error(s)`, errors ? 'bad' : 'good'), ' ', report?.summary ?? ''),
    group('Validator', all.filter((n) => n.source === 'validator'), 'No findings.'),
    group('squawk', all.filter((n) => n.source === 'squawk'), report?.validation?.squawk?.error ? `squawk could not run: ${report.validation.squawk.error}`
      : all.squawkRan ? 'squawk found nothing to flag.' : 'squawk did not report in this run.'),
    group('Prisma', all.filter((n) => n.source === 'prisma'), 'prisma validate found nothing.'),
  ];
}

function level(value) {
  const v = String(value ?? 'warning').toLowerCase();
  return v.startsWith('err') ? 'error' : v.startsWith('warn') ? 'warning' : 'info';
}

function positive(value) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

function text(value) {
  if (Array.isArray(value)) return value.map(text).join(' ');
  if (value && typeof value === 'object') return Object.values(value).map(text).join(' ');
  return value === undefined || value === null ? '' : String(value);
}
