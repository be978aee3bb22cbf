/**
 * Index coverage proven with EXPLAIN as the application role: our output for the sample serves every pattern
 * and every tenant policy; a dropped index shows up as an unindexed pattern with the plan that replaced it;
 * the proof leaves no statistics and no prepared statements behind. On a server it plans as a LOGIN role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/tools/database/database.ts';
import { openThrowawayDatabase } from '../../src/tools/database/open.ts';
import { disposePGliteTemplate } from '../../src/tools/database/pglite.ts';
import type { ServerDatabase } from '../../src/tools/database/postgres.ts';
import { readCatalog } from '../../src/tools/database/read-catalog.ts';
import { serverConnector, withAppSession } from '../../src/tools/validate/app-session.ts';
import { proveCoverage, servesColumns, type CoverageResult } from '../../src/tools/validate/coverage/explain-coverage.ts';
import { engines, serverRoleExists } from '../database/engines.ts';
import { buildSample, type Sample } from './sample.ts';

let sample: Sample;
beforeAll(async () => {
  sample = await buildSample();
});
afterAll(disposePGliteTemplate);

async function prove(db: Database, url: string | undefined): Promise<CoverageResult & { role?: string }> {
  const catalog = await readCatalog(db);
  const connect = url ? serverConnector(url, (db as ServerDatabase).name) : undefined;
  let role: string | undefined;
  const result = await withAppSession(db, { appRole: sample.model.tenancy.appRole, connect }, async (session) => {
    role = session.mode === 'login-role' ? (await session.db.query<{ u: string }>('SELECT session_user AS u'))[0]!.u : undefined;
    return proveCoverage(db, session, sample.model, catalog);
  });
  return { ...result, role };
}

for (const engine of engines) {
  describe.skipIf(engine.skip)(`coverage proof on ${engine.name}`, () => {
    let db: Database;
    let first: CoverageResult & { role?: string };
    beforeAll(async () => {
      db = await openThrowawayDatabase({ url: engine.url });
      for (const m of sample.migrations) await db.exec(m.sql);
      first = await prove(db, engine.url);
    }, 300_000);
    afterAll(async () => db?.close());

    it('serves every query pattern and every tenant policy, with the plan line that names the index', () => {
      expect(first.summary.error).toBeUndefined();
      const byPath = new Map(first.coverage.map((c) => [`${c.kind} ${c.table} ${c.description}`, c]));
      expect(first.coverage.filter((c) => c.status === 'unindexed')).toEqual([]);
      expect(byPath.get('query-pattern tasks Milestone progress')).toMatchObject({
        status: 'partial', index: 'tasks_org_id_milestone_id_status_idx', rlsFiltered: ['status'], proof: 'explain',
        plan: expect.stringMatching(/^Index Scan using tasks_org_id_milestone_id_status_idx on tasks; Index Cond: \(\(org_id = .*\) AND \(milestone_id = \$1\)\); Filter: \(status = \$2\)$/),
      });
      expect(byPath.get('query-pattern comments Task detail: comments oldest first')).toMatchObject({
        status: 'indexed', index: 'comments_org_id_task_id_created_at_idx',
      });
      const policies = first.coverage.filter((c) => c.kind === 'tenant-policy');
      expect(policies.map((c) => c.table).sort()).toEqual(sample.model.entities.filter((e) => e.kind === 'tenant' || e.kind === 'junction').map((e) => e.table).sort());
      for (const c of policies) expect(c.plan).toMatch(/Index Cond: \(org_id = /);
      expect(first.summary).toMatchObject({ indexed: first.coverage.length - 2, partial: 2, unindexed: 0 });
    });

    it('leaves no statistics, prepared statements or roles behind', async () => {
      expect(await db.query("SELECT 1 FROM pg_statistic s JOIN pg_attribute a ON a.attrelid = s.starelid AND a.attnum = s.staattnum WHERE a.attname = 'org_id'")).toEqual([]);
      expect(await db.query('SELECT name FROM pg_prepared_statements')).toEqual([]);
      if (engine.url) {
        expect(first.role).toMatch(/^sw_app_[0-9a-f]{12}$/);
        expect(await serverRoleExists(engine.url, first.role!)).toBe(false);
      }
    });

    it('reports a pattern whose index is gone as unindexed, with the plan the planner fell back to', async () => {
      await db.exec('DROP INDEX tasks_org_id_milestone_id_status_idx');
      const { coverage } = await prove(db, engine.url);
      const milestone = coverage.find((c) => c.description === 'Milestone progress')!;
      expect(milestone).toMatchObject({ status: 'unindexed', indexed: false, index: null });
      expect(milestone.plan).toMatch(/^Index Scan using \w+ on tasks; Index Cond: \(org_id = /);
      expect(milestone.plan).toMatch(/Filter: .*milestone_id = \$1/);
    });
  });
}

describe('servesColumns', () => {
  const pattern = { equality: ['project_id', 'status'], range: undefined, tail: ['position'] };
  it.each([
    [['org_id', 'status', 'project_id', 'position'], true],
    [['project_id', 'status', 'position', 'id'], true],
    [['org_id', 'project_id', 'status'], false],
    [['org_id', 'project_id', 'position', 'status'], false],
    [['org_id', 'project_id'], false],
  ])('%j → %s', (columns, serves) => {
    expect(servesColumns(columns, pattern, 'org_id')).toBe(serves);
  });
});
