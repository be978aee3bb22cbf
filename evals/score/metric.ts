/** The shape every metric returns, so one report can show the score, the raw counts and what was missed. */
export interface MetricResult {
  /** hit ÷ total, or null when the gold has nothing to score for this metric. */
  score: number | null;
  hit: number;
  total: number;
  /** Human-readable items that count against the score: what engineers read to improve extraction. */
  misses: string[];
}

export function metric(hit: number, total: number, misses: string[] = []): MetricResult {
  return { score: total === 0 ? null : hit / total, hit, total, misses };
}

/** A metric that cannot be computed for this input (for example tenant coverage on a single-tenant gold). */
export function notApplicable(): MetricResult {
  return { score: null, hit: 0, total: 0, misses: [] };
}

/** Counts items that pass; the label of every failing item (with its reason) becomes a miss. */
export function tally<T>(items: readonly T[], check: (item: T) => string | null): MetricResult {
  const misses: string[] = [];
  for (const item of items) {
    const miss = check(item);
    if (miss !== null) misses.push(miss);
  }
  return metric(items.length - misses.length, items.length, misses);
}

/** "[a|b|c]": how a miss shows an alias list. */
export function aliasText(aliases: readonly string[]): string {
  return aliases.length === 1 ? (aliases[0] ?? '') : `[${aliases.join('|')}]`;
}
