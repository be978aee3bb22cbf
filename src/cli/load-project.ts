/**
 * The CLI's reading of what already exists: a models file to extend (--existing) and a Prisma project to
 * evolve (--from), and the rule that an evolving project's existing migrations are never written again.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { InputError } from '../errors.ts';
import type { ExistingInput } from '../tools/existing/types.ts';
import type { PreviousProject } from '../tools/evolution/next-migration.ts';
import type { Artifacts } from '../tools/artifacts/build-artifacts.ts';

export async function loadExisting(path: string): Promise<ExistingInput> {
  const ext = extname(path).toLowerCase();
  const kind = ext === '.py' ? 'sqlalchemy' : ext === '.prisma' ? 'prisma' : undefined;
  if (!kind) throw new InputError(`Cannot tell what ${path} is.`, [{ path, message: 'expected a SQLAlchemy models file (.py) or a Prisma schema (.prisma)' }]);
  return { kind, text: await readText(path), file: basename(path) };
}

/** prisma/schema.prisma and every prisma/migrations/<folder>/migration.sql under `dir`. */
export async function loadPreviousProject(dir: string): Promise<PreviousProject> {
  const schema = await readText(join(dir, 'prisma', 'schema.prisma'));
  const migrationsDir = join(dir, 'prisma', 'migrations');
  let folders: string[];
  try {
    folders = (await readdir(migrationsDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    throw new InputError(`${dir} has no migrations folder.`, [{ path: migrationsDir, message: 'no such directory' }]);
  }
  const migrations = [];
  for (const name of folders) migrations.push({ name, sql: await readText(join(migrationsDir, name, 'migration.sql')) });
  if (migrations.length === 0) throw new InputError(`${dir} has no migrations.`, [{ path: migrationsDir, message: 'no migration folders' }]);
  return { schema, migrations };
}

/** The artifacts to write over `outDir`: an existing migration already there is left as it is, byte for byte. */
export async function withoutExistingMigrations(outDir: string, artifacts: Artifacts, previous: PreviousProject): Promise<Artifacts> {
  const out: Artifacts = { ...artifacts };
  for (const m of previous.migrations) {
    const path = `prisma/migrations/${m.name}/migration.sql`;
    if (await exists(join(outDir, path))) delete out[path];
  }
  return out;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`Cannot read ${path}.`, [{ path, message: code === 'ENOENT' ? 'no such file' : String(code) }]);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
