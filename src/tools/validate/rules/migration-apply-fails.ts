/**
 * MIGRATION_APPLY_FAILS: the migration is emitted from the model and applies to an empty PostgreSQL database.
 * When the model cannot be emitted at all, the emitter's message is the finding, without an owner: emitting
 * the same model again fails the same way, so only a change upstream helps, and the model rules name it
 * (identifier-too-long, dangling-reference, …). With no such finding it is an emitter bug: the loop stops.
 */
import { violation, type Rule } from './rule.ts';

export const migrationApplyFails: Rule = {
  id: 'migration-apply-fails',
  level: 'error',
  category: 'migration',
  owner: 'migration',
  reads: 'evidence',
  title: 'The migration is emitted and applies to an empty database',
  remedy: 'See the SQL error; the migration node owns the SQL (model faults are reported by the model rules)',
  check: ({ evidence, migrations }) => {
    if (evidence?.emission && !evidence.emission.ok)
      return [violation(migrationApplyFails, {
        target: 'prisma/migrations',
        owner: undefined,
        message: `No migration could be emitted from the model: ${evidence.emission.error ?? 'unknown error'}`,
        fix: 'Fix what the message names; the other findings say which node owns it. Without one, this is a schemawright bug: please report it with the input.',
      })];
    if (!evidence?.migrationApplies || evidence.migrationApplies.ok) return [];
    return [violation(migrationApplyFails, {
      target: migrations?.at(-1)?.name ?? 'migration.sql',
      message: `The migration does not apply: ${evidence.migrationApplies.error ?? 'unknown error'}`,
      fix: 'See the SQL error; the migration node owns the SQL.',
    })];
  },
};
