/**
 * POLICY_NOT_INITPLAN ≈ splinter 0003 (auth_rls_initplan): a bare current_setting() in a policy is evaluated
 * for every row; wrapped in a scalar sub-select it becomes an InitPlan evaluated once per statement, and the
 * comparison can use the tenant-key index. An error here, not a warning: our policies are generated, and a
 * bare call also breaks failing closed (an empty setting cast to uuid raises instead of matching nothing).
 */
import type { CatalogPolicy } from '../../database/catalog.ts';
import { tenantPredicate } from '../../tenancy/policy-sql.ts';
import { violation, type Rule } from './rule.ts';
import { alterPolicySql } from './scope.ts';

export const policyNotInitplan: Rule = {
  id: 'policy-not-initplan',
  level: 'error',
  category: 'performance',
  owner: 'tenancy',
  reads: 'database',
  title: 'Every current_setting() in a policy sits inside a (SELECT …), so it is evaluated once per statement',
  remedy: 'The tenancy pass re-creates the policies with (SELECT NULLIF(current_setting(…, true), \'\')::uuid)',
  check: ({ model, catalog }) =>
    (catalog?.tables ?? []).flatMap((table) =>
      table.policies
        .filter((p) => expressions(p).some(hasBareCurrentSetting))
        .map((p) => violation(policyNotInitplan, {
          target: `${table.name}.${p.name}`,
          message: `Policy ${p.name} on ${table.name} calls current_setting() outside a (SELECT …): it is re-evaluated for every row instead of once per statement.`,
          fix: alterPolicySql(table.name, p, tenantPredicate(model.tenancy)),
        })),
    ),
};

function expressions(policy: CatalogPolicy): string[] {
  return [policy.using, policy.withCheck].filter((e): e is string => e !== null);
}

/**
 * True when some current_setting( call is not inside a parenthesised sub-select. A text search such as
 * "select current_setting(" (splinter 0003) misses the wrapped NULLIF(current_setting(…)) form we emit.
 * String literals and quoted identifiers are skipped so that their contents cannot fool the scan.
 */
export function hasBareCurrentSetting(expression: string): boolean {
  const insideSelect: boolean[] = [];
  const tokens = /'(?:[^']|'')*'|"(?:[^"]|"")*"|\(\s*select\b|\(|\)|\bcurrent_setting\s*\(/gi;
  for (const match of expression.matchAll(tokens)) {
    const token = match[0].toLowerCase();
    if (token.startsWith("'") || token.startsWith('"')) continue;
    if (token === ')') {
      insideSelect.pop();
    } else if (token.startsWith('current_setting')) {
      if (!insideSelect.includes(true)) return true;
      insideSelect.push(false);
    } else {
      insideSelect.push(token !== '(');
    }
  }
  return false;
}
