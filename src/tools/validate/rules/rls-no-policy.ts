/**
 * RLS_NO_POLICY ≈ splinter 0008: with RLS on and no policy every non-owner sees nothing (deny-all); with RLS
 * off there is nothing to enforce. Either way a tenant table needs the tenant policy.
 */
import { fitIdentifier } from '../../../model/index.ts';
import { tenantPredicate } from '../../tenancy/policy-sql.ts';
import { violation, type Rule } from './rule.ts';
import { q, tenantTables } from './scope.ts';

export const rlsNoPolicy: Rule = {
  id: 'rls-no-policy',
  level: 'error',
  category: 'security',
  owner: 'tenancy',
  reads: 'database',
  title: 'Every tenant table has a policy',
  remedy: 'The tenancy pass re-creates one policy per tenant table from the tenancy settings',
  check: (context) => {
    const { tenancy } = context.model;
    return tenantTables(context)
      .filter((table) => table.policies.length === 0)
      .map((table) => {
        const condition = tenantPredicate(tenancy);
        return violation(rlsNoPolicy, {
          target: table.name,
          message: table.rlsEnabled
            ? `${table.name} has row-level security on but no policy: the application role can neither read nor write it.`
            : `${table.name} has no row-level security policy, so nothing limits a tenant to its own rows.`,
          fix:
            `CREATE POLICY ${q(fitIdentifier(`${table.name}_tenant_isolation`))} ON ${q(table.name)} AS PERMISSIVE FOR ALL ` +
            `TO ${q(tenancy.appRole)}\n  USING (${condition})\n  WITH CHECK (${condition});`,
        });
      });
  },
};
