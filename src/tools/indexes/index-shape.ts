/** How indexes relate to each other: the comparisons the indexes pass and the validator share. */
import type { Index, Predicate, QueryPattern } from '../../model/index.ts';

export function samePredicate(a: Predicate[], b: Predicate[]): boolean {
  const key = (p: Predicate) => JSON.stringify(p);
  return a.length === b.length && a.map(key).sort().join() === b.map(key).sort().join();
}

/** True when `index` starts with exactly the `leading` fields, in any order, and is not partial. */
export function leadsWith(index: Index, leading: string[]): boolean {
  if (index.where.length > 0 || index.fields.length < leading.length) return false;
  const head = index.fields.slice(0, leading.length);
  return leading.every((f) => head.includes(f));
}

export function indexKey(index: Index): string {
  return `${index.entity}|${index.fields.join(',')}|${index.unique}|${JSON.stringify(index.where)}`;
}

/** The first of each set of identical indexes, in order; one key per index (a pairwise search was quadratic). */
export function uniqueIndexes(indexes: Index[]): Index[] {
  const seen = new Set<string>();
  return indexes.filter((ix) => {
    const key = indexKey(ix);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Whether an index serves a query pattern: after an optional leading tenant key, its first columns are the
 * pattern's equality columns (any order), then its range and sort columns in order. A partial index serves
 * only queries that carry its predicate.
 */
export function servesPattern(index: Index, pattern: QueryPattern, tenantField: string): boolean {
  if (index.where.length > 0 && !index.where.every((p) => pattern.where.some((q) => samePredicate([p], [q])))) return false;
  let fields = index.fields;
  if (fields[0] === tenantField && !pattern.equality.includes(tenantField)) fields = fields.slice(1);
  const eq = fields.slice(0, pattern.equality.length);
  if (!pattern.equality.every((f) => eq.includes(f))) return false;
  const tail = patternTail(pattern).filter((f) => !pattern.equality.includes(f));
  return tail.every((f, i) => fields[pattern.equality.length + i] === f);
}

/** Range column, then sort columns, without repeats. */
export function patternTail(pattern: QueryPattern): string[] {
  const tail = [pattern.range, ...pattern.orderBy.map((o) => o.field)].filter((f): f is string => !!f);
  return tail.filter((f, i) => tail.indexOf(f) === i);
}
