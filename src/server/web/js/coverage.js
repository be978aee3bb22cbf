// Index coverage: each query pattern the PRD named, the index that serves it and the line of the EXPLAIN plan
// that proves it. The validator's coverage entries are read defensively: `plan` may be a line, several lines
// or missing while that part of the validator grows.
import { badge, fill, h, provenanceText } from './dom.js';

export function renderCoverage(el, { report, model, schema, prdLines }) {
  const coverage = Array.isArray(report?.validation?.coverage) ? report.validation.coverage : null;
  if (!coverage) return fill(el, h('p', null, 'This report has no index coverage (validation did not get that far).'));
  if (!coverage.length) return fill(el, h('p', null, 'The input named no query patterns, so there is nothing to cover.'));
  const patterns = Array.isArray(model?.queryPatterns) ? model.queryPatterns : [];
  const tableOf = (entity) => schema.tables.find((t) => t.entity?.name === entity)?.name ?? entity;
  const indexed = coverage.filter((c) => c.indexed).length;
  return fill(el,
    h('p', { class: 'coverage-summary' },
      badge(`${indexed} of ${coverage.length} indexed`, indexed === coverage.length ? 'good' : 'bad'),
      ' Each query pattern is planned with EXPLAIN on the applied schema; the plan line shows the index it uses.'),
    h('table', { class: 'grid coverage' },
      h('thead', null, h('tr', null, ['Query pattern', 'Table', 'Index', 'Plan (EXPLAIN)', 'Status'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, coverage.map((c) => {
        const pattern = patterns.find((p) => p.entity === c.entity && p.description === c.description);
        const plan = planText(c.plan);
        return h('tr', { 'data-indexed': String(!!c.indexed) },
          h('th', { scope: 'row' }, c.description ?? '', pattern?.provenance ? h('span', { class: 'provenance block' }, provenanceText(pattern.provenance, prdLines)) : null),
          h('td', null, h('code', null, tableOf(c.entity))),
          h('td', null, c.index ? h('code', null, c.index) : h('em', null, 'none')),
          h('td', null, plan ? h('pre', { class: 'plan' }, plan) : h('span', { class: 'hint' }, 'no plan recorded')),
          h('td', null, c.indexed ? badge('✓ indexed', 'good') : badge('✗ not indexed', 'bad')));
      }))));
}

function planText(plan) {
  if (Array.isArray(plan)) return plan.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');
  if (typeof plan === 'string') return plan;
  return plan ? JSON.stringify(plan, null, 1) : '';
}
