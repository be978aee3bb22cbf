// The schema browser: a filterable list of tables and, for the chosen one, its columns, keys, relations,
// indexes, row-level security with the policy SQL, the isolation probe, and where each part came from.
import { badge, fill, h, provenanceText } from './dom.js';
import { highlightLines } from './sql.js';

const KIND_TEXT = {
  'tenant-root': 'tenant root', tenant: 'tenant', junction: 'junction', reference: 'reference data', global: 'global', table: 'table',
};

export function createBrowser({ list, filter, detail }) {
  let state = { schema: null, model: null, prdLines: null, selected: null };

  const renderList = () => {
    const query = filter.value.trim().toLowerCase();
    fill(list, state.schema.tables
      .filter((t) => !query || t.name.includes(query) || t.entity?.name.toLowerCase().includes(query))
      .map((t) => h('li', null, h('button', {
        type: 'button', 'data-table': t.name, 'aria-current': t.name === state.selected ? 'true' : null,
        onclick: () => open(t.name),
      }, t.name, t.rls.enabled ? h('span', { class: 'mini' }, 'RLS') : null))));
  };

  const open = (name, { focus = false } = {}) => {
    const table = state.schema.tables.find((t) => t.name === name);
    if (!table) return;
    state.selected = name;
    renderList();
    fill(detail, tableDetail(table, state, open));
    if (focus) detail.focus();
  };

  filter.addEventListener('input', () => state.schema && renderList());

  return {
    show(schema, model, prdLines) {
      state = { schema, model, prdLines, selected: null };
      filter.value = '';
      renderList();
      if (schema.tables[0]) open(schema.tables[0].name);
    },
    open,
  };
}

function tableDetail(table, { schema, model, prdLines }, open) {
  const entity = table.entity;
  const kind = KIND_TEXT[table.kind] ?? table.kind;
  return [
    h('h3', { id: 'table-title' }, table.name, entity ? h('span', { class: 'entity' }, ` (${entity.name})`) : null),
    h('p', { class: 'badges' },
      badge(kind, 'neutral'),
      table.rls.enabled ? badge('RLS enabled', 'good') : badge('RLS off', table.kind === 'tenant' || table.kind === 'junction' ? 'bad' : 'neutral'),
      table.rls.forced ? badge('RLS forced', 'good') : null,
      table.probe ? badge(`isolation ${table.probe.passed ? 'proven' : table.probe.status ?? 'failed'}`, table.probe.passed ? 'good' : 'bad') : null,
      entity?.softDelete ? badge('soft delete', 'neutral') : null),
    entity?.description ? h('p', null, entity.description) : null,
    entity?.provenance ? h('p', { class: 'provenance' }, 'From ', provenanceText(entity.provenance, prdLines)) : null,
    section('Columns', columnsTable(table, prdLines)),
    section('Keys', keys(table, open)),
    section('Relations', relations(table, schema, model, open)),
    section('Indexes', indexes(table, prdLines)),
    section('Row-level security', security(table, schema)),
    table.probe ? section('Isolation probe', probe(table.probe)) : null,
  ];
}

function section(title, ...content) {
  return h('section', { class: 'part' }, h('h4', null, title), content);
}

