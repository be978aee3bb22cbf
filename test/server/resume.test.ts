/**
 * Jobs survive a restart on the PostgreSQL store: a server stopped mid-run leaves the job queued with LangGraph's
 * checkpoint of every finished node; the next server resumes it from there instead of starting over.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPipeline } from '../../src/server/worker-pipeline.ts';
import { PostgresJobStore } from '../../src/server/jobs/postgres-store.ts';
import { serverUrl } from '../support.ts';
import { postJson, readEvents, startServer, structuredInput, type TestServer } from './support.ts';

const database = `sw_server_test_${process.pid}_${Date.now()}`;
let storeUrl = '';

describe.skipIf(!serverUrl)('restart with the PostgreSQL store', () => {
  let admin: pg.Client;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    admin = new pg.Client(serverUrl);
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${database}`;
    storeUrl = url.toString();
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close().catch(() => {})));
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  async function start(): Promise<TestServer> {
    const workers = new WorkerPipeline({ size: 2, storeUrl });
    const server = await startServer({ pipeline: workers.run, store: new PostgresJobStore(storeUrl) });
    const stopping = { ...server, close: () => server.close().finally(() => workers.close()) };
    servers.push(stopping);
    return stopping;
  }

  it('checkpoints a running job on shutdown and resumes it on the next server from the last finished node', async () => {
    const first = await start();
    const job = (await (await postJson(`${first.url}/v1/generations`, { model: structuredInput }, { prefer: 'respond-async' })).json()) as { id: string; links: { self: string; events: string } };
    // Stop while validate (the slow node) runs: everything before it is checkpointed.
    await readEvents(`${first.url}${job.links.events}`, { stopWhen: (e) => e.event === 'node-started' && e.data.node === 'validate' });
    await first.close();

    const probe = new pg.Client(storeUrl);
    await probe.connect();
    try {
      const { rows } = await probe.query(`SELECT status FROM schemawright.jobs WHERE id = $1`, [job.id]);
      expect(rows).toEqual([{ status: 'queued' }]);
      const saved = await probe.query(`SELECT count(*)::int AS n FROM schemawright.checkpoints WHERE thread_id = $1`, [job.id]);
      expect(saved.rows[0].n).toBeGreaterThan(0);

      const second = await start();
      const events = await readEvents(`${second.url}${job.links.events}`);
      const statuses = events.filter((e) => e.event === 'status').map((e) => e.data.status);
      expect(statuses).toEqual(['queued', 'running', 'interrupted', 'resumed', 'succeeded']);
      const afterResume = events.slice(events.findIndex((e) => e.data.status === 'resumed'));
      const nodesRunAgain = afterResume.filter((e) => e.event === 'node-started').map((e) => e.data.node);
      expect(nodesRunAgain[0]).toBe('validate');
      expect(nodesRunAgain).not.toContain('extract');
      expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));

      const view = (await (await fetch(`${second.url}${job.links.self}`)).json()) as { status: string; attempts: number; result: { valid: boolean; artifacts: Record<string, string> } };
      expect(view).toMatchObject({ status: 'succeeded', attempts: 2 });
      expect(view.result.artifacts['prisma/schema.prisma']).toMatch(/model /);
      const left = await probe.query(`SELECT count(*)::int AS n FROM schemawright.checkpoints WHERE thread_id = $1`, [job.id]);
      expect(left.rows[0].n).toBe(0);
      await second.close();

      // A finished job, its result and its events outlive the server too.
      const third = await start();
      expect(((await (await fetch(`${third.url}${job.links.self}`)).json()) as { status: string }).status).toBe('succeeded');
      expect(await readEvents(`${third.url}${job.links.events}`, { timeoutMs: 10_000 })).toEqual(events);
      expect(await (await fetch(`${third.url}/readyz`)).json()).toMatchObject({ status: 'ready', store: 'postgres' });
    } finally {
      await probe.end();
    }
  }, 600_000);
});
