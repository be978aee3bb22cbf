/** The data model → schema.prisma and the initial migration: Prisma's DDL, then the tenancy SQL. */
import type { DataModel } from '../../model/model.ts';
import { emitPrismaSchema } from '../prisma/emit-schema.ts';
import { initialMigrationSql } from '../prisma/schema-engine.ts';
import { validatePrismaSchema } from '../prisma/validate-schema.ts';
import { narrowSetNullForeignKeys } from './narrow-set-null.ts';
import { emitTenancySql } from './tenancy-sql.ts';

export { MIGRATION_LOCK } from '../prisma/schema-engine.ts';

export interface BuiltMigration {
  schema: string;
  /**
   * Prisma's DDL, as `prisma migrate diff --from-empty --to-schema --script` prints it, with the composite
   * SetNull keys narrowed to SET NULL (col) in place (narrow-set-null.ts).
   */
  prismaSql: string;
  tenancySql: string;
  /** migration.sql: prismaSql, a header, tenancySql. */
  migrationSql: string;
}

const TENANCY_HEADER = [
  '-- ============================================================================',
  '-- schemawright: tenancy. Roles, grants, row-level security and policies that',
  '-- Prisma cannot express. Prisma\'s diff ignores them, so they cause no drift.',
  '-- ============================================================================',
].join('\n');

export async function buildMigration(model: DataModel): Promise<BuiltMigration> {
  const schema = emitCheckedSchema(model);
  return { schema, ...assembleMigration(model, await initialMigrationSql(schema)) };
}

/** The initial migration from the DDL Prisma's engine wrote for the model's schema. */
export function assembleMigration(model: DataModel, prismaDdl: string): Omit<BuiltMigration, 'schema'> {
  const prismaSql = narrowSetNullForeignKeys(prismaDdl, model, { requireAll: true });
  const tenancySql = emitTenancySql(model);
  return { prismaSql, tenancySql, migrationSql: joinMigration(prismaSql, tenancySql) };
}

/** schema.prisma for the model, refused when Prisma's validator rejects it. */
export function emitCheckedSchema(model: DataModel): string {
  const schema = emitPrismaSchema(model);
  const validation = validatePrismaSchema(schema);
  if (!validation.valid) {
    const errors = validation.diagnostics.filter((d) => d.level === 'error').map((d) => `  line ${d.line ?? '?'}: ${d.message}`);
    throw new Error(`The emitted Prisma schema is invalid:\n${errors.join('\n')}`);
  }
  return schema;
}

/** migration.sql: Prisma's DDL, then the tenancy SQL under its header. */
export function joinMigration(prismaSql: string, tenancySql: string): string {
  return `${prismaSql.trimEnd()}\n\n${TENANCY_HEADER}\n\n${tenancySql}`;
}
