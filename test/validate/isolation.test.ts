import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/tools/database/database.ts';
import { openThrowawayDatabase, withThrowawayDatabase } from '../../src/tools/database/open.ts';
import { disposePGliteTemplate } from '../../src/tools/database/pglite.ts';
import type { ServerDatabase } from '../../src/tools/database/postgres.ts';
import { literalFor, probeIsolation, type IsolationReport, type TableIsolation } from '../../src/tools/validate/isolation.ts';
import { serverConnector } from '../../src/tools/validate/app-session.ts';
import { dropServerRoles, engines, serverDatabaseExists, serverRoleExists, type Engine } from '../database/engines.ts';
import { TENANT_SETTING, tenantSchemaSql, uniqueRoleName, type SchemaVariant } from '../database/tenant-schema.ts';

const appRoles: string[] = [];
afterAll(async () => {
  await disposePGliteTemplate();
  await dropServerRoles(engines.find((e) => e.name === 'postgres')?.url, appRoles);
});

const options = { tenantColumn: 'org_id', setting: TENANT_SETTING, rootTable: 'organizations' };

/**
 * Applies the schema, probes it, and proves that neither the probe role, nor its rows, nor (on a server) the
 * database is left. `strict`: the probe acts through a LOGIN role's own connection (server only).
 */
async function probe(engine: Engine, variant: SchemaVariant, prepare?: (db: Database, appRole: string) => Promise<void>, strict = false): Promise<IsolationReport> {
  const appRole = uniqueRoleName('sw_test_app');
  appRoles.push(appRole);
  const db = await openThrowawayDatabase({ url: engine.url });
  let report: IsolationReport;
  try {
    await db.exec(tenantSchemaSql(appRole, variant));
    await prepare?.(db, appRole);
    const login = strict && engine.url ? serverConnector(engine.url, (db as ServerDatabase).name) : undefined;
    // The LOGIN session is the probe role itself, not a superuser that switched: it cannot become postgres.
    const connect = login && (async (role: string, password: string) => {
      const session = await login(role, password);
      expect(await session.query('SELECT session_user::text AS u, (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS su'))
        .toEqual([{ u: role, su: false }]);
      await expect(session.exec('SET ROLE postgres')).rejects.toThrow(/permission denied/);
      return session;
    });
    report = await probeIsolation(db, { ...options, appRole, connect });
    expect(await db.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [report.probeRole])).toEqual([]);
    expect(await db.query('SELECT count(*)::int AS n FROM organizations')).toEqual([{ n: 0 }]);
  } finally {
    await db.close();
  }
  if (engine.url) {
    expect(await serverRoleExists(engine.url, report.probeRole)).toBe(false);
    expect(await serverDatabaseExists(engine.url, (db as ServerDatabase).name)).toBe(false);
  }
  return report;
}

function byTable(report: IsolationReport): Map<string, TableIsolation> {
  return new Map(report.tables.map((t) => [t.table, t]));
}

const failedChecks = (t: TableIsolation | undefined) =>
  Object.entries(t?.checks ?? {}).filter(([, c]) => !c.passed).map(([name]) => name).sort();

const modes = engines.flatMap((engine) => [
  { engine, strict: false, name: engine.name },
  ...(engine.name === 'postgres' ? [{ engine, strict: true, name: 'postgres, strict (LOGIN role)' }] : []),
]);

for (const { engine, strict, name } of modes) {
  describe.skipIf(engine.skip)(`probeIsolation on ${name}`, () => {
    it('passes every table of the good schema and finds no cross-tenant reference', async () => {
      const report = await probe(engine, 'good', undefined, strict);
      expect(report.error).toBeUndefined();
      expect(report.memberOf).toHaveLength(1);
      expect(report.totals).toEqual({ tables: 3, probed: 3, passed: 3, failed: 0, notProbed: 0 });
      for (const table of report.tables) {
        expect(Object.keys(table.checks).sort()).toEqual(
          ['deleteOther', 'insertOther', 'insertOwn', 'noContext', 'selectOther', 'updateOther']);
        expect(failedChecks(table)).toEqual([]);
      }
      expect(report.crossTenantReferences.map((r) => `${r.table}(${r.columns.join(',')}) ${r.status}`).sort()).toEqual([
        'comments(org_id,task_id) rejected',
        'tasks(org_id,parent_id) rejected',
        'tasks(org_id,project_id) rejected',
      ]);
    });

    it('tells what each defect of the broken schema really does', async () => {
      const report = await probe(engine, 'broken', undefined, strict);
      const tables = byTable(report);
      expect(report.totals).toEqual({ tables: 5, probed: 5, passed: 3, failed: 2, notProbed: 0 });
      // No RLS at all: B reads, changes and deletes A's rows, writes rows for A, and sees everything without context.
      expect(tables.get('notes')?.status).toBe('failed');
      expect(failedChecks(tables.get('notes'))).toEqual(['deleteOther', 'insertOther', 'noContext', 'selectOther', 'updateOther']);
      // RLS on without a policy denies everything: isolated, but the application cannot write its own rows.
      expect(tables.get('attachments')).toMatchObject({ status: 'failed', checks: { insertOwn: { passed: false } } });
      expect(tables.get('attachments')?.error).toMatch(/row-level security/);
      // RLS not forced binds every role but the owner; the application role does not own projects, so it is isolated
      // (the catalog check rls-not-forced reports the owner's bypass). Without NULLIF the empty context errors: fail closed.
      expect(tables.get('projects')?.status).toBe('passed');
      expect(tables.get('projects')?.checks.noContext?.detail).toMatch(/refused: invalid input syntax for type uuid/);
      // A simple FK lets B point at A's task; composite FKs do not.
      const refs = new Map(report.crossTenantReferences.map((r) => [r.foreignKey, r]));
      expect(refs.get('comments_task_fkey')).toMatchObject({ status: 'leaked', columns: ['task_id'], refTable: 'tasks' });
      expect(refs.get('tasks_project_fkey')?.status).toBe('rejected');
      expect(report.crossTenantTotals).toEqual({ checked: 3, rejected: 2, leaked: 1, inconclusive: 0 });
    });

    it('shows the owner bypass of a non-forced table when the application role owns it', async () => {
      const report = await probe(engine, 'broken', async (db, appRole) => {
        await db.exec(`ALTER TABLE projects OWNER TO ${appRole}; ALTER TABLE tasks OWNER TO ${appRole};`);
      }, strict);
      const tables = byTable(report);
      expect(tables.get('projects')?.status).toBe('failed');
      expect(failedChecks(tables.get('projects'))).toEqual(['deleteOther', 'insertOther', 'noContext', 'selectOther', 'updateOther']);
      expect(tables.get('tasks')?.status).toBe('passed');
    });
  });
}

