/**
 * Index coverage, proven on the applied database: every query pattern, and the predicate each tenant policy
 * adds, is planned with EXPLAIN as the application role under a tenant context (so the policy is part of the
 * plan), and counts as served only when the plan uses an index whose key columns serve it.
 *
 * The tables are empty and no data is inserted, so the planner is steered into a meaningful choice:
 * - enable_seqscan = off: a scan of an empty table is always cheapest; off, any usable index beats it.
 * - enable_bitmapscan = off: one index must serve the pattern, not a BitmapAnd of several.
 * - enable_sort = off: an index that delivers the ORDER BY beats an index plus a sort.
 * - plan_cache_mode = force_generic_plan with EXPLAIN EXECUTE: the plan for any parameter value. PostgreSQL 16's
 *   EXPLAIN (GENERIC_PLAN) would do, but the strict-mode server may be 15; PREPARE works on both.
 * - pg_statistic says the tenant column has one distinct value (n_distinct = 1), the view of one large tenant,
 *   and every other column ten: otherwise every estimate on an empty table rounds to one row, all indexes tie,
 *   and an index on the tenant key alone, or one sharing only a prefix with the pattern, wins as often as one
 *   that serves it. The statistics are removed afterwards.
 * Under RLS PostgreSQL keeps a condition out of the index unless its operator is LEAKPROOF; such pattern
 * columns are reported (partial coverage), not counted against the index.
 */
import { randomUUID } from 'node:crypto';
import type { DataModel } from '../../../model/index.ts';
import type { PatternCoverage } from '../../artifacts/schema-doc.ts';
import type { Catalog, CatalogTable } from '../../database/catalog.ts';
import type { Database } from '../../database/database.ts';
import type { AppSession } from '../app-session.ts';
import type { CoverageReport } from '../outcome.ts';
import { accessPaths, type AccessPath, type PatternColumns } from './access-paths.ts';
import { describeNode, indexScans, scanOf, type PlanNode } from './plan.ts';

export const COVERAGE_METHOD =
  'EXPLAIN (FORMAT JSON) EXECUTE of each statement, PREPAREd as the application role with a tenant context, on the ' +
  'empty applied database; enable_seqscan, enable_bitmapscan and enable_sort off; plan_cache_mode = force_generic_plan; ' +
  'pg_statistic gives the tenant column n_distinct = 1 (one tenant\'s view) and every other column 10 for the duration of the proof.';

const SETTINGS =
  'SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off; ' +
  'SET LOCAL plan_cache_mode = force_generic_plan';

export interface CoverageResult {
  coverage: PatternCoverage[];
  summary: CoverageReport;
}

export async function proveCoverage(owner: Database, session: AppSession, model: DataModel, catalog: Catalog, schema = 'public'): Promise<CoverageResult> {
  const started = performance.now();
  const tables = new Map(catalog.tables.map((t) => [t.name, t]));
  const resolved = accessPaths(model, catalog, schema);
  const coverage: PatternCoverage[] = [];
  let error: string | undefined;
  const inserted = await pinTenantStatistics(owner, model.tenancy.column, schema);
  try {
    const plans = await planAll(session, model.tenancy.setting, resolved.flatMap((r) => (r.ok ? [r.path] : [])));
    const planOf = new Map(plans.map((p) => [p.path, p]));
    const nonLeakproof = await nonLeakproofColumns(owner, schema, [...new Set(plans.map((p) => p.path.table))].flatMap((t) => tables.get(t) ?? []));
    for (const r of resolved) {
      if (!r.ok) {
        coverage.push({ kind: 'query-pattern', entity: r.entity, table: r.table, description: r.description, query: null, status: 'unindexed', indexed: false, index: null, plan: null, rlsFiltered: [], proof: 'model', error: r.error });
        continue;
      }
      const planned = planOf.get(r.path)!;
      coverage.push(judge(planned, tables.get(r.path.table), model.tenancy.column, nonLeakproof.get(r.path.table) ?? new Set()));
    }
  } catch (e) {
    error = message(e);
  } finally {
    await unpinStatistics(owner, inserted);
  }
  const count = (status: PatternCoverage['status']): number => coverage.filter((c) => c.status === status).length;
  return {
    coverage,
    summary: { method: COVERAGE_METHOD, indexed: count('indexed'), partial: count('partial'), unindexed: count('unindexed'), ms: Math.round(performance.now() - started), ...(error ? { error } : {}) },
  };
}

