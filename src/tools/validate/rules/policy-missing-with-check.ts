/**
 * POLICY_MISSING_WITH_CHECK (ours): a write-capable policy on a tenant table states WITH CHECK. PostgreSQL falls
 * back to USING for ALL and UPDATE policies, but the fallback is implicit, disappears when someone edits USING
 * for reads, and an INSERT policy without it checks nothing; so the check is required to be explicit.
 */
import { tenantPredicate } from '../../tenancy/policy-sql.ts';
import { violation, type Rule } from './rule.ts';
import { q, tenantTables } from './scope.ts';

const WRITES = new Set(['ALL', 'INSERT', 'UPDATE']);

export const policyMissingWithCheck: Rule = {
  id: 'policy-missing-with-check',
  level: 'error',
  category: 'security',
  owner: 'tenancy',
  reads: 'database',
  title: 'Every ALL / INSERT / UPDATE policy on a tenant table states WITH CHECK',
  remedy: 'The tenancy pass re-creates each policy with WITH CHECK equal to USING',
  check: (context) => {
    const predicate = tenantPredicate(context.model.tenancy);
    return tenantTables(context).flatMap((table) =>
      table.policies
        .filter((p) => WRITES.has(p.command) && p.withCheck === null)
        .map((p) => violation(policyMissingWithCheck, {
          target: `${table.name}.${p.name}`,
          message: `Policy ${p.name} on ${table.name} allows ${p.command === 'ALL' ? 'writes' : p.command} without a WITH CHECK: ` +
            `which rows a tenant may write is left implicit${p.command === 'INSERT' ? ' (for INSERT: unchecked)' : ''}.`,
          fix: `ALTER POLICY ${q(p.name)} ON ${q(table.name)} WITH CHECK (${predicate});`,
        })),
    );
  },
};
