/**
 * Best-practice checks over what PostgreSQL really created (a Catalog), not over our model, so they judge any
 * schema. Each check is one small pure function; `catalogFindings` runs them all.
 */
import { Tenancy, fitIdentifier, type Finding } from '../../model/index.ts';
import type { Catalog, CatalogForeignKey, CatalogPolicy, CatalogTable } from '../database/catalog.ts';
import { quoteCatalogIdent as q } from '../database/read-catalog.ts';
import { quoteLiteral } from '../sql/quote.ts';

export interface CatalogCheckOptions {
  /** The tenant key column; a table that has it is tenant-scoped. */
  tenantColumn: string;
  /** Tables the model declares tenant-scoped; they are checked even when the tenant column is missing. */
  tenantTables?: ReadonlySet<string>;
  /** The session setting the policies read (used in suggested fixes). */
  setting: string;
  /** The application role the policies apply to (used in suggested fixes). */
  appRole: string;
}

const defaults = Tenancy.parse({});
const DEFAULT_CATALOG_CHECK_OPTIONS: CatalogCheckOptions = {
  tenantColumn: defaults.column,
  setting: defaults.setting,
  appRole: defaults.appRole,
};

export function catalogFindings(catalog: Catalog, options: Partial<CatalogCheckOptions> = {}): Finding[] {
  const opts = { ...DEFAULT_CATALOG_CHECK_OPTIONS, ...options };
  return [
    ...unindexedForeignKeys(catalog),
    ...rlsDisabled(catalog, opts),
    ...rlsNotForced(catalog, opts),
    ...rlsNoPolicy(catalog, opts),
    ...rlsInitplan(catalog, opts),
  ];
}

/** Declared tenant tables plus every table that carries the tenant column (evals README, RLS coverage). */
export function tenantTables(catalog: Catalog, options: Pick<CatalogCheckOptions, 'tenantColumn' | 'tenantTables'>): CatalogTable[] {
  return catalog.tables.filter(
    (t) => options.tenantTables?.has(t.name) || t.columns.some((c) => c.name === options.tenantColumn),
  );
}

/**
 * Every FK needs an index whose leading columns are the FK's columns (any order): deleting or updating a
 * parent row looks the children up by exactly those columns. A partial index does not count: the planner can
 * only use it when the query implies its predicate, which the FK's lookups never do.
 */
export function unindexedForeignKeys(catalog: Catalog): Finding[] {
  const findings: Finding[] = [];
  for (const table of catalog.tables) {
    for (const fk of table.foreignKeys) {
      if (isCovered(table, fk)) continue;
      const name = fitIdentifier(`${table.name}_${fk.columns.join('_')}_idx`);
      findings.push({
        ruleId: 'unindexed-foreign-key',
        level: 'error',
        category: 'performance',
        target: fkTarget(table, fk),
        message:
          `Foreign key ${fk.name} (${fk.columns.join(', ')}) → ${fk.refTable} has no index leading with its columns` +
          `${hasPartialCover(table, fk) ? ' (only a partial index, which FK lookups cannot use)' : ''}: every ` +
          `delete or key update on ${fk.refTable} scans ${table.name}, and joins from ${fk.refTable} cannot use an index.`,
        fix:
          `CREATE INDEX ${q(name)} ON ${q(table.name)} (${fk.columns.map(q).join(', ')});\n` +
          `Prisma: in the model mapped to "${table.name}", add @@index([...]) over the fields mapped to ` +
          `${fk.columns.join(', ')}, in that order (an index that exists only in SQL is dropped by the next migrate).`,
        owner: 'indexes',
      });
    }
  }
  return findings;
}

function leadsWith(columns: string[], fk: CatalogForeignKey): boolean {
  const leading = new Set(columns.slice(0, fk.columns.length));
  return leading.size === fk.columns.length && fk.columns.every((c) => leading.has(c));
}

function isCovered(table: CatalogTable, fk: CatalogForeignKey): boolean {
  return table.indexes.some((index) => index.predicate === null && leadsWith(index.columns, fk));
}

function hasPartialCover(table: CatalogTable, fk: CatalogForeignKey): boolean {
  return table.indexes.some((index) => index.predicate !== null && leadsWith(index.columns, fk));
}

function fkTarget(table: CatalogTable, fk: CatalogForeignKey): string {
  return fk.columns.length === 1 ? `${table.name}.${fk.columns[0]}` : `${table.name}(${fk.columns.join(', ')})`;
}

/** Without RLS a tenant table is visible to every tenant: isolation then rests on every query's WHERE clause. */
export function rlsDisabled(catalog: Catalog, options: CatalogCheckOptions): Finding[] {
  return tenantTables(catalog, options)
    .filter((table) => !table.rlsEnabled)
    .map((table) => ({
      ruleId: 'rls-disabled',
      level: 'error',
      category: 'security',
      target: table.name,
      message: `${table.name} is tenant-scoped but row-level security is off: any tenant can read and change every other tenant's rows.`,
      fix: `ALTER TABLE ${q(table.name)} ENABLE ROW LEVEL SECURITY;\nALTER TABLE ${q(table.name)} FORCE ROW LEVEL SECURITY;`,
      owner: 'tenancy',
    }));
}