interface Planned {
  path: AccessPath;
  root?: PlanNode;
  error?: string;
}

/**
 * One transaction as the application, a savepoint per statement; prepared statements outlive rollbacks, so all
 * are deallocated. The savepoint is renewed in the same round trip as the next PREPARE (a failed PREPARE leaves
 * the new savepoint to roll back to): two round trips per statement, where four were.
 */
async function planAll(session: AppSession, setting: string, paths: AccessPath[]): Promise<Planned[]> {
  const db = session.db;
  const planned: Planned[] = [];
  await db.exec(`BEGIN; ${SETTINGS}`);
  try {
    if (session.switchTo) await db.query('SELECT set_config($1, $2, true)', ['role', session.switchTo]);
    await db.query('SELECT set_config($1, $2, true)', [setting, randomUUID()]);
    await db.exec('SAVEPOINT sw_coverage');
    for (const [i, path] of paths.entries()) {
      try {
        await db.exec(`RELEASE SAVEPOINT sw_coverage; SAVEPOINT sw_coverage; PREPARE sw_coverage_${i} AS ${path.sql}`);
        const args = path.parameters > 0 ? `(${Array(path.parameters).fill('NULL').join(', ')})` : '';
        const [row] = await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) EXECUTE sw_coverage_${i}${args}`);
        planned.push({ path, root: rootOf(row?.['QUERY PLAN']) });
      } catch (e) {
        await db.exec('ROLLBACK TO SAVEPOINT sw_coverage');
        planned.push({ path, error: message(e) });
      }
    }
  } finally {
    await db.exec('ROLLBACK').catch(() => undefined);
    await db.exec('DEALLOCATE ALL').catch(() => undefined);
  }
  return planned;
}

function rootOf(value: unknown): PlanNode | undefined {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(parsed) ? (parsed[0] as { Plan?: PlanNode } | undefined)?.Plan : undefined;
}

function judge(planned: Planned, table: CatalogTable | undefined, tenantColumn: string, nonLeakproof: Set<string>): PatternCoverage {
  const { path } = planned;
  const base = { kind: path.kind, entity: path.entity, table: path.table, description: path.description, query: path.sql, proof: 'explain' as const };
  if (!planned.root || !table)
    return { ...base, status: 'unindexed', indexed: false, index: null, plan: null, rlsFiltered: [], error: planned.error ?? `no plan for ${path.table}` };
  const scans = indexScans(planned.root).map((node) => ({ node, columns: table.indexes.find((ix) => ix.name === node['Index Name'])?.columns ?? [] }));
  const underRls = table.rlsEnabled && table.policies.length > 0;
  const rlsFiltered = path.columns && underRls
    ? [...path.columns.equality, ...(path.columns.range ? [path.columns.range] : [])].filter((c) => nonLeakproof.has(c))
    : [];

  // A column RLS keeps out of the index condition cannot be searched by any index: the best left is partial.
  const serves = (columns: string[]): 'indexed' | 'partial' | undefined => {
    if (!path.columns) return columns[0] === tenantColumn ? 'indexed' : undefined;
    if (rlsFiltered.length === 0) return servesColumns(columns, path.columns, tenantColumn) ? 'indexed' : undefined;
    const rest = withoutFiltered(path.columns, rlsFiltered);
    // With every column filtered, what an index can still serve is the tenant predicate.
    const served = rest.equality.length > 0 ? servesColumns(columns, rest, tenantColumn) : columns[0] === tenantColumn;
    return served ? 'partial' : undefined;
  };
  const chosen = scans.find((s) => serves(s.columns) !== undefined);
  const policyServed = path.kind === 'tenant-policy' && chosen !== undefined && (chosen.node['Index Cond'] ?? '').includes(tenantColumn);
  const status = path.kind === 'tenant-policy' ? (policyServed ? 'indexed' : 'unindexed') : (chosen ? serves(chosen.columns)! : 'unindexed');
  const shown = chosen?.node ?? scans[0]?.node ?? scanOf(planned.root, path.table) ?? planned.root;
  return {
    ...base,
    status,
    indexed: status !== 'unindexed',
    index: status !== 'unindexed' ? (chosen?.node['Index Name'] ?? null) : null,
    plan: describeNode(shown),
    rlsFiltered: status === 'partial' ? rlsFiltered : [],
  };
}

/**
 * The index-shape rule of the indexes pass, on physical columns: after an optional leading tenant column, the
 * pattern's equality columns in any order, then its range and sort columns in order.
 */
export function servesColumns(indexColumns: readonly string[], pattern: PatternColumns, tenantColumn: string): boolean {
  let columns = indexColumns;
  if (columns[0] === tenantColumn && !pattern.equality.includes(tenantColumn)) columns = columns.slice(1);
  const head = columns.slice(0, pattern.equality.length);
  if (!pattern.equality.every((c) => head.includes(c))) return false;
  return pattern.tail.every((c, i) => columns[pattern.equality.length + i] === c);
}

/** What an index can still serve when RLS keeps `filtered` out of the index condition: the rest of the equality columns, unordered. */
function withoutFiltered(pattern: PatternColumns, filtered: string[]): PatternColumns {
  return { equality: pattern.equality.filter((c) => !filtered.includes(c)), range: undefined, tail: [] };
}

/** Columns whose `=` or `>=` runs a function that is not LEAKPROOF (enum and numeric comparisons, for two). */
async function nonLeakproofColumns(db: Database, schema: string, tables: CatalogTable[]): Promise<Map<string, Set<string>>> {
  const rows = await db.query<{ table_name: string; column_name: string }>(
    `SELECT c.relname::text AS table_name, a.attname::text AS column_name
     FROM pg_attribute a
     JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_type t ON t.oid = a.atttypid
     CROSS JOIN LATERAL (
       SELECT DISTINCT ON (o.oprname) o.oprcode FROM pg_operator o
       WHERE o.oprname IN ('=', '>=') AND o.oprleft = o.oprright
         AND o.oprleft IN (a.atttypid, CASE WHEN t.typtype = 'e' THEN 'anyenum'::regtype END, CASE WHEN t.typcategory = 'S' THEN 'text'::regtype END)
       ORDER BY o.oprname, o.oprleft = a.atttypid DESC) o
     JOIN pg_proc p ON p.oid = o.oprcode
     WHERE n.nspname = $1 AND c.relname = ANY($2::text[]) AND a.attnum > 0 AND NOT a.attisdropped AND NOT p.proleakproof`,
    [schema, tables.map((t) => t.name)],
  );
  const result = new Map<string, Set<string>>();
  for (const row of rows) result.set(row.table_name, (result.get(row.table_name) ?? new Set()).add(row.column_name));
  return result;
}

interface PinnedStatistic {
  starelid: string;
  staattnum: number;
}

/** Committed (a LOGIN session must see them) and removed by unpinStatistics; only columns that had no statistics are touched. */
async function pinTenantStatistics(db: Database, tenantColumn: string, schema: string): Promise<PinnedStatistic[]> {
  return db.query<PinnedStatistic>(
    `INSERT INTO pg_catalog.pg_statistic (starelid, staattnum, stainherit, stanullfrac, stawidth, stadistinct,
       stakind1, stakind2, stakind3, stakind4, stakind5, staop1, staop2, staop3, staop4, staop5,
       stacoll1, stacoll2, stacoll3, stacoll4, stacoll5)
     SELECT a.attrelid, a.attnum, false, 0, greatest(ty.typlen, 8), CASE WHEN a.attname = $2 THEN 1 ELSE 10 END,
       0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
     FROM pg_attribute a
     JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type ty ON ty.oid = a.atttypid
     WHERE n.nspname = $1 AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_statistic s WHERE s.starelid = a.attrelid AND s.staattnum = a.attnum)
     RETURNING starelid::text AS starelid, staattnum::int AS staattnum`,
    [schema, tenantColumn],
  );
}

async function unpinStatistics(db: Database, pinned: PinnedStatistic[]): Promise<void> {
  for (const p of pinned)
    await db.query('DELETE FROM pg_catalog.pg_statistic WHERE starelid = $1::oid AND staattnum = $2 AND NOT stainherit', [p.starelid, p.staattnum]).catch(() => undefined);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

