/** Query-pattern index coverage, strict (README rule) and relaxed (sort columns need not follow immediately). */
import type { Catalog, CatalogTable } from '../../src/tools/database/catalog.ts';
import type { Gold, GoldQueryPattern } from './gold.ts';
import { coversPositions, inAliases, matchSchema, norm, tableFor, TENANT_KEY, type SchemaMatch } from './matching.ts';
import { aliasText, tally, type MetricResult } from './metric.ts';

export interface QueryPatternScores {
  queryPatterns: MetricResult;
  /** Other columns may sit between the equality columns and the sort/range columns. */
  queryPatternsRelaxed: MetricResult;
}

export function scoreQueryPatterns(
  catalog: Catalog,
  gold: Gold,
  match: SchemaMatch = matchSchema(catalog, gold),
): QueryPatternScores {
  const score = (relaxed: boolean): MetricResult =>
    tally(gold.queryPatterns, (pattern) => {
      const table = tableFor(match, pattern.table);
      const label = `${table?.name ?? aliasText(pattern.table)}${patternText(pattern)} (${pattern.note})`;
      if (!table) return `${label}: table missing`;
      return indexKeys(table).some((columns) => coversPattern(columns, pattern, relaxed)) ? null : `${label}: no covering index`;
    });
  return { queryPatterns: score(false), queryPatternsRelaxed: score(true) };
}

/**
 * Strict: after a leading org_id (skipped unless the pattern lists org_id), the first columns are exactly the
 * equality columns in any order, then the sort/range columns immediately and in order; more may trail.
 */
function coversPattern(indexColumns: readonly string[], pattern: GoldQueryPattern, relaxed: boolean): boolean {
  let columns = indexColumns.map(norm);
  const listsTenantKey = pattern.columns.some((aliases) => aliases.includes(TENANT_KEY));
  if (!listsTenantKey && columns[0] === TENANT_KEY) columns = columns.slice(1);
  const n = pattern.columns.length;
  if (!coversPositions(columns.slice(0, n), pattern.columns)) return false;
  const sort = pattern.sortOrRange ?? [];
  const rest = columns.slice(n);
  const sortStartsAt = (k: number): boolean => sort.every((aliases, j) => inAliases(rest[k + j] ?? '', aliases));
  if (!relaxed) return sortStartsAt(0);
  return sort.length === 0 || rest.some((_, k) => sortStartsAt(k));
}

/** Every index's key columns, the primary key included (an expression key arrives as its single column). */
function indexKeys(table: CatalogTable): string[][] {
  const keys = table.indexes.map((index) => index.columns);
  if (table.primaryKey.length > 0) keys.push(table.primaryKey);
  return keys;
}

function patternText(pattern: GoldQueryPattern): string {
  const equality = pattern.columns.map(aliasText).join(', ');
  const sort = (pattern.sortOrRange ?? []).map(aliasText).join(', ');
  return `(${equality})${sort ? ` then (${sort})` : ''}`;
}
