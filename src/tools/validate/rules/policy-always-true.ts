/**
 * POLICY_ALWAYS_TRUE ≈ splinter 0024: USING (true) / WITH CHECK (true) lets everything through. On a tenant
 * table any such policy breaks isolation (policies are OR'ed); elsewhere a read-only `true` is a legitimate
 * "everyone may read", but a write policy that is always true is not.
 */
import type { CatalogPolicy } from '../../database/catalog.ts';
import { tenantPredicate } from '../../tenancy/policy-sql.ts';
import { violation, type Rule } from './rule.ts';
import { alterPolicySql, tenantTables } from './scope.ts';

export const policyAlwaysTrue: Rule = {
  id: 'policy-always-true',
  level: 'error',
  category: 'security',
  owner: 'tenancy',
  reads: 'database',
  title: 'No policy on a tenant table, and no write policy anywhere, is always true',
  remedy: 'Replace the expression with the tenant predicate (the tenancy pass re-creates the policies)',
  check: (context) => {
    const tenant = new Set(tenantTables(context).map((t) => t.name));
    const predicate = tenantPredicate(context.model.tenancy);
    return (context.catalog?.tables ?? []).flatMap((table) =>
      table.policies
        .filter((p) => alwaysTrue(p) && (tenant.has(table.name) || p.command !== 'SELECT'))
        .map((p) => violation(policyAlwaysTrue, {
          target: `${table.name}.${p.name}`,
          message: `Policy ${p.name} on ${table.name} (${p.command}) is always true: every role it applies to can ` +
            `${p.command === 'SELECT' ? 'read' : 'read and write'} every row${tenant.has(table.name) ? ' of every tenant' : ''}.`,
          fix: alterPolicySql(table.name, p, predicate),
        })),
    );
  },
};

function alwaysTrue(policy: CatalogPolicy): boolean {
  return [policy.using, policy.withCheck].some((e) => e !== null && e.replace(/[()\s]/g, '').toLowerCase() === 'true');
}
