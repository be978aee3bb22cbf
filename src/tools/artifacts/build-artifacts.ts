/**
 * Every file of the generated project (DESIGN §3), as a map of relative path → content: the CLI writes it to
 * disk, the API returns it. docs/SCHEMA.md and report.json are rewritten after validation with what it proved.
 */
import type { DataModel } from '../../model/index.ts';
import { buildMigration } from '../migration/assemble.ts';
import { MIGRATION_LOCK } from '../prisma/schema-engine.ts';
import { emitSeedSql, SEED_TS } from './seed.ts';
import { emitPackageJson, emitPrismaConfig, emitSetupScript, emitTenantHelper } from './project-files.ts';
import { emitSchemaDoc } from './schema-doc.ts';

export type Artifacts = Record<string, string>;

export const SCHEMA_PATH = 'prisma/schema.prisma';
export const SEED_SQL_PATH = 'prisma/seed.sql';

export function migrationPath(timestamp: string): string {
  return migrationFile(`${timestamp}_init`);
}

/** The migration.sql of a migration folder ("20250101000000_init"). */
export function migrationFile(folder: string): string {
  return `prisma/migrations/${folder}/migration.sql`;
}

export async function buildArtifacts(model: DataModel, timestamp: string): Promise<Artifacts> {
  const migration = await buildMigration(model);
  return { [SCHEMA_PATH]: migration.schema, [migrationPath(timestamp)]: migration.migrationSql, ...projectFiles(model) };
}

/** Everything but the schema and the migration folders: the same for a new project and an evolving one. */
export function projectFiles(model: DataModel): Artifacts {
  return {
    'prisma/migrations/migration_lock.toml': MIGRATION_LOCK,
    [SEED_SQL_PATH]: emitSeedSql(model),
    'prisma/seed.ts': SEED_TS,
    'prisma.config.ts': emitPrismaConfig(),
    'package.json': emitPackageJson(model),
    'src/tenant.ts': emitTenantHelper(model),
    'scripts/setup-db.sh': emitSetupScript(model),
    'docs/SCHEMA.md': emitSchemaDoc(model),
  };
}

/** The migration folders of an artifact map, in order, as the schema engine reads them. */
export function migrationsOf(artifacts: Artifacts): Array<{ name: string; sql: string }> {
  return Object.entries(artifacts)
    .map(([path, sql]) => ({ match: /^prisma\/migrations\/([^/]+)\/migration\.sql$/.exec(path), sql }))
    .filter((m): m is { match: RegExpExecArray; sql: string } => m.match !== null)
    .map(({ match, sql }) => ({ name: match[1]!, sql }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
