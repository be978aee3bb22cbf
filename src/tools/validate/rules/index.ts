/**
 * The validator's rule set (research/anchors.md §2.7), in report order: first what blocks everything (the
 * model, emission, apply), then security, performance, integrity, then conventions. runRules runs every rule
 * whose input this round has; the ones that could not run are listed, never silently passed.
 */
import type { Finding } from '../../../model/index.ts';
import type { Rule, RuleContext } from './rule.ts';
import { compositeFkSetNull } from './composite-fk-set-null.ts';
import { crossTenantFk } from './cross-tenant-fk.ts';
import { crossTenantReference } from './cross-tenant-reference.ts';
import { danglingReference } from './dangling-reference.ts';
import { duplicateIndex } from './duplicate-index.ts';
import { extensionInPublic } from './extension-in-public.ts';
import { fkUnindexed } from './fk-unindexed.ts';
import { functionSearchPathMutable } from './function-search-path-mutable.ts';
import { identifierTooLong } from './identifier-too-long.ts';
import { invalidIdentifier } from './invalid-identifier.ts';
import { isolationUnproven } from './isolation-unproven.ts';
import { junctionTableShape } from './junction-table-shape.ts';
import { mandatoryAuditColumns } from './mandatory-audit-columns.ts';
import { migrationApplyFails } from './migration-apply-fails.ts';
import { migrationDrift } from './migration-drift.ts';
import { migrationReview } from './migration-review.ts';
import { multiplePermissivePolicies } from './multiple-permissive-policies.ts';
import { naming } from './naming.ts';
import { noPrimaryKey } from './no-primary-key.ts';
import { policyAlwaysTrue } from './policy-always-true.ts';
import { policyColumnUnindexed } from './policy-column-unindexed.ts';
import { policyExistsRlsDisabled } from './policy-exists-rls-disabled.ts';
import { policyMissingWithCheck } from './policy-missing-with-check.ts';
import { policyNotInitplan } from './policy-not-initplan.ts';
import { preferBigintOrUuidPk } from './prefer-bigint-or-uuid-pk.ts';
import { preferText } from './prefer-text.ts';
import { preferTimestamptz } from './prefer-timestamptz.ts';
import { prismaSchemaInvalid } from './prisma-schema-invalid.ts';
import { queryPatternUnindexed } from './query-pattern-unindexed.ts';
import { rlsNoPolicy } from './rls-no-policy.ts';
import { rlsNonLeakproofPredicate } from './rls-non-leakproof-predicate.ts';
import { rlsNotEnabled } from './rls-not-enabled.ts';
import { rlsNotForced } from './rls-not-forced.ts';
import { securityDefinerView } from './security-definer-view.ts';
import { seedApplyFails } from './seed-apply-fails.ts';
import { tenantIsolationFails } from './tenant-isolation-fails.ts';
import { tenantTableMissingOrgId } from './tenant-table-missing-org-id.ts';
import { updatedAtNoDbDefault } from './updated-at-no-db-default.ts';
import { uuidPkNoDbDefault } from './uuid-pk-no-db-default.ts';

export type { Rule, RuleContext } from './rule.ts';

export const RULES: readonly Rule[] = [
  // the model and the migration
  invalidIdentifier,
  identifierTooLong,
  danglingReference,
  prismaSchemaInvalid,
  migrationApplyFails,
  seedApplyFails,
  migrationDrift,
  // tenant isolation
  tenantTableMissingOrgId,
  rlsNotEnabled,
  rlsNotForced,
  policyExistsRlsDisabled,
  rlsNoPolicy,
  policyAlwaysTrue,
  policyMissingWithCheck,
  crossTenantFk,
  tenantIsolationFails,
  isolationUnproven,
  crossTenantReference,
  // performance
  fkUnindexed,
  policyNotInitplan,
  policyColumnUnindexed,
  duplicateIndex,
  queryPatternUnindexed,
  rlsNonLeakproofPredicate,
  multiplePermissivePolicies,
  // integrity and conventions
  noPrimaryKey,
  junctionTableShape,
  compositeFkSetNull,
  preferTimestamptz,
  preferText,
  preferBigintOrUuidPk,
  uuidPkNoDbDefault,
  updatedAtNoDbDefault,
  functionSearchPathMutable,
  securityDefinerView,
  extensionInPublic,
  naming,
  mandatoryAuditColumns,
  migrationReview,
];

export interface RuleRun {
  findings: Finding[];
  checked: string[];
  skipped: string[];
}

export function runRules(context: RuleContext, rules: readonly Rule[] = RULES): RuleRun {
  const runnable = (rule: Rule): boolean =>
    rule.reads === 'database' ? context.catalog !== undefined : rule.reads === 'migration' || rule.reads === 'model' || context.evidence !== undefined;
  const checked = rules.filter(runnable);
  return {
    findings: checked.flatMap((rule) => rule.check(context)),
    checked: checked.map((r) => r.id),
    skipped: rules.filter((r) => !runnable(r)).map((r) => r.id),
  };
}
