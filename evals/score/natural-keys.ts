/** Natural-key recall (README "Natural-key recall"). */
import type { Catalog } from '../../src/tools/database/catalog.ts';
import type { Gold } from './gold.ts';
import { findKeyFor, matchSchema, uniqueKeys, type SchemaMatch } from './matching.ts';
import { aliasText, tally, type MetricResult } from './metric.ts';

/**
 * A key is satisfied by a primary key, unique constraint or unique index (partial and expression ones too)
 * whose column set equals the key; org_id may be extra only when another key column references a tenant table.
 */
export function scoreNaturalKeys(catalog: Catalog, gold: Gold, match: SchemaMatch = matchSchema(catalog, gold)): MetricResult {
  const keys = gold.entities.flatMap((entity, i) => entity.naturalKeys.map((positions) => ({ entity, positions, table: match.entities[i] })));
  return tally(keys, ({ entity, positions, table }) => {
    const label = `${table?.name ?? entity.name}(${positions.map(aliasText).join(', ')})`;
    if (!table) return `${label}: table missing`;
    return findKeyFor(match, table, positions, uniqueKeys(table)) ? null : `${label}: no unique key on exactly these columns`;
  });
}
