/**
 * SECURITY_DEFINER_VIEW ≈ splinter 0010: a view runs with its owner's privileges by default, and the owner
 * bypasses the RLS of the tables it reads (unless forced), so a view over tenant tables can show every tenant.
 */
import { violation, type Rule } from './rule.ts';
import { q } from './scope.ts';

export const securityDefinerView: Rule = {
  id: 'security-definer-view',
  level: 'warning',
  category: 'security',
  owner: 'migration',
  reads: 'database',
  title: 'Views run with the caller\'s privileges (security_invoker), so RLS applies through them',
  remedy: 'ALTER VIEW … SET (security_invoker = true) (PostgreSQL 15+)',
  check: ({ objects }) =>
    (objects?.views ?? [])
      .filter((v) => !v.securityInvoker)
      .map((v) => violation(securityDefinerView, {
        target: v.name,
        message: `View ${v.name} runs with its owner's privileges: the row-level security of the tables it reads does not apply to the caller.`,
        fix: `ALTER VIEW ${q(v.name)} SET (security_invoker = true);`,
      })),
};
