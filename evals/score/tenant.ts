/** Tenant (org_id) coverage and its diagnostics (README "Tenant (org_id) coverage"). */
import type { Catalog, CatalogTable } from '../../src/tools/database/catalog.ts';
import type { Gold } from './gold.ts';
import { findColumn, hasTenantColumn, matchSchema, norm, TENANT_KEY, type SchemaMatch } from './matching.ts';
import { metric, notApplicable, tally, type MetricResult } from './metric.ts';

export interface TenantScores {
  tenantCoverage: MetricResult;
  /** Diagnostic, should be 0: matched gold global tables that got org_id (hit = leaked tables). */
  globalLeakage: MetricResult;
  /** Diagnostic: generated tables outside the gold without org_id that are not seeded reference tables. */
  unscopedExtras: MetricResult;
  /** Diagnostic: generated tables carrying org_id (hit) of all generated tables; shows what tenancy adds. */
  tenantTables: MetricResult;
}

export function scoreTenant(catalog: Catalog, gold: Gold, match: SchemaMatch = matchSchema(catalog, gold)): TenantScores {
  const tables = match.catalog.tables;
  const withTenantKey = tables.filter(hasTenantColumn);
  const tenantTables = metric(withTenantKey.length, tables.length, []);
  // Single-tenant golds (peer benchmarks) have no tenant-scoped entities to judge.
  if (!match.multiTenant) {
    return { tenantCoverage: notApplicable(), globalLeakage: notApplicable(), unscopedExtras: notApplicable(), tenantTables };
  }

  const scoped = tables.filter((t) => match.tenantScoped.has(norm(t.name)));
  const tenantCoverage = tally(scoped, (table) => tenantKeyProblem(table, match.rootTable));

  const globals = gold.entities.flatMap((entity, i) => {
    const table = match.entities[i];
    return !entity.tenantScoped && table ? [table] : [];
  });
  const leaked = globals.filter(hasTenantColumn);
  const globalLeakage = metric(leaked.length, globals.length, leaked.map((t) => `${t.name}: global in the gold but has ${TENANT_KEY}`));

  const outside = tables.filter((t) => {
    const kind = match.roles.get(norm(t.name))?.kind;
    return kind !== 'entity' && kind !== 'junction';
  });
  // A table the seed filled is a global reference table: having no org_id is right for it.
  const unscoped = outside.filter((t) => !hasTenantColumn(t) && t.rowCount === 0);
  const unscopedExtras = metric(unscoped.length, outside.length, unscoped.map((t) => `${t.name}: not in the gold, no ${TENANT_KEY}, not seeded`));

  return { tenantCoverage, globalLeakage, unscopedExtras, tenantTables };
}

function tenantKeyProblem(table: CatalogTable, root: string | undefined): string | null {
  const column = findColumn(table, TENANT_KEY);
  if (!column) return `${table.name}: no ${TENANT_KEY}`;
  if (!column.notNull) return `${table.name}: ${TENANT_KEY} is nullable`;
  if (root === undefined) return `${table.name}: no organizations table to reference`;
  const references = table.foreignKeys.some((fk) => fk.columns.map(norm).includes(TENANT_KEY) && norm(fk.refTable) === root);
  return references ? null : `${table.name}: ${TENANT_KEY} does not reference ${root}`;
}