function columnsTable(table, prdLines) {
  const fkColumns = new Set(table.foreignKeys.flatMap((fk) => fk.columns));
  const unique = new Set(table.indexes.filter((i) => i.unique && i.columns.length === 1 && !i.where).map((i) => i.columns[0]));
  return h('table', { class: 'grid' },
    h('thead', null, h('tr', null, ['Column', 'Type', 'Null', 'Default', 'Key', 'From'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, table.columns.map((col) => h('tr', { 'data-column': col.name },
      h('th', { scope: 'row' }, h('code', null, col.name)),
      h('td', null, h('code', null, col.type)),
      h('td', { class: 'nowrap' }, col.notNull ? 'not null' : 'null'),
      h('td', null, col.default ? h('code', null, col.default) : ''),
      h('td', null, [table.primaryKey.includes(col.name) && 'PK', fkColumns.has(col.name) && 'FK', unique.has(col.name) && 'UQ'].filter(Boolean).join(' ')),
      h('td', { class: 'provenance' }, provenanceText(col.field?.provenance, prdLines))))));
}

function keys(table, open) {
  return h('ul', { class: 'plain' },
    h('li', null, 'Primary key ', h('code', null, `(${table.primaryKey.join(', ')})`)),
    table.foreignKeys.map((fk) => h('li', null,
      h('code', null, fk.name), ': ', h('code', null, `(${fk.columns.join(', ')})`), ' → ',
      tableLink(fk.refTable, open), h('code', null, `(${fk.refColumns.join(', ')})`),
      fk.onDelete ? ` on delete ${fk.onDelete}` : '', fk.onUpdate ? `, on update ${fk.onUpdate}` : '')));
}

function relations(table, schema, model, open) {
  const name = table.entity?.name;
  const all = Array.isArray(model?.relations) ? model.relations : [];
  const tableOf = (entity) => schema.tables.find((t) => t.entity?.name === entity)?.name ?? entity;
  const line = (r, other, arrow) => h('li', null, arrow, ' ', tableLink(tableOf(other), open), ' ',
    h('span', { class: 'rel' }, `${r.name} · ${r.cardinality}${r.required ? ', required' : ''}${r.through ? ` through ${tableOf(r.through)}` : ''}${r.onDelete ? ` · on delete ${r.onDelete}` : ''}`),
    r.why ? h('span', { class: 'why' }, ` — ${r.why}`) : null);
  const out = all.filter((r) => r.from === name);
  const into = all.filter((r) => r.to === name);
  if (!out.length && !into.length) return h('p', null, 'No relations.');
  return [
    out.length ? h('p', { class: 'sub' }, `Out (${out.length}): this table references`) : null,
    out.length ? h('ul', { class: 'plain' }, out.map((r) => line(r, r.to, '→'))) : null,
    into.length ? h('p', { class: 'sub' }, `In (${into.length}): referenced by`) : null,
    into.length ? h('ul', { class: 'plain' }, into.map((r) => line(r, r.from, '←'))) : null,
  ];
}

function indexes(table, prdLines) {
  if (!table.indexes.length) return h('p', null, 'No indexes besides the primary key.');
  return h('table', { class: 'grid' },
    h('thead', null, h('tr', null, ['Index', 'Columns', 'Unique', 'Partial (WHERE)', 'Why'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, table.indexes.map((index) => h('tr', { 'data-index': index.name },
      h('th', { scope: 'row' }, h('code', null, index.name)),
      h('td', null, h('code', null, index.columns.join(', '))),
      h('td', null, index.unique ? 'unique' : ''),
      h('td', null, index.where ? h('code', null, index.where) : ''),
      h('td', null, index.planned ? [index.planned.why, index.planned.provenance ? h('span', { class: 'provenance' }, ` (${provenanceText(index.planned.provenance, prdLines)})`) : null] : '')))));
}

function security(table, schema) {
  const status = table.rls.enabled
    ? `Row-level security is enabled${table.rls.forced ? ' and forced (the table owner is subject to it too)' : ', not forced'}.`
    : table.kind === 'tenant-root' ? 'The tenant root has no row-level security: it is the tenant, not a tenant\'s row.'
      : table.kind === 'reference' || table.kind === 'global' ? `Shared by every tenant: no row-level security${schema.appRole ? `; grants decide what ${schema.appRole} may do` : ''}.`
        : 'Row-level security is not enabled.';
  return [
    h('p', null, status),
    table.policies.length
      ? table.policies.map((p) => h('div', { class: 'policy', 'data-policy': p.name },
        h('p', null, h('code', null, p.name), ` — ${p.command} to ${p.roles}`),
        h('pre', { class: 'code small' }, highlightLines(p.sql))))
      : h('p', null, 'No policies.'),
  ];
}

function probe(result) {
  const checks = Object.entries(result.checks ?? {});
  return h('ul', { class: 'plain' }, checks.map(([name, check]) => h('li', null,
    badge(check.passed ? 'pass' : 'fail', check.passed ? 'good' : 'bad'), ' ', h('code', null, name), `: ${check.detail ?? ''}`)));
}

function tableLink(name, open) {
  return h('button', { type: 'button', class: 'link', onclick: () => open(name, { focus: true }) }, name);
}
