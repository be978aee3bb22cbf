/** Per-input results gathered into tables, macro means, raw-count sums, misses and CI gates. */
import { metric, notApplicable, type MetricResult } from './metric.ts';
import type { IsolationScores } from './isolation.ts';
import { METRICS, type SchemaScores } from './score.ts';

export interface CaseResult {
  name: string;
  input: string;
  multiTenant: boolean;
  ms: number;
  /** The part of `ms` spent in runPipeline (which validates on its own database too). */
  pipelineMs: number;
  pipeline: { valid: boolean | null; prismaValid: boolean | null; noDrift: boolean | null; error?: string };
  /** README migration-applies: Prisma validates, the migration applies and the seed runs. */
  migrationApplies: boolean;
  applyError?: string;
  scores: SchemaScores;
  isolation: IsolationScores | null;
}

/** Every metric of a case under one name, pass/fail facts as 0/1 metrics, so means and gates treat all alike. */
function caseMetrics(c: CaseResult): Record<string, MetricResult> {
  const flag = (value: boolean | null): MetricResult => (value === null ? notApplicable() : metric(value ? 1 : 0, 1));
  return {
    ...c.scores.metrics,
    isolation: c.isolation?.isolation ?? (c.migrationApplies ? notApplicable() : metric(0, 1, ['not probed: the migration failed'])),
    crossTenantReference: c.isolation?.crossTenantReference ?? notApplicable(),
    migrationApplies: flag(c.migrationApplies),
    prismaValid: flag(c.pipeline.prismaValid),
    noDrift: flag(c.pipeline.noDrift),
    pipelineValid: flag(c.pipeline.valid),
    ...c.scores.diagnostics,
  };
}

interface Column {
  key: string;
  label: string;
  /** Diagnostics show their count: they are not scores. */
  count?: boolean;
}

const COMMON_HEAD: Column[] = [
  { key: 'entityRecall', label: 'entR' },
  { key: 'entityPrecision', label: 'entP' },
  { key: 'fieldRecall', label: 'fld' },
];

export const OUR_COLUMNS: Column[] = [
  ...COMMON_HEAD,
  { key: 'nullability', label: 'null' },
  { key: 'relationshipRecall', label: 'rel' },
  { key: 'fkNullability', label: 'fkNul' },
  { key: 'onDelete', label: 'onDel' },
  { key: 'm2mRecall', label: 'm2m' },
  { key: 'naturalKeyRecall', label: 'nkey' },
  { key: 'queryPatterns', label: 'qp' },
  { key: 'queryPatternsRelaxed', label: 'qp~' },
  { key: 'partialIndexRecall', label: 'pidx' },
  { key: 'referenceDataRecall', label: 'ref' },
  { key: 'fkIndexCoverage', label: 'fkIdx' },
  { key: 'tenantCoverage', label: 'org' },
  { key: 'rlsCoverage', label: 'rls' },
  { key: 'rlsForced', label: 'force' },
  { key: 'isolation', label: 'iso' },
  { key: 'crossTenantReference', label: 'xref' },
  { key: 'migrationApplies', label: 'mig' },
  { key: 'noDrift', label: 'drift' },
  { key: 'pipelineValid', label: 'valid' },
  { key: 'globalLeakage', label: 'leak#', count: true },
  { key: 'unscopedExtras', label: 'unsc#', count: true },
];

export const PEER_COLUMNS: Column[] = [
  ...COMMON_HEAD,
  { key: 'relationshipRecall', label: 'rel' },
  { key: 'm2mRecall', label: 'm2m' },
  { key: 'naturalKeyRecall', label: 'nkey' },
  { key: 'fkIndexCoverage', label: 'fkIdx' },
  { key: 'rlsCoverage', label: 'rls' },
  { key: 'isolation', label: 'iso' },
  { key: 'migrationApplies', label: 'mig' },
  { key: 'liamTableF1', label: 'L.tF1' },
  { key: 'liamTableRecall', label: 'L.tR' },
  { key: 'liamColumnF1', label: 'L.cF1' },
  { key: 'liamColumnRecall', label: 'L.cR' },
  { key: 'liamColumnAllCorrect', label: 'L.cAll' },
  { key: 'liamFkF1', label: 'L.fkF1' },
  { key: 'liamFkRecall', label: 'L.fkR' },
  { key: 'tenantTables', label: 'orgT#', count: true },
];

export interface Aggregate {
  /** Macro mean of the non-null per-input scores, and how many inputs had one. */
  mean: number | null;
  n: number;
  hit: number;
  total: number;
}

