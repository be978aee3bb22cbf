import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, CatalogTable } from '../../src/tools/database/catalog.ts';
import type { Database } from '../../src/tools/database/database.ts';
import { openThrowawayDatabase } from '../../src/tools/database/open.ts';
import { disposePGliteTemplate } from '../../src/tools/database/pglite.ts';
import { quoteCatalogIdent, readCatalog } from '../../src/tools/database/read-catalog.ts';
import { dropServerRoles, engines } from './engines.ts';
import { tenantSchemaSql, uniqueRoleName } from './tenant-schema.ts';

const appRole = uniqueRoleName('sw_test_app');
const catalogs = new Map<string, Catalog>();

afterAll(async () => {
  await disposePGliteTemplate();
  await dropServerRoles(engines.find((e) => e.name === 'postgres')?.url, [appRole]);
});

function table(catalog: Catalog, name: string): CatalogTable {
  const found = catalog.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

/** Counts the statements readCatalog sends: its cost must not grow with the number of tables. */
function counting(db: Database): { db: Database; count: () => number } {
  let n = 0;
  return {
    db: {
      engine: db.engine,
      exec: (sql) => (n++, db.exec(sql)),
      query: (sql, params) => (n++, db.query(sql, params)),
      close: () => db.close(),
    },
    count: () => n,
  };
}

for (const engine of engines) {
  describe.skipIf(engine.skip)(`readCatalog on ${engine.name}`, () => {
    let db: Database;
    let catalog: Catalog;

    beforeAll(async () => {
      db = await openThrowawayDatabase({ url: engine.url });
      await db.exec(tenantSchemaSql(appRole, 'good'));
      const counted = counting(db);
      catalog = await readCatalog(counted.db);
      expect(counted.count()).toBeLessThanOrEqual(6);
      catalogs.set(engine.name, catalog);
    });
    afterAll(async () => db?.close());

    it('lists the tables of the schema without _prisma_migrations', () => {
      expect(catalog.tables.map((t) => t.name)).toEqual(['comments', 'currencies', 'organizations', 'projects', 'tasks']);
    });

    it('reads columns with their PostgreSQL types, defaults and enum labels', () => {
      const tasks = table(catalog, 'tasks');
      const column = (name: string) => tasks.columns.find((c) => c.name === name);
      expect(tasks.columns.map((c) => c.name)).toEqual(
        ['id', 'org_id', 'project_id', 'parent_id', 'number', 'title', 'status', 'is_urgent', 'due_on', 'meta']);
      expect(column('id')).toEqual({ name: 'id', type: 'uuid', notNull: true, default: 'gen_random_uuid()', enumValues: null });
      expect(column('title')?.type).toBe('character varying(8)');
      expect(column('status')).toMatchObject({ type: 'task_status', enumValues: ['todo', 'in_progress', 'done'] });
      expect(column('parent_id')?.notNull).toBe(false);
      const projects = table(catalog, 'projects');
      expect(projects.columns.find((c) => c.name === 'budget')).toMatchObject({ type: 'numeric(12,2)', notNull: false });
      expect(projects.columns.find((c) => c.name === 'created_at'))
        .toMatchObject({ type: 'timestamp(3) with time zone', default: 'CURRENT_TIMESTAMP' });
    });

    it('reads foreign keys with columns in order and Prisma action names', () => {
      const byName = (t: string) => new Map(table(catalog, t).foreignKeys.map((fk) => [fk.name, fk]));
      const tasks = byName('tasks');
      expect(tasks.get('tasks_parent_fkey')).toEqual({
        name: 'tasks_parent_fkey', columns: ['org_id', 'parent_id'], refTable: 'tasks', refColumns: ['org_id', 'id'],
        onDelete: 'SetNull', onUpdate: 'NoAction', onDeleteSetColumns: ['parent_id'],
      });
      expect(tasks.get('tasks_project_fkey')).toMatchObject({
        columns: ['org_id', 'project_id'], refTable: 'projects', refColumns: ['org_id', 'id'], onDelete: 'Cascade', onDeleteSetColumns: null,
      });
      const projects = byName('projects');
      expect(projects.get('projects_currency_id_fkey')).toMatchObject({ refTable: 'currencies', onDelete: 'Restrict' });
      expect(projects.get('projects_org_id_fkey')).toMatchObject({ onDelete: 'Cascade', onUpdate: 'Cascade' });
    });

    it('reads indexes with key columns in order, expressions and partial predicates', () => {
      const byName = (t: string) => new Map(table(catalog, t).indexes.map((ix) => [ix.name, ix]));
      const tasks = byName('tasks');
      expect(tasks.get('tasks_parent_idx')).toMatchObject({ columns: ['parent_id', 'org_id'], unique: false, predicate: null });
      expect(tasks.get('tasks_org_id_id_key')).toMatchObject({ columns: ['org_id', 'id'], unique: true, primary: false });
      expect(tasks.get('tasks_pkey')).toMatchObject({ columns: ['id'], unique: true, primary: true });
      expect(tasks.get('tasks_open_idx')?.columns).toEqual(['org_id', 'number']);
      expect(tasks.get('tasks_open_idx')?.predicate).toMatch(/status <> 'done'/);
      expect(tasks.get('tasks_open_idx')?.definition).toMatch(/^CREATE INDEX tasks_open_idx ON public\.tasks USING btree/);
      expect(byName('projects').get('projects_org_id_name_key')).toMatchObject({ columns: ['org_id', 'name'], unique: true });
      expect(table(catalog, 'tasks').primaryKey).toEqual(['id']);
    });

    it('reads RLS flags and policies', () => {
      const tasks = table(catalog, 'tasks');
      expect(tasks).toMatchObject({ rlsEnabled: true, rlsForced: true });
      expect(tasks.policies).toHaveLength(1);
      expect(tasks.policies[0]).toMatchObject({ name: 'tasks_tenant_isolation', command: 'ALL', roles: [appRole], permissive: true });
      expect(tasks.policies[0]!.using).toMatch(/SELECT.*current_setting\('app\.current_org_id'/);
      expect(tasks.policies[0]!.withCheck).toBe(tasks.policies[0]!.using);
      expect(table(catalog, 'currencies')).toMatchObject({ rlsEnabled: false, rlsForced: false, policies: [] });
    });

    it('counts rows', () => {
      expect(table(catalog, 'currencies').rowCount).toBe(2);
      expect(table(catalog, 'tasks').rowCount).toBe(0);
    });

    it('reads names that need quoting and other schemas', async () => {
      await db.exec(`CREATE SCHEMA "Billing";
        CREATE TABLE "Billing"."Invoice Lines" ("Id" int PRIMARY KEY, "LineName" text NOT NULL, "quoted""col" int);
        CREATE INDEX "Lines by name" ON "Billing"."Invoice Lines" (lower("LineName"));
        INSERT INTO "Billing"."Invoice Lines" VALUES (1, 'a', 2);`);
      const billing = await readCatalog(db, 'Billing');
      expect(billing.tables).toHaveLength(1);
      const lines = billing.tables[0]!;
      expect(lines).toMatchObject({ name: 'Invoice Lines', primaryKey: ['Id'], rowCount: 1 });
      expect(lines.columns.map((c) => c.name)).toEqual(['Id', 'LineName', 'quoted"col']);
      expect(lines.indexes.find((ix) => ix.name === 'Lines by name')?.columns).toEqual(['LineName']);
      expect(quoteCatalogIdent('quoted"col')).toBe('"quoted""col"');
      expect((await readCatalog(db)).tables.map((t) => t.name)).not.toContain('Invoice Lines');
    });
  });
}

describe.skipIf(engines.some((e) => e.skip))('readCatalog across engines', () => {
  it('gives the same catalog on PGlite and on the server', () => {
    expect(catalogs.get('postgres')).toEqual(catalogs.get('pglite'));
  });
});
