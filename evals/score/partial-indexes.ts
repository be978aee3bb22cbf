/** Partial-index recall (README "Partial-index recall"). */
import type { Catalog, CatalogIndex } from '../../src/tools/database/catalog.ts';
import type { Gold } from './gold.ts';
import { findKeyFor, inAliases, matchSchema, norm, tableFor, type SchemaMatch } from './matching.ts';
import { aliasText, tally, type MetricResult } from './metric.ts';

export function scorePartialIndexes(
  catalog: Catalog,
  gold: Gold,
  match: SchemaMatch = matchSchema(catalog, gold),
): MetricResult {
  return tally(gold.partialIndexes, (entry) => {
    const table = tableFor(match, entry.table);
    const label = `${table?.name ?? aliasText(entry.table)}(${entry.columns.map(aliasText).join(', ')}) ${entry.unique ? 'unique ' : ''}where ${aliasText(entry.wherePredicateMentions)}`;
    if (!table) return `${label}: table missing`;
    const satisfied = table.indexes.some((index) => {
      if (index.predicate === null || index.unique !== entry.unique) return false;
      if (!predicateMentions(index.predicate, entry.wherePredicateMentions)) return false;
      return entry.unique
        ? findKeyFor(match, table, entry.columns, [{ name: index.name, columns: index.columns.map(norm), partial: true }]) !== undefined
        : entry.columns.every((aliases) => index.columns.some((c) => inAliases(c, aliases)));
    });
    return satisfied ? null : `${label}: no such partial index${describePartials(table.indexes)}`;
  });
}

/**
 * "Mentions" is read as: one of the aliases is a whole word of the predicate text (identifiers and words in
 * literals alike), so "active" is found in status = 'active' but not inside is_active.
 */
function predicateMentions(predicate: string, aliases: readonly string[]): boolean {
  const words = new Set(predicate.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
  return aliases.some((alias) => words.has(alias));
}

function describePartials(indexes: readonly CatalogIndex[]): string {
  const partials = indexes.filter((i) => i.predicate !== null);
  if (partials.length === 0) return '';
  return ` (partial indexes present: ${partials.map((i) => `${i.unique ? 'unique ' : ''}(${i.columns.join(', ')}) where ${i.predicate}`).join('; ')})`;
}
