/**
 * POLICY_EXISTS_RLS_DISABLED ≈ splinter 0007: a policy on a table without RLS does nothing, which reads as
 * protection that is not there. Tenant tables are left to rls-not-enabled, so one fault gives one finding.
 */
import { violation, type Rule } from './rule.ts';
import { q, tenantTables } from './scope.ts';

export const policyExistsRlsDisabled: Rule = {
  id: 'policy-exists-rls-disabled',
  level: 'error',
  category: 'security',
  owner: 'tenancy',
  reads: 'database',
  title: 'No table has policies while row-level security is off',
  remedy: 'Enable RLS on the table, or drop the inert policies',
  check: (context) => {
    const tenant = new Set(tenantTables(context).map((t) => t.name));
    return (context.catalog?.tables ?? [])
      .filter((table) => !tenant.has(table.name) && table.policies.length > 0 && !table.rlsEnabled)
      .map((table) => violation(policyExistsRlsDisabled, {
        target: table.name,
        message: `${table.name} has policies (${table.policies.map((p) => p.name).join(', ')}) but row-level security is off, so none of them is applied.`,
        fix: `ALTER TABLE ${q(table.name)} ENABLE ROW LEVEL SECURITY;  -- or DROP POLICY … if the table is meant to be open`,
      }));
  },
};
