/**
 * MULTIPLE_PERMISSIVE_POLICIES ≈ splinter 0006: permissive policies are OR'ed, so two for the same role and
 * action are each evaluated for every row, and the weaker one decides (Prisma's RLS example adds a bypass
 * policy this way). Roles that bypass RLS anyway are left out, as splinter does; FOR ALL counts for each action.
 */
import { violation, type Rule } from './rule.ts';

const ACTIONS = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

export const multiplePermissivePolicies: Rule = {
  id: 'multiple-permissive-policies',
  level: 'warning',
  category: 'performance',
  owner: 'tenancy',
  reads: 'database',
  title: 'At most one permissive policy per table, role and action',
  remedy: 'Merge them into one policy; grant admins a BYPASSRLS role or add a RESTRICTIVE policy instead of an OR\'ed bypass',
  check: ({ catalog, objects }) => {
    const exempt = new Set((objects?.roles ?? []).filter((r) => r.superuser || r.bypassRls).map((r) => r.name));
    return (catalog?.tables ?? []).flatMap((table) => {
      const byKey = new Map<string, string[]>();
      for (const policy of table.policies.filter((p) => p.permissive)) {
        for (const role of policy.roles.filter((r) => !exempt.has(r)))
          for (const action of policy.command === 'ALL' ? ACTIONS : [policy.command])
            byKey.set(`${role} ${action}`, [...(byKey.get(`${role} ${action}`) ?? []), policy.name]);
      }
      const overlaps = [...byKey].filter(([, names]) => names.length > 1);
      if (overlaps.length === 0) return [];
      return [violation(multiplePermissivePolicies, {
        target: table.name,
        message: `${table.name} has several permissive policies for the same role and action (${overlaps.map(([key, names]) => `${key}: ${names.join(' OR ')}`).join('; ')}): ` +
          'each is evaluated for every row and the most permissive one wins.',
        fix: 'Keep one permissive policy per role and action; express exceptions as a RESTRICTIVE policy or a BYPASSRLS role.',
      })];
    });
  },
};
