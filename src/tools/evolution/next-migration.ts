/**
 * Evolution: a Prisma project that already exists (its schema and migrations folder) and a new model → the
 * one next migration. Its DDL is Prisma's schema engine's diff from the existing migrations to the new
 * schema (what `prisma migrate dev` would write); the tenancy SQL covers only what that diff creates: tables
 * new to row-level security, and the composite SetNull keys its diff adds are narrowed in place (narrow-set-null.ts).
 * Existing migrations are never changed.
 */
import type { DataModel, Finding } from '../../model/index.ts';
import { isTenantScoped } from '../../model/index.ts';
import { InputError } from '../../errors.ts';
import { emitCheckedSchema, joinMigration } from '../migration/assemble.ts';
import { narrowSetNullForeignKeys } from '../migration/narrow-set-null.ts';
import { emitTenancySql } from '../migration/tenancy-sql.ts';
import { isEmptyMigration, nextMigrationSql } from '../prisma/schema-engine.ts';
import { migrationFile, projectFiles, SCHEMA_PATH, type Artifacts } from '../artifacts/build-artifacts.ts';
import { parsePrismaSchema } from '../existing/prisma.ts';
import type { ColumnType } from '../existing/types.ts';
import { destructiveChanges, type PreviousState } from './destructive.ts';

/** An existing project: its schema.prisma and its migration folders (name, migration.sql), in any order. */
export interface PreviousProject {
  schema: string;
  migrations: Array<{ name: string; sql: string }>;
}

export interface NextMigration {
  schema: string;
  /** The new migration folder, or undefined when the model asks for no change. */
  name: string | undefined;
  /** The schema engine's diff, empty when there is none. */
  prismaSql: string;
  tenancySql: string;
  /** migration.sql of the new folder; empty when there is no new folder. */
  migrationSql: string;
  /** Tables the migration creates. */
  createdTables: string[];
  /** Destructive changes, each with its risk. */
  findings: Finding[];
}

const FOLDER = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export async function buildNextMigration(model: DataModel, previous: PreviousProject, timestamp: string): Promise<NextMigration> {
  const migrations = checkedMigrations(previous);
  const name = `${timestamp}_update`;
  const last = migrations.at(-1)?.name;
  if (last && name.localeCompare(last) <= 0)
    throw new InputError('The next migration would sort before an existing one.', [{ path: last, message: `the new folder ${name} must sort after it; use a later timestamp` }]);

  const schema = emitCheckedSchema(model);
  const diff = await nextMigrationSql(migrations, schema);
  const prismaSql = isEmptyMigration(diff) ? '' : narrowSetNullForeignKeys(diff.trim(), model, { requireAll: false });
  const createdTables = [...prismaSql.matchAll(/CREATE TABLE\s+(?:"[^"]+"\.)?"([^"]+)"/gi)].map((m) => m[1]!);
  const secured = new Set(migrations.flatMap((m) => [...m.sql.matchAll(/ALTER TABLE\s+(?:"[^"]+"\.)?"([^"]+)"\s+ENABLE ROW LEVEL SECURITY/gi)].map((x) => x[1]!)));
  // New tables, and tables that only now became tenant-scoped: the earlier migrations secured the rest.
  const tables = new Set([...createdTables, ...model.entities.filter((e) => isTenantScoped(e) && !secured.has(e.table)).map((e) => e.table)]);
  const tenancySql = tables.size ? emitTenancySql(model, { tables }) : '';

  const changed = prismaSql !== '' || tables.size > 0;
  return {
    schema, name: changed ? name : undefined, prismaSql, tenancySql: changed ? tenancySql : '',
    migrationSql: !changed ? '' : tenancySql ? joinMigration(prismaSql, tenancySql) : `${prismaSql}\n`,
    createdTables,
    findings: prismaSql ? destructiveChanges(prismaSql, await previousState(previous)) : [],
  };
}

/**
 * The project after the next migration: the new schema and project files, the existing migrations exactly
 * as given, and the new folder. Validation applies them all in order on an empty database.
 */
export async function buildNextArtifacts(model: DataModel, previous: PreviousProject, timestamp: string): Promise<{ artifacts: Artifacts; next: NextMigration }> {
  const next = await buildNextMigration(model, previous, timestamp);
  const artifacts: Artifacts = { [SCHEMA_PATH]: next.schema };
  for (const m of checkedMigrations(previous)) artifacts[migrationFile(m.name)] = m.sql;
  if (next.name) artifacts[migrationFile(next.name)] = next.migrationSql;
  return { artifacts: { ...artifacts, ...projectFiles(model) }, next };
}

function checkedMigrations(previous: PreviousProject): PreviousProject['migrations'] {
  const bad = previous.migrations.filter((m) => !FOLDER.test(m.name));
  if (bad.length) throw new InputError('A previous migration has an unusable folder name.', bad.map((m) => ({ path: m.name, message: 'letters, digits, _ . - only' })));
  if (previous.migrations.length === 0) throw new InputError('The previous project has no migrations.', [{ path: 'prisma/migrations', message: 'evolution starts from at least one applied migration' }]);
  return [...previous.migrations].sort((a, b) => a.name.localeCompare(b.name));
}

/** Column types from the previous schema, unique indexes and enum labels from the previous migrations. */
async function previousState(previous: PreviousProject): Promise<PreviousState> {
  const columns = new Map<string, Map<string, ColumnType>>();
  const enums = new Map<string, string[]>();
  try {
    const schema = await parsePrismaSchema(previous.schema);
    for (const t of schema.tables) {
      columns.set(t.table, new Map(t.columns.map((c) => [c.column, c.type])));
      for (const c of t.columns) if (c.type.enum) enums.set(c.type.enum.name, c.type.enum.values);
    }
  } catch {
    // An unreadable previous schema only costs the analysis its before-types; the diff itself does not need it.
  }
  const sql = previous.migrations.map((m) => m.sql).join('\n');
  const uniqueIndexes = new Set([...sql.matchAll(/CREATE UNIQUE INDEX\s+(?:IF NOT EXISTS\s+)?"([^"]+)"/gi)].map((m) => m[1]!));
  return { columns, uniqueIndexes, enums };
}
