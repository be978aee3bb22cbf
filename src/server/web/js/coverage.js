// Index coverage: each query pattern (and the tenant predicate every policy adds), the index that serves it
// and the EXPLAIN line that proves it. Read defensively: the validator's coverage entries are growing (status,
// table, query, rlsFiltered, proof), and older reports only have { entity, description, index, plan, indexed }.
import { badge, fill, h, provenanceText } from './dom.js';

const STATUS = {
  indexed: ['✓ indexed', 'good'],
  partial: ['◐ partly indexed', 'warn'],
  unindexed: ['✗ not indexed', 'bad'],
};

export function renderCoverage(el, { report, model, schema, prdLines }) {
  const coverage = Array.isArray(report?.validation?.coverage) ? report.validation.coverage : null;
  if (!coverage) return fill(el, h('p', null, 'This report has no index coverage (validation did not get that far).'));
  if (!coverage.length) return fill(el, h('p', null, 'The input named no query patterns, so there is nothing to cover.'));
  const patterns = Array.isArray(model?.queryPatterns) ? model.queryPatterns : [];
  const tableOf = (entity) => schema.tables.find((t) => t.entity?.name === entity)?.name ?? entity;
  const statusOf = (c) => (STATUS[c.status] ? c.status : c.indexed ? 'indexed' : 'unindexed');
  const counts = Object.fromEntries(Object.keys(STATUS).map((s) => [s, coverage.filter((c) => statusOf(c) === s).length]));
  const summary = report.validation.coverageSummary;
  return fill(el,
    h('p', { class: 'coverage-summary' },
      badge(`${counts.indexed} of ${coverage.length} indexed`, counts.indexed === coverage.length ? 'good' : 'bad'),
      counts.partial ? badge(`${counts.partial} partly`, 'warn') : null,
      counts.unindexed ? badge(`${counts.unindexed} not indexed`, 'bad') : null),
    h('p', { class: 'hint' }, summary?.method ?? 'Each query pattern is planned with EXPLAIN on the applied schema; the plan line names the index it uses.'),
    summary?.error ? h('p', { class: 'error' }, `The EXPLAIN step could not run: ${summary.error}`) : null,
    h('table', { class: 'grid coverage' },
      h('thead', null, h('tr', null, ['Query pattern', 'Table', 'Index', 'Plan (EXPLAIN)', 'Status'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, coverage.map((c) => {
        const pattern = patterns.find((p) => p.entity === c.entity && p.description === c.description);
        const status = statusOf(c);
        const plan = planText(c.plan);
        return h('tr', { 'data-status': status },
          h('th', { scope: 'row' },
            c.kind === 'tenant-policy' ? h('span', { class: 'hint block' }, 'tenant policy') : null,
            c.description ?? '',
            pattern?.provenance ? h('span', { class: 'provenance block' }, provenanceText(pattern.provenance, prdLines)) : null,
            c.query ? h('details', null, h('summary', null, 'query'), h('pre', { class: 'plan' }, c.query)) : null),
          h('td', null, h('code', null, c.table ?? tableOf(c.entity))),
          h('td', null, c.index ? h('code', null, c.index) : h('em', null, 'none')),
          h('td', null,
            plan ? h('pre', { class: 'plan' }, plan) : h('span', { class: 'hint' }, c.proof === 'model' ? 'proved from the model (no EXPLAIN)' : 'no plan recorded'),
            c.rlsFiltered?.length ? h('p', { class: 'hint' }, `Filtered after the index under RLS (not leakproof): ${c.rlsFiltered.join(', ')}`) : null,
            c.error ? h('p', { class: 'error' }, c.error) : null),
          h('td', null, badge(...STATUS[status])));
      }))));
}

function planText(plan) {
  if (Array.isArray(plan)) return plan.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');
  if (typeof plan === 'string') return plan;
  return plan ? JSON.stringify(plan, null, 1) : '';
}
