/** RLS_NOT_ENABLED ≈ splinter 0013: without RLS a tenant table is shared by every tenant; isolation then rests on every WHERE. */
import { violation, type Rule } from './rule.ts';
import { q, tenantTables } from './scope.ts';

export const rlsNotEnabled: Rule = {
  id: 'rls-not-enabled',
  level: 'error',
  category: 'security',
  owner: 'tenancy',
  reads: 'database',
  title: 'Row-level security is enabled on every tenant table',
  remedy: 'ALTER TABLE … ENABLE and FORCE ROW LEVEL SECURITY (the migration emits both for every tenant entity)',
  check: (context) =>
    tenantTables(context)
      .filter((table) => !table.rlsEnabled)
      .map((table) => violation(rlsNotEnabled, {
        target: table.name,
        message: `${table.name} is tenant-scoped but row-level security is off` +
          `${table.policies.length > 0 ? ` (its ${table.policies.length} policy(ies) are inert)` : ''}: any tenant can read and change every other tenant's rows.`,
        fix: `ALTER TABLE ${q(table.name)} ENABLE ROW LEVEL SECURITY;\nALTER TABLE ${q(table.name)} FORCE ROW LEVEL SECURITY;`,
      })),
};
