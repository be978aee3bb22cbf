/**
 * FUNCTION_SEARCH_PATH_MUTABLE ≈ splinter 0011: a function without its own search_path resolves names through
 * the caller's, so a caller who can create objects in an earlier schema can substitute them (worst for
 * SECURITY DEFINER functions, which run with their owner's rights). We emit no functions; a hand-added one is judged.
 */
import { violation, type Rule } from './rule.ts';

export const functionSearchPathMutable: Rule = {
  id: 'function-search-path-mutable',
  level: 'warning',
  category: 'security',
  owner: 'migration',
  reads: 'database',
  title: 'Every function of the schema pins its search_path',
  remedy: 'ALTER FUNCTION … SET search_path = pg_catalog, public (or an empty one with qualified names)',
  check: ({ objects }) =>
    (objects?.functions ?? [])
      .filter((f) => !f.searchPathSet)
      .map((f) => violation(functionSearchPathMutable, {
        target: f.signature,
        message: `Function ${f.signature}${f.securityDefiner ? ' (SECURITY DEFINER)' : ''} has no search_path of its own: it resolves names through the caller's, which a caller can redirect.`,
        fix: `ALTER FUNCTION ${f.signature} SET search_path = pg_catalog, public;`,
      })),
};
