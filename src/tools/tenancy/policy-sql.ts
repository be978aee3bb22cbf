/**
 * The tenant predicate of every policy (research/anchors.md §0.9): fails closed without a tenant context,
 * is evaluated once per statement (the SELECT makes it an InitPlan) and compares the indexed column directly.
 */
import type { Tenancy } from '../../model/index.ts';
import { quoteIdent, quoteLiteral } from '../sql/quote.ts';

const SETTING = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;

export function tenantPredicate(tenancy: Tenancy): string {
  if (!SETTING.test(tenancy.setting))
    throw new Error(`Tenant setting "${tenancy.setting}" must look like "app.current_org_id" (two lower-case words joined by a dot)`);
  return `${quoteIdent(tenancy.column)} = (SELECT NULLIF(current_setting(${quoteLiteral(tenancy.setting)}, true), '')::uuid)`;
}
