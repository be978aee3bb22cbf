import { afterAll, describe, expect, it } from 'vitest';
import { openThrowawayDatabase, withThrowawayDatabase } from '../../src/tools/database/open.ts';
import { disposePGliteTemplate, openPGliteDatabase } from '../../src/tools/database/pglite.ts';

afterAll(disposePGliteTemplate);

describe('PGlite throwaway databases', () => {
  it('gives concurrent runs their own database from one template', async () => {
    const [a, b] = await Promise.all([openPGliteDatabase(), openPGliteDatabase()]);
    try {
      expect(a.engine).toBe('pglite');
      await a.exec('CREATE TABLE only_in_a (id int PRIMARY KEY); INSERT INTO only_in_a VALUES (1);');
      const seen = await b.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class WHERE relname = 'only_in_a'`);
      expect(seen).toEqual([{ n: 0 }]);
      const [version] = await a.query<{ v: number }>(`SELECT current_setting('server_version_num')::int AS v`);
      expect(version!.v).toBeGreaterThanOrEqual(170000);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('passes string parameters as text, like pg, whatever the column type', async () => {
    await withThrowawayDatabase({}, async (db) => {
      await db.exec(`CREATE TYPE mood AS ENUM ('ok', 'bad');
        CREATE TABLE t (b boolean, m mood, bytes bytea, n numeric(5,2), d date, j jsonb)`);
      const [row] = await db.query<Record<string, string>>(
        'INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6) RETURNING b::text, m::text, bytes::text, n::text, d::text, j::text',
        ['false', 'bad', '\\x00ff', '12.5', '2024-02-29', '{"a": 1}'],
      );
      expect(row).toEqual({ b: 'false', m: 'bad', bytes: '\\x00ff', n: '12.50', d: '2024-02-29', j: '{"a": 1}' });
      const [typed] = await db.query<{ x: number; y: boolean }>('SELECT $1::int + 1 AS x, $2::boolean AS y', [41, true]);
      expect(typed).toEqual({ x: 42, y: true });
    });
  });

  it('boots a new template after the old one is disposed', async () => {
    await disposePGliteTemplate();
    const db = await openThrowawayDatabase({});
    try {
      expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
      await db.close();
    }
  });

  it('starts every run clean, whether it reuses the last instance or loads the image again', async () => {
    const leftovers = `
      CREATE ROLE left_role NOLOGIN; CREATE SCHEMA left_schema; CREATE TABLE left_schema.t (id int);
      CREATE TABLE public.left_table (id int); GRANT SELECT ON public.left_table TO left_role;
      ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO left_role; SET search_path = left_schema;
      REVOKE USAGE ON SCHEMA public FROM PUBLIC; PREPARE left_statement AS SELECT 1`;
    const state = `SELECT
      (SELECT count(*)::int FROM pg_roles WHERE rolname = 'left_role') AS roles,
      (SELECT count(*)::int FROM pg_namespace WHERE nspname = 'left_schema') AS schemas,
      (SELECT count(*)::int FROM pg_class WHERE relname = 'left_table') AS tables,
      (SELECT count(*)::int FROM pg_default_acl) AS default_acls,
      (SELECT count(*)::int FROM pg_prepared_statements) AS prepared,
      current_setting('search_path') AS search_path,
      has_schema_privilege('public', 'public', 'USAGE') AS public_usage`;
    const clean = await withThrowawayDatabase({}, async (db) => (await db.query(state))[0]);
    expect(clean).toMatchObject({ roles: 0, schemas: 0, tables: 0, default_acls: 0, prepared: 0, public_usage: true });
    await withThrowawayDatabase({}, (db) => db.exec(leftovers));
    await withThrowawayDatabase({}, async (db) => expect((await db.query(state))[0]).toEqual(clean));
    // A change the reset does not undo (a database setting) makes the next run start from the image.
    await withThrowawayDatabase({}, (db) => db.exec(`ALTER DATABASE postgres SET work_mem = '7MB'`));
    await withThrowawayDatabase({}, async (db) => {
      const [row] = await db.query<{ settings: number }>('SELECT count(*)::int AS settings FROM pg_db_role_setting');
      expect(row!.settings).toBe(0);
    });
  });

  it('refuses statements on a closed database, whose instance may serve the next run', async () => {
    const db = await openThrowawayDatabase({});
    await db.close();
    await expect(db.query('SELECT 1')).rejects.toThrow(/closed/);
  });
});
