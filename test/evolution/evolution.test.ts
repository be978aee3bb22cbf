/**
 * Evolution (issue: the next migration for a changed PRD). PRD release 1 becomes a project; its database gets
 * rows; PRD release 2 (a new entity, a new field, a dropped field) becomes only the next migration, which
 * applies on top of release 1 with the rows preserved, is flagged for what it destroys, leaves the old
 * migration untouched, and leaves no drift behind.
 */
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../src/graph/run.ts';
import { migrationsOf, SCHEMA_PATH, SEED_SQL_PATH } from '../../src/tools/artifacts/build-artifacts.ts';
import { withThrowawayDatabase } from '../../src/tools/database/open.ts';
import { closeSchemaEngine, isEmptyMigration, nextMigrationSql } from '../../src/tools/prisma/schema-engine.ts';
import { splitStatements } from '../../src/tools/evolution/statements.ts';
import type { PreviousProject } from '../../src/tools/evolution/next-migration.ts';
import { writeArtifacts } from '../../src/cli/write-artifacts.ts';
import { main } from '../../src/cli/main.ts';
import { serverUrl } from '../support.ts';

const fixturePath = (file: string) => new URL(`./fixtures/${file}`, import.meta.url).pathname;
const prd = (file: string) => readFileSync(fixturePath(file), 'utf8');
const databaseUrl = serverUrl;

let v1: PipelineResult;
let previous: PreviousProject;
let v2: PipelineResult;

beforeAll(async () => {
  v1 = await runPipeline({ kind: 'prd', text: prd('taskboard-v1.md'), name: 'taskboard' }, { databaseUrl, timestamp: '20250101000000' });
  previous = { schema: v1.artifacts[SCHEMA_PATH]!, migrations: migrationsOf(v1.artifacts) };
  v2 = await runPipeline({ kind: 'prd', text: prd('taskboard-v2.md'), name: 'taskboard' }, { databaseUrl, timestamp: '20250201000000', previous });
});
afterAll(closeSchemaEngine);

