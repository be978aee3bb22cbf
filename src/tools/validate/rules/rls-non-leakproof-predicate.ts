/**
 * RLS_NON_LEAKPROOF_PREDICATE (ours, found by the EXPLAIN proof): under RLS PostgreSQL only moves a query's
 * condition into an index scan when its operator is LEAKPROOF, or it could leak other tenants' values through
 * errors. Enum and numeric `=` are not, so a pattern column of such a type is filtered after the index, and
 * an index column after it (or a sort) is wasted. A design choice, so a warning that no node acts on.
 */
import { violation, type Rule } from './rule.ts';

export const rlsNonLeakproofPredicate: Rule = {
  id: 'rls-non-leakproof-predicate',
  level: 'warning',
  category: 'performance',
  owner: undefined,
  reads: 'evidence',
  title: 'Query-pattern columns compare with LEAKPROOF operators, so RLS lets them into the index condition',
  remedy: 'Use text with a CHECK constraint instead of an enum (or numeric) for such columns, or accept the filter',
  check: ({ evidence }) =>
    (evidence?.coverage ?? [])
      .filter((c) => c.rlsFiltered.length > 0)
      .map((c) => violation(rlsNonLeakproofPredicate, {
        target: `${c.table}(${c.rlsFiltered.join(', ')})`,
        message: `"${c.description}": ${c.rlsFiltered.join(', ')} compare(s) with an operator that is not LEAKPROOF, so under RLS PostgreSQL ` +
          `filters on it after the index instead of searching by it${c.plan ? ` (${c.plan})` : ''}.`,
        fix: 'Store such a column as text with a CHECK (value IN (…)) constraint (text = is LEAKPROOF), or have a superuser mark the operator\'s function LEAKPROOF after reviewing it.',
      })),
};
