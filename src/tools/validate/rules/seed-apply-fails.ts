/** SEED_APPLY_FAILS: the reference data (prisma/seed.sql) loads into the migrated database. */
import { violation, type Rule } from './rule.ts';

export const seedApplyFails: Rule = {
  id: 'seed-apply-fails',
  level: 'error',
  category: 'migration',
  owner: 'migration',
  reads: 'evidence',
  title: 'The reference data loads after the migration',
  remedy: 'Give every NOT NULL column of the reference table a value in the rows',
  check: ({ evidence }) =>
    evidence?.migrationApplies?.ok && evidence.seedApplies && !evidence.seedApplies.ok
      ? [violation(seedApplyFails, {
          target: 'prisma/seed.sql',
          message: `The reference data does not load: ${evidence.seedApplies.error ?? 'unknown error'}`,
          fix: 'Give every NOT NULL column of the reference table a value in the rows.',
        })]
      : [],
};