export function aggregate(cases: readonly CaseResult[]): Record<string, Aggregate> {
  const out: Record<string, Aggregate> = {};
  for (const c of cases) {
    for (const [key, m] of Object.entries(caseMetrics(c))) {
      const a = (out[key] ??= { mean: null, n: 0, hit: 0, total: 0 });
      a.hit += m.hit;
      a.total += m.total;
      if (m.score === null) continue;
      a.mean = ((a.mean ?? 0) * a.n + m.score) / (a.n + 1);
      a.n += 1;
    }
  }
  return out;
}

export function renderSet(title: string, cases: readonly CaseResult[], columns: readonly Column[]): string {
  const means = aggregate(cases);
  const names = cases.map((c) => c.name);
  const scoreRows = cases.map((c) => {
    const m = caseMetrics(c);
    return columns.map((col) => (col.count ? count(m[col.key]) : percent(m[col.key]?.score ?? null)));
  });
  const countRows = cases.map((c) => {
    const m = caseMetrics(c);
    return columns.map((col) => raw(m[col.key]));
  });
  const meanRow = columns.map((col) => (col.count ? count(means[col.key]) : percent(means[col.key]?.mean ?? null)));
  const sumRow = columns.map((col) => raw(means[col.key]));
  const seconds = cases.reduce((s, c) => s + c.ms, 0) / 1000;
  return [
    `== ${title}: ${cases.length} input(s), ${seconds.toFixed(1)} s ==`,
    'Scores (%):',
    table(['input', ...columns.map((c) => c.label)], [...names.map((n, i) => [n, ...(scoreRows[i] ?? [])]), ['MEAN (macro)', ...meanRow]]),
    'Raw counts (hit/total):',
    table(['input', ...columns.map((c) => c.label)], [...names.map((n, i) => [n, ...(countRows[i] ?? [])]), ['SUM', ...sumRow]]),
  ].join('\n');
}

/** What each input missed, metric by metric: the list engineers work from. Long lists are cut; the JSON has all. */
export function renderMisses(cases: readonly CaseResult[], columns: readonly Column[], limit = 25): string {
  const lines: string[] = [];
  for (const c of cases) {
    const metrics = caseMetrics(c);
    const block: string[] = [];
    if (c.pipeline.error) block.push(`  pipeline error: ${c.pipeline.error}`);
    if (c.applyError) block.push(`  migration-applies: ${c.applyError}`);
    for (const col of columns) {
      const misses = metrics[col.key]?.misses ?? [];
      if (misses.length === 0 || col.key.startsWith('liam')) continue;
      block.push(`  ${col.label} (${col.key}):`);
      for (const miss of misses.slice(0, limit)) block.push(`    - ${miss}`);
      if (misses.length > limit) block.push(`    … ${misses.length - limit} more in the JSON report`);
    }
    if (c.isolation?.notProbed.length) block.push(`  not probed: ${c.isolation.notProbed.join('; ')}`);
    if (c.scores.conventionTables.length) block.push(`  convention tables: ${c.scores.conventionTables.join(', ')}`);
    if (block.length > 0) lines.push(`${c.name}:`, ...block);
  }
  return lines.join('\n');
}

export interface Gate {
  metric: string;
  min: number;
}

/** The gates whose macro mean is below its minimum (a metric with no score at all fails its gate too). */
export function failedGates(cases: readonly CaseResult[], gates: readonly Gate[]): string[] {
  const means = aggregate(cases);
  return gates.flatMap((gate) => {
    const mean = means[gate.metric]?.mean ?? null;
    return mean !== null && mean >= gate.min ? [] : [`${gate.metric}: mean ${mean === null ? 'n/a' : mean.toFixed(3)} < ${gate.min}`];
  });
}

/** Names --min accepts: every scored metric and pass/fail fact (diagnostics are counts, not scores). */
export const GATE_METRICS: readonly string[] = [
  ...METRICS,
  'isolation',
  'crossTenantReference',
  'migrationApplies',
  'prismaValid',
  'noDrift',
  'pipelineValid',
];

function percent(score: number | null): string {
  return score === null ? '-' : String(Math.round(score * 100));
}

function count(m: { hit: number; total: number } | undefined): string {
  return m === undefined || m.total === 0 ? '-' : String(m.hit);
}

function raw(m: { hit: number; total: number } | undefined): string {
  if (m === undefined || m.total === 0) return '-';
  const n = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(1));
  return `${n(m.hit)}/${n(m.total)}`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