describe('probeIsolation on any schema', () => {
  /** Identity keys, a bigint tenant key with another name and setting, an FK cycle, quoted names, a CHECK. */
  const schema = `
    CREATE TABLE orgs (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
    CREATE TABLE a (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tenant bigint NOT NULL REFERENCES orgs,
      b_id bigint, label varchar(2) NOT NULL, UNIQUE (tenant, id));
    CREATE TABLE b (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tenant bigint NOT NULL REFERENCES orgs,
      a_id bigint NOT NULL, amount numeric(3,2) NOT NULL, UNIQUE (tenant, id), FOREIGN KEY (tenant, a_id) REFERENCES a (tenant, id));
    ALTER TABLE a ADD FOREIGN KEY (tenant, b_id) REFERENCES b (tenant, id);
    CREATE TABLE "Picky Codes" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tenant bigint NOT NULL REFERENCES orgs,
      "Code" text NOT NULL CHECK ("Code" ~ '^[A-Z]{5}$'), UNIQUE (tenant, id));
    CREATE TABLE picky_children (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tenant bigint NOT NULL REFERENCES orgs,
      picky_id bigint NOT NULL, FOREIGN KEY (tenant, picky_id) REFERENCES "Picky Codes" (tenant, id));
    DO $$ DECLARE t text; BEGIN
      FOREACH t IN ARRAY ARRAY['a', 'b', 'Picky Codes', 'picky_children'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant ON %I USING (tenant = NULLIF(current_setting(''app.tenant'', true), '''')::bigint)', t);
      END LOOP; END $$;`;

  it('probes through cycles and identity columns, and says why a table could not be probed', async () => {
    const report = await withThrowawayDatabase({}, async (db) => {
      await db.exec(schema);
      return probeIsolation(db, { tenantColumn: 'tenant', setting: 'app.tenant', rootTable: 'orgs' });
    });
    const tables = byTable(report);
    expect(report.memberOf).toEqual([]);
    expect(tables.get('a')?.status).toBe('passed');
    expect(tables.get('b')?.status).toBe('passed');
    expect(tables.get('Picky Codes')).toMatchObject({ status: 'not-probed', error: expect.stringMatching(/check constraint/) });
    expect(tables.get('picky_children')).toMatchObject({ status: 'not-probed', error: expect.stringMatching(/no row in Picky Codes/), blockedBy: ['Picky Codes'] });
    expect(report.totals).toEqual({ tables: 4, probed: 2, passed: 2, failed: 0, notProbed: 2 });
    expect(report.crossTenantReferences.map((r) => `${r.table} ${r.status}`).sort()).toEqual(['a rejected', 'b rejected']);
  });

  it('reports a missing root table instead of throwing', async () => {
    const report = await withThrowawayDatabase({}, async (db) => {
      await db.exec(schema);
      return probeIsolation(db, { tenantColumn: 'tenant', setting: 'app.tenant', rootTable: 'organizations' });
    });
    expect(report.error).toMatch(/root table "organizations"/);
    expect(report.totals.notProbed).toBe(4);
  });
});

describe('literalFor', () => {
  const column = (type: string, enumValues: string[] | null = null) => ({ name: 'c', type, notNull: true, default: null, enumValues });
  it.each([
    ['character varying(2)', 7, '7'],
    ['character varying(255)', 40, 'sw14'],
    ['character(1)', 37, '1'],
    ['numeric(3,2)', 12, '2'],
    ['numeric(2,2)', 12, '0'],
    ['boolean', 1, 'false'],
    ['date', 1, '2024-01-02'],
    ['timestamp(3) with time zone', 0, '2024-01-01T00:00:00Z'],
    ['integer[]', 1, '{}'],
    ['tsvector', 1, undefined],
  ])('%s #%i → %s', (type, n, expected) => {
    expect(literalFor(column(type), n)).toBe(expected);
  });
  it('takes the first enum label', () => {
    expect(literalFor(column('"TaskStatus"', ['todo', 'done']), 1)).toBe('todo');
  });
});
