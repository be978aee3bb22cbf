/** Entity recall and precision (README "Entity recall", "Entity precision"). */
import type { Catalog } from '../../src/tools/database/catalog.ts';
import type { Gold } from './gold.ts';
import { matchSchema, norm, type SchemaMatch } from './matching.ts';
import { aliasText, metric, tally, type MetricResult } from './metric.ts';

export function scoreEntityRecall(catalog: Catalog, gold: Gold, match: SchemaMatch = matchSchema(catalog, gold)): MetricResult {
  return tally(gold.entities.map((entity, i) => ({ entity, table: match.entities[i] })), ({ entity, table }) =>
    table ? null : `${entity.name}: no table named ${aliasText(entity.tables)}`,
  );
}

/**
 * Matched ÷ considered tables. Junctions, allowedExtraTables and Prisma's bookkeeping are not considered; for
 * single-tenant golds neither are the tables our tenancy conventions add (reported as convention tables).
 */
export function scoreEntityPrecision(
  catalog: Catalog,
  gold: Gold,
  match: SchemaMatch = matchSchema(catalog, gold),
): MetricResult {
  let hit = 0;
  let total = 0;
  const misses: string[] = [];
  for (const table of match.catalog.tables) {
    const role = match.roles.get(norm(table.name));
    if (role === undefined || role.kind === 'junction' || role.kind === 'allowed-extra') continue;
    if (role.kind === 'convention' && !match.multiTenant) continue;
    total += 1;
    if (role.kind === 'entity') hit += 1;
    else misses.push(`${table.name}: matches no gold entity${role.kind === 'convention' ? ' (convention table)' : ''}`);
  }
  return metric(hit, total, misses);
}
