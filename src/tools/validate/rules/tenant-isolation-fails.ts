/**
 * TENANT_ISOLATION_FAILS (the probe, evals README): as the application, with organization B's context, A's rows
 * are invisible, untouchable and cannot be created, nothing is visible without a context, and A's own row can be
 * written under A's context. A table that fails any of that is not isolated (or not usable).
 */
import { violation, type Rule } from './rule.ts';

export const tenantIsolationFails: Rule = {
  id: 'tenant-isolation-fails',
  level: 'error',
  category: 'security',
  owner: 'tenancy',
  reads: 'evidence',
  title: 'The isolation probe passes on every tenant table (as the application, two organizations)',
  remedy: 'RLS enabled and forced with the tenant policy for the application role',
  check: ({ evidence }) =>
    (evidence?.isolation?.tables ?? [])
      .filter((t) => t.status === 'failed')
      .map((t) => violation(tenantIsolationFails, {
        target: t.table,
        message: `Tenant isolation fails on ${t.table}: ${t.error ?? JSON.stringify(t.checks)}`,
        fix: 'Enable and force RLS and give the table the tenant policy (USING and WITH CHECK on the tenant key).',
      })),
};
