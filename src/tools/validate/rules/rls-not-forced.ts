/**
 * RLS_NOT_FORCED ≈ schemalint row-level-security {enforced: true}: without FORCE the table's owner bypasses the
 * policies, and an application that connects as the owner (migrations and app sharing one role) is not
 * isolated at all. Reported only when RLS is on; rls-not-enabled's fix already forces it.
 */
import { violation, type Rule } from './rule.ts';
import { q, tenantTables } from './scope.ts';

export const rlsNotForced: Rule = {
  id: 'rls-not-forced',
  level: 'error',
  category: 'security',
  owner: 'tenancy',
  reads: 'database',
  title: 'Row-level security is forced on every tenant table (the owner is bound too)',
  remedy: 'ALTER TABLE … FORCE ROW LEVEL SECURITY',
  check: (context) =>
    tenantTables(context)
      .filter((table) => table.rlsEnabled && !table.rlsForced)
      .map((table) => violation(rlsNotForced, {
        target: table.name,
        message: `${table.name} has row-level security enabled but not forced: the table's owner (and any role that connects as it) bypasses the tenant policy.`,
        fix: `ALTER TABLE ${q(table.name)} FORCE ROW LEVEL SECURITY;`,
      })),
};
