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
 * Each statement PREPAREd and EXPLAINed in a subtransaction of its own, all in one round trip: a failing
 * statement gives its error and leaves the others planned. Temporary, so it goes with the proof's rollback.
 * Prepared statements outlive rollbacks: planAll deallocates them all afterwards.
 */
const PLAN_FUNCTION = `CREATE FUNCTION pg_temp.sw_coverage_plans(statements text[], arguments text[])
RETURNS TABLE (plan text, error_message text)
LANGUAGE plpgsql AS $sw_coverage$
BEGIN
  FOR i IN 1 .. coalesce(array_length(statements, 1), 0) LOOP
    plan := NULL; error_message := NULL;
    BEGIN
      EXECUTE format('PREPARE sw_coverage_%s AS %s', i, statements[i]);
      EXECUTE format('EXPLAIN (FORMAT JSON) EXECUTE sw_coverage_%s%s', i, arguments[i]) INTO plan;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS error_message = MESSAGE_TEXT;
    END;
    RETURN NEXT;
  END LOOP;
END
$sw_coverage$`;

/** One transaction as the application, with the planner settings above; nothing it creates outlives it. */
async function planAll(session: AppSession, setting: string, paths: AccessPath[]): Promise<Planned[]> {
  const db = session.db;
  await db.exec(`BEGIN; ${SETTINGS}; ${PLAN_FUNCTION}`);
  try {
    if (session.switchTo) await db.query('SELECT set_config($1, $2, true)', ['role', session.switchTo]);
    await db.query('SELECT set_config($1, $2, true)', [setting, randomUUID()]);
    const rows = await db.query<{ plan: string | null; error_message: string | null }>(
      'SELECT * FROM pg_temp.sw_coverage_plans($1::text[], $2::text[])',
      [paths.map((p) => p.sql), paths.map((p) => (p.parameters > 0 ? `(${Array(p.parameters).fill('NULL').join(', ')})` : ''))],
    );
    if (rows.length !== paths.length) throw new Error(`planned ${rows.length} of ${paths.length} statements`);
    return paths.map((path, i) => {
      const row = rows[i]!;
      return row.plan === null ? { path, error: row.error_message ?? 'no plan' } : { path, root: rootOf(row.plan) };
    });
  } finally {
    await db.exec('ROLLBACK').catch(() => undefined);
    await db.exec('DEALLOCATE ALL').catch(() => undefined);
  }
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

/** One statement for all of them: a schema of 200 entities pins some 2,400 column statistics. */
async function unpinStatistics(db: Database, pinned: PinnedStatistic[]): Promise<void> {
  if (pinned.length === 0) return;
  await db.query(
    `DELETE FROM pg_catalog.pg_statistic s USING unnest($1::oid[], $2::int[]) AS p(starelid, staattnum)
     WHERE s.starelid = p.starelid AND s.staattnum = p.staattnum AND NOT s.stainherit`,
    [pinned.map((p) => p.starelid), pinned.map((p) => p.staattnum)],
  ).catch(() => undefined);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

