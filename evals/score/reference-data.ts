/** Reference-data recall (README "Reference-data recall"): needs the seeded values, read by the runner. */
import type { Catalog } from '../../src/tools/database/catalog.ts';
import type { Gold, GoldReferenceData } from './gold.ts';
import { hasTenantColumn, inAliases, matchSchema, norm, tableFor, type SchemaMatch } from './matching.ts';
import { aliasText, tally, type MetricResult } from './metric.ts';

/** Distinct values (as text) of columns of seeded tables: table → column → values. */
export type ReferenceValues = Record<string, Record<string, string[]>>;

export interface ColumnToRead {
  table: string;
  column: string;
}

/** The columns whose values scoreReferenceData needs: those matching a `keyColumn` (all columns without one). */
export function referenceColumnsToRead(
  catalog: Catalog,
  gold: Gold,
  match: SchemaMatch = matchSchema(catalog, gold),
): ColumnToRead[] {
  const out: ColumnToRead[] = [];
  for (const entry of gold.referenceData) {
    if (!entry.mustInclude?.length) continue;
    const table = tableFor(match, entry.tables);
    if (!table) continue;
    for (const column of table.columns) {
      if (keyColumnMatches(entry, column.name)) out.push({ table: table.name, column: column.name });
    }
  }
  return out;
}

export function scoreReferenceData(
  catalog: Catalog,
  gold: Gold,
  values: ReferenceValues,
  match: SchemaMatch = matchSchema(catalog, gold),
): MetricResult {
  return tally(gold.referenceData, (entry) => {
    const table = tableFor(match, entry.tables);
    if (!table) return `${aliasText(entry.tables)}: table missing`;
    const problems: string[] = [];
    if (table.rowCount < entry.minRows) problems.push(`${table.rowCount} rows, needs ${entry.minRows}`);
    if (entry.global && hasTenantColumn(table)) problems.push('has org_id but must be global');
    if (entry.mustInclude?.length) {
      const seeded = new Set(
        Object.entries(values[table.name] ?? {})
          .filter(([column]) => keyColumnMatches(entry, column))
          .flatMap(([, list]) => list.map((v) => v.toLowerCase())),
      );
      const absent = entry.mustInclude.filter((v) => !seeded.has(v.toLowerCase()));
      if (absent.length > 0) problems.push(`missing ${absent.join(', ')} in ${aliasText(entry.keyColumn ?? ['any column'])}`);
    }
    return problems.length === 0 ? null : `${table.name}: ${problems.join('; ')}`;
  });
}

function keyColumnMatches(entry: GoldReferenceData, column: string): boolean {
  return entry.keyColumn === undefined || inAliases(norm(column), entry.keyColumn);
}
