/** RLS coverage and the FORCE share (README "RLS coverage"). */
import type { Catalog, CatalogPolicy, CatalogTable } from '../../src/tools/database/catalog.ts';
import type { Gold } from './gold.ts';
import { hasTenantColumn, matchSchema, norm, TENANT_KEY, type SchemaMatch } from './matching.ts';
import { metric, type MetricResult } from './metric.ts';

export interface RlsScores {
  rlsCoverage: MetricResult;
  /** Tables of the same set that are covered and also FORCE row-level security (owners obey the policies). */
  rlsForced: MetricResult;
}

const COMMANDS = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const;
type Command = (typeof COMMANDS)[number];

/**
 * The set is the tenant-scoped tables plus every other table with org_id. `setting`, when known from the
 * generator's report, is the only session setting accepted as the tenant context.
 */
export function scoreRls(
  catalog: Catalog,
  gold: Gold,
  options: { setting?: string } = {},
  match: SchemaMatch = matchSchema(catalog, gold),
): RlsScores {
  const set = match.catalog.tables.filter((t) => match.tenantScoped.has(norm(t.name)) || hasTenantColumn(t));
  let covered = 0;
  let forced = 0;
  const coverageMisses: string[] = [];
  const forcedMisses: string[] = [];
  for (const table of set) {
    const problem = rlsProblem(table, options.setting);
    if (problem) {
      coverageMisses.push(problem);
      forcedMisses.push(`${table.name}: not covered by a tenant policy`);
      continue;
    }
    covered += 1;
    if (table.rlsForced) forced += 1;
    else forcedMisses.push(`${table.name}: RLS not forced (the owner bypasses the policies)`);
  }
  return {
    rlsCoverage: metric(covered, set.length, coverageMisses),
    rlsForced: metric(forced, set.length, forcedMisses),
  };
}

function rlsProblem(table: CatalogTable, setting: string | undefined): string | null {
  if (!table.rlsEnabled) return `${table.name}: RLS not enabled`;
  const covered = new Set<Command>();
  for (const policy of table.policies) for (const command of tenantCommands(policy, setting)) covered.add(command);
  const missing = COMMANDS.filter((c) => !covered.has(c));
  return missing.length === 0 ? null : `${table.name}: no tenant policy for ${missing.join(', ')}`;
}

/**
 * The commands a policy isolates by tenant. PostgreSQL checks new rows of ALL/UPDATE policies with USING when
 * WITH CHECK is absent; INSERT has only WITH CHECK, SELECT and DELETE only USING. Restrictive policies grant
 * nothing on their own, so they do not count.
 */
function tenantCommands(policy: CatalogPolicy, setting: string | undefined): Command[] {
  if (!policy.permissive) return [];
  const using = isTenantExpression(policy.using, setting);
  const check = isTenantExpression(policy.withCheck ?? policy.using, setting);
  switch (policy.command.toUpperCase()) {
    case 'ALL':
      return using && check ? [...COMMANDS] : [];
    case 'SELECT':
      return using ? ['SELECT'] : [];
    case 'DELETE':
      return using ? ['DELETE'] : [];
    case 'INSERT':
      return isTenantExpression(policy.withCheck, setting) ? ['INSERT'] : [];
    case 'UPDATE':
      return using && check ? ['UPDATE'] : [];
    default:
      return [];
  }
}

/** Compares org_id with current_setting(...) (the given setting when known). */
function isTenantExpression(expression: string | null, setting: string | undefined): boolean {
  if (!expression) return false;
  const text = expression.toLowerCase();
  if (!new RegExp(`\\b${TENANT_KEY}\\b`).test(text) || !text.includes('=')) return false;
  const settings = [...text.matchAll(/current_setting\(\s*'([^']+)'/g)].map((m) => m[1]);
  return setting === undefined ? settings.length > 0 : settings.includes(setting.toLowerCase());
}

/** The settings the policies read, for when the generator's report names none (README, isolation probe). */
export function settingsInPolicies(catalog: Catalog): string[] {
  const found = new Set<string>();
  for (const table of catalog.tables) {
    for (const policy of table.policies) {
      for (const expression of [policy.using, policy.withCheck]) {
        for (const m of (expression ?? '').matchAll(/current_setting\(\s*'([^']+)'/gi)) if (m[1]) found.add(m[1]);
      }
    }
  }
  return [...found];
}
