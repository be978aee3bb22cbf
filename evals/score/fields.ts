/** Field recall and nullability accuracy (README "Field recall"). */
import type { Catalog, CatalogTable } from '../../src/tools/database/catalog.ts';
import type { Gold, GoldField } from './gold.ts';
import { inAliases, matchSchema, type SchemaMatch } from './matching.ts';
import { aliasText, metric, type MetricResult } from './metric.ts';

export interface FieldScores {
  fieldRecall: MetricResult;
  /** Among found fields whose `required` is given: NOT NULL agrees with it. */
  nullability: MetricResult;
}

export function scoreFields(catalog: Catalog, gold: Gold, match: SchemaMatch = matchSchema(catalog, gold)): FieldScores {
  // Unmatched entities and junctions are left out, so one missing table is not penalised twice.
  const scopes: Array<{ table: CatalogTable; fields: GoldField[] }> = [];
  gold.entities.forEach((entity, i) => {
    const table = match.entities[i];
    if (table) scopes.push({ table, fields: entity.fields });
  });
  gold.manyToMany.forEach((m, i) => {
    const table = match.junctions[i]?.table;
    if (table && m.fields) scopes.push({ table, fields: m.fields });
  });

  let found = 0;
  let total = 0;
  let agree = 0;
  let judged = 0;
  const missing: string[] = [];
  const wrongNullability: string[] = [];
  for (const { table, fields } of scopes) {
    for (const field of fields) {
      total += 1;
      const column = table.columns.find((c) => inAliases(c.name, field.names));
      if (!column) {
        missing.push(`${table.name}.${aliasText(field.names)}: missing`);
        continue;
      }
      found += 1;
      if (field.required === undefined) continue;
      judged += 1;
      if (column.notNull === field.required) agree += 1;
      else wrongNullability.push(`${table.name}.${column.name}: ${column.notNull ? 'NOT NULL' : 'nullable'}, gold says ${field.required ? 'required' : 'optional'}`);
    }
  }
  return { fieldRecall: metric(found, total, missing), nullability: metric(agree, judged, wrongNullability) };
}