describe(`release 1 → release 2 on ${databaseUrl ? 'PostgreSQL server' : 'PGlite'}`, () => {
  it('validates: release 1, then release 1 + the next migration (isolation, no drift)', () => {
    expect(v1.valid).toBe(true);
    expect(v2.report.findings.filter((f) => f.level === 'error')).toEqual([]);
    expect(v2.valid).toBe(true);
    expect(v2.report.validation!.drift.ok).toBe(true);
    expect(v2.report.validation!.isolation!.tables.map((t) => t.table)).toContain('sprints');
  });

  it('adds one migration folder and keeps the old one byte for byte', () => {
    const migrations = migrationsOf(v2.artifacts);
    expect(migrations.map((m) => m.name)).toEqual(['20250101000000_init', '20250201000000_update']);
    expect(migrations[0]!.sql).toBe(previous.migrations[0]!.sql);
  });

  it('is ALTER/CREATE only: nothing of release 1 is recreated or dropped, RLS only for the new table', () => {
    const next = migrationsOf(v2.artifacts)[1]!.sql;
    const statements = splitStatements(next);
    for (const s of statements) expect(s, s).toMatch(/^(ALTER TABLE|CREATE (TABLE|INDEX|UNIQUE INDEX|POLICY)|GRANT|DO \$role\$)/);
    expect(next).not.toMatch(/CREATE TABLE "(organizations|users|projects|tasks)"/);
    expect(next).not.toMatch(/DROP TABLE/);
    expect(statements.filter((s) => /ENABLE ROW LEVEL SECURITY/.test(s))).toEqual(['ALTER TABLE "sprints" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY']);
    expect(statements.filter((s) => s.startsWith('CREATE POLICY')).map((s) => /ON "([^"]+)"/.exec(s)![1])).toEqual(['sprints']);
    // The new optional reference from an existing table is composite: its SET NULL is narrowed to the reference column.
    expect(next).toContain('ON DELETE SET NULL ("sprint_id")');
  });

  it('flags the destructive change with its data-loss risk', () => {
    // Destructive-change findings carry their risk first; squawk's review of the SQL is reported apart.
    const flagged = v2.report.findings.filter((f) => f.category === 'migration' && f.level === 'warning' && f.ruleId !== 'migration-review');
    expect(flagged).toEqual([expect.objectContaining({ ruleId: 'migration-drops-column', target: 'tasks.estimate', message: expect.stringMatching(/^Data loss: /) })]);
  });

  it('applies on top of release 1 with its rows preserved, and the next diff is empty', async () => {
    const [init, update] = migrationsOf(v2.artifacts);
    await withThrowawayDatabase({ url: databaseUrl }, async (db) => {
      await db.exec(init!.sql);
      await db.exec(v1.artifacts[SEED_SQL_PATH]!);
      const [org] = await db.query<{ id: string }>(`INSERT INTO organizations (name) VALUES ('Acme') RETURNING id`);
      const [project] = await db.query<{ id: string }>(`INSERT INTO projects (org_id, name, key) VALUES ($1, 'Mobile', 'MOB') RETURNING id`, [org!.id]);
      await db.query(`INSERT INTO tasks (org_id, project_id, title, status, estimate) VALUES ($1, $2, 'Login screen', 'doing', 3), ($1, $2, 'Push', 'todo', 5)`, [org!.id, project!.id]);

      await db.exec(update!.sql);
      await db.exec(v2.artifacts[SEED_SQL_PATH]!);

      expect(await db.query(`SELECT name, key FROM projects`)).toEqual([{ name: 'Mobile', key: 'MOB' }]);
      expect(await db.query(`SELECT title, status::text AS status, due_date, sprint_id FROM tasks ORDER BY title`)).toEqual([
        { title: 'Login screen', status: 'doing', due_date: null, sprint_id: null },
        { title: 'Push', status: 'todo', due_date: null, sprint_id: null },
      ]);
      const columns = await db.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'tasks'`);
      expect(columns.map((c) => c.column_name)).not.toContain('estimate');
      const [sprint] = await db.query<{ id: string }>(
        `INSERT INTO sprints (org_id, project_id, name, starts_on, ends_on) VALUES ($1, $2, 'S1', '2025-02-03', '2025-02-14') RETURNING id`, [org!.id, project!.id]);
      await db.query(`UPDATE tasks SET sprint_id = $1`, [sprint!.id]);
      await db.query(`DELETE FROM sprints`);
      expect(await db.query(`SELECT count(*)::int AS n FROM tasks WHERE sprint_id IS NULL AND org_id = $1`, [org!.id])).toEqual([{ n: 2 }]);
    });
    expect(isEmptyMigration(await nextMigrationSql(migrationsOf(v2.artifacts), v2.artifacts[SCHEMA_PATH]!))).toBe(true);
  });

  it('needs no migration when the PRD did not change', async () => {
    const same = await runPipeline({ kind: 'prd', text: prd('taskboard-v1.md'), name: 'taskboard' }, { databaseUrl, timestamp: '20250301000000', previous });
    expect(same.valid).toBe(true);
    expect(migrationsOf(same.artifacts).map((m) => m.name)).toEqual(['20250101000000_init']);
  });
});

describe('CLI --from', () => {
  it('writes only the next migration folder into the project and never rewrites the old one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'schemawright-evolve-'));
    try {
      await writeArtifacts(dir, v1.artifacts);
      const old = join(dir, 'prisma/migrations/20250101000000_init/migration.sql');
      const before = await stat(old);
      const args = ['generate', fixturePath('taskboard-v2.md'), '--from', dir, '--out', dir, '--quiet', '--llm', 'off'];
      const code = await main(databaseUrl ? [...args, '--db', databaseUrl] : args);
      expect(code).toBe(0);
      const folders = (await readdir(join(dir, 'prisma/migrations'), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
      expect(folders).toHaveLength(2);
      expect((await stat(old)).mtimeMs).toBe(before.mtimeMs);
      expect(await readFile(old, 'utf8')).toBe(previous.migrations[0]!.sql);
      const next = await readFile(join(dir, 'prisma/migrations', folders.find((f) => f.endsWith('_update'))!, 'migration.sql'), 'utf8');
      expect(next).toContain('CREATE TABLE "sprints"');
      expect(await readFile(join(dir, SCHEMA_PATH), 'utf8')).toContain('model Sprint');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
