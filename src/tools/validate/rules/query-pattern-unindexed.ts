/**
 * QUERY_PATTERN_UNINDEXED (ours, index coverage): every query pattern the input names is served by an index,
 * proven by EXPLAIN on the applied database as the application role (see coverage/explain-coverage.ts).
 */
import { violation, type Rule } from './rule.ts';

export const queryPatternUnindexed: Rule = {
  id: 'query-pattern-unindexed',
  level: 'error',
  category: 'performance',
  owner: 'indexes',
  reads: 'evidence',
  title: 'EXPLAIN as the application shows an index serving every query pattern',
  remedy: 'An index led by the tenant key, then the equality columns, then range and sort columns',
  check: ({ evidence }) =>
    (evidence?.coverage ?? [])
      .filter((c) => c.kind === 'query-pattern' && c.status === 'unindexed')
      .map((c) => violation(queryPatternUnindexed, {
        target: c.table,
        message: `No index serves "${c.description}"${c.proof === 'explain' ? `: the plan is ${c.plan ?? c.error ?? 'unknown'}` : ' (judged on the model: the migration did not apply)'}.`,
        fix: 'Add an index led by the tenant key, then the equality columns, then range and sort columns (the indexes pass derives it from the pattern).',
      })),
};
