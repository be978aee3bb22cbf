/**
 * MIGRATION_DRIFT: Prisma's diff from the migrations to schema.prisma is empty, so the next `prisma migrate dev`
 * changes nothing (an index that exists only in SQL would be dropped by it). A drift check that could not run
 * is a warning: nothing is proven either way.
 */
import { violation, type Rule } from './rule.ts';

export const migrationDrift: Rule = {
  id: 'migration-drift',
  level: 'error',
  category: 'migration',
  owner: 'migration',
  reads: 'evidence',
  title: 'The next Prisma migration is empty (migrations and schema.prisma agree)',
  remedy: 'Declare everything Prisma can express in schema.prisma; keep only RLS, roles and grants in SQL',
  check: ({ evidence }) => {
    const drift = evidence?.drift;
    // Not run (Prisma rejected the schema, or the migration did not apply): other rules report why.
    if (!drift || drift.ok || !evidence?.migrationApplies?.ok || (drift.nextMigration === undefined && drift.error === undefined)) return [];
    if (drift.nextMigration === undefined)
      return [violation(migrationDrift, {
        target: 'schema.prisma',
        level: 'warning',
        message: `The drift check could not run: ${drift.error ?? 'unknown error'}`,
        fix: 'Re-run the validation; if it persists, report it with the input.',
      })];
    return [violation(migrationDrift, {
      target: 'schema.prisma',
      message: 'The next `prisma migrate dev` would change the database: the migration and the schema disagree.',
      fix: `Align them; Prisma would run:\n${drift.nextMigration}`,
    })];
  },
};
