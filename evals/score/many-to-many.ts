/** M2M recall (README "M2M recall"): the structural test itself lives in matching.ts, shared with precision. */
import type { Catalog } from '../../src/tools/database/catalog.ts';
import type { Gold } from './gold.ts';
import { matchSchema, type SchemaMatch } from './matching.ts';
import { aliasText, tally, type MetricResult } from './metric.ts';

export function scoreManyToMany(catalog: Catalog, gold: Gold, match: SchemaMatch = matchSchema(catalog, gold)): MetricResult {
  return tally(gold.manyToMany.map((relation, i) => ({ relation, junction: match.junctions[i] })), ({ relation, junction }) => {
    if (junction?.satisfied) return null;
    const label = `${aliasText(relation.a)} ↔ ${aliasText(relation.b)}`;
    return junction?.table
      ? `${label}: ${junction.table.name} lacks FKs to both sides with a key on exactly those columns`
      : `${label}: no junction table${relation.junction ? ` (${aliasText(relation.junction)})` : ''}`;
  });
}
