/**
 * CROSS_TENANT_REFERENCE (the probe): under organization B's context, a row whose foreign key points at A's row
 * is refused. cross-tenant-fk names the cause from the catalog; this is the proof on live rows.
 */
import { violation, type Rule } from './rule.ts';

export const crossTenantReference: Rule = {
  id: 'cross-tenant-reference',
  level: 'error',
  category: 'security',
  owner: 'relationships',
  reads: 'evidence',
  title: 'The probe cannot make one organization\'s row reference another\'s',
  remedy: 'Composite foreign key (org_id, x_id) → (org_id, id)',
  check: ({ evidence }) =>
    (evidence?.isolation?.crossTenantReferences ?? [])
      .filter((r) => r.status === 'leaked')
      .map((r) => violation(crossTenantReference, {
        target: `${r.table}(${r.columns.join(', ')})`,
        message: `A row of one organization can reference a row of another through ${r.table}(${r.columns.join(', ')}) → ${r.refTable}: ${r.detail}.`,
        fix: 'Make the foreign key composite: (org_id, x_id) → (org_id, id).',
      })),
};