/**
 * Without FORCE the table's owner bypasses the policies. An application that connects as the owner (common
 * when migrations and the app share one role) is then not isolated at all. Reported only when RLS is on;
 * rls-disabled's fix already forces it.
 */
export function rlsNotForced(catalog: Catalog, options: CatalogCheckOptions): Finding[] {
  return tenantTables(catalog, options)
    .filter((table) => table.rlsEnabled && !table.rlsForced)
    .map((table) => ({
      ruleId: 'rls-not-forced',
      level: 'error',
      category: 'security',
      target: table.name,
      message: `${table.name} has row-level security enabled but not forced: the table's owner (and any role that connects as it) bypasses the tenant policy.`,
      fix: `ALTER TABLE ${q(table.name)} FORCE ROW LEVEL SECURITY;`,
      owner: 'tenancy',
    }));
}

/** With RLS on and no policy every non-owner sees nothing (deny-all); with RLS off there is nothing to enforce. */
export function rlsNoPolicy(catalog: Catalog, options: CatalogCheckOptions): Finding[] {
  return tenantTables(catalog, options)
    .filter((table) => table.policies.length === 0)
    .map((table) => {
      const type = table.columns.find((c) => c.name === options.tenantColumn)?.type ?? 'uuid';
      const context = `(SELECT NULLIF(current_setting(${quoteLiteral(options.setting)}, true), '')::${type})`;
      const condition = `${q(options.tenantColumn)} = ${context}`;
      return {
        ruleId: 'rls-no-policy',
        level: 'error',
        category: 'security',
        target: table.name,
        message: table.rlsEnabled
          ? `${table.name} has row-level security on but no policy: the application role can neither read nor write it.`
          : `${table.name} has no row-level security policy, so nothing limits a tenant to its own rows.`,
        fix:
          `CREATE POLICY ${q(fitIdentifier(`${table.name}_tenant_isolation`))} ON ${q(table.name)} AS PERMISSIVE FOR ALL ` +
          `TO ${q(options.appRole)}\n  USING (${condition})\n  WITH CHECK (${condition});`,
        owner: 'tenancy',
      };
    });
}

/**
 * A bare current_setting() in a policy is evaluated for every row; wrapped in a scalar sub-select it becomes an
 * InitPlan evaluated once per statement, and the comparison can use an index on the tenant column.
 */
export function rlsInitplan(catalog: Catalog, options: CatalogCheckOptions): Finding[] {
  const findings: Finding[] = [];
  for (const table of catalog.tables) {
    for (const policy of table.policies) {
      if (!policyExpressions(policy).some(hasBareCurrentSetting)) continue;
      findings.push({
        ruleId: 'rls-initplan',
        level: 'warning',
        category: 'performance',
        target: table.name,
        message: `Policy ${policy.name} on ${table.name} calls current_setting() outside a (SELECT …): it is re-evaluated for every row instead of once per statement.`,
        fix:
          `Wrap each call in a scalar sub-select, e.g. USING (${q(options.tenantColumn)} = ` +
          `(SELECT NULLIF(current_setting(${quoteLiteral(options.setting)}, true), '')::uuid)); ` +
          `recreate the policy with ALTER POLICY ${q(policy.name)} ON ${q(table.name)} USING (…) WITH CHECK (…);`,
        owner: 'tenancy',
      });
    }
  }
  return findings;
}

function policyExpressions(policy: CatalogPolicy): string[] {
  return [policy.using, policy.withCheck].filter((e): e is string => e !== null);
}

/**
 * True when some current_setting( call is not inside a parenthesised sub-select. A text search such as
 * "select current_setting(" (splinter 0003) misses the wrapped NULLIF(current_setting(…)) form we emit.
 * String literals and quoted identifiers are skipped so that their contents cannot fool the scan.
 */
export function hasBareCurrentSetting(expression: string): boolean {
  const insideSelect: boolean[] = [];
  const tokens = /'(?:[^']|'')*'|"(?:[^"]|"")*"|\(\s*select\b|\(|\)|\bcurrent_setting\s*\(/gi;
  for (const match of expression.matchAll(tokens)) {
    const token = match[0].toLowerCase();
    if (token.startsWith("'") || token.startsWith('"')) continue;
    if (token === ')') {
      insideSelect.pop();
    } else if (token.startsWith('current_setting')) {
      if (!insideSelect.includes(true)) return true;
      insideSelect.push(false);
    } else {
      insideSelect.push(token !== '(');
    }
  }
  return false;
}
