/**
 * The real pipeline, on worker threads as `npm start` runs it, behind real HTTP: a synchronous generation returns what the CLI writes; an async one streams
 * node progress as server-sent events and replays them once finished.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/graph/run.ts';
import { WorkerPipeline } from '../../src/server/worker-pipeline.ts';
import { extractFromStructured } from '../../src/tools/extract/structured/convert.ts';
import { postJson, readEvents, startServer, structuredInput, type TestServer } from './support.ts';

const NODES = ['extract', 'relationships', 'indexes', 'tenancy', 'migration', 'validate'];
/** The migration folder is named by the time of the run, the report carries timings: neither can match. */
const sameAcrossRuns = (artifacts: Record<string, string>) =>
  Object.fromEntries(Object.entries(artifacts).filter(([path]) => path !== 'report.json').map(([path, text]) => [path.replace(/\d{14}_init/, 'TS_init'), text.replace(/\d{14}_init/g, 'TS_init')]));

let server: TestServer;
const workers = new WorkerPipeline({ size: 2 });
beforeAll(async () => {
  server = await startServer({ pipeline: workers.run, checkInput: (input) => void (input.kind === 'model' && extractFromStructured(input.json)) });
});
afterAll(async () => {
  await server?.close();
  await workers.close();
});

describe('POST /v1/generations (sync)', () => {
  it('answers 200 with the artifacts the CLI writes, the data model and the report', async () => {
    const [response, direct] = await Promise.all([
      postJson(`${server.url}/v1/generations`, { model: structuredInput, rounds: 3 }),
      runPipeline({ kind: 'model', json: structuredInput }, { maxRounds: 3 }),
    ]);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    const body = (await response.json()) as { valid: boolean; artifacts: Record<string, string>; model: { entities: unknown[] }; report: { valid: boolean; summary: string } };
    expect(body.valid).toBe(direct.valid);
    expect(sameAcrossRuns(body.artifacts)).toEqual(sameAcrossRuns(direct.artifacts));
    expect(Object.keys(body.artifacts)).toContain('report.json');
    expect(JSON.parse(body.artifacts['report.json']!)).toEqual(body.report);
    expect(body.model.entities.length).toBe(direct.model.entities.length);
  }, 600_000);
});

describe('POST /v1/generations with Prefer: respond-async', () => {
  it('answers 202 with a job, streams node progress, and replays it once finished', async () => {
    const response = await postJson(`${server.url}/v1/generations`, { model: structuredInput }, { prefer: 'respond-async' });
    expect(response.status).toBe(202);
    expect(response.headers.get('preference-applied')).toBe('respond-async');
    const job = (await response.json()) as { id: string; status: string; links: { self: string; events: string } };
    expect(response.headers.get('location')).toBe(`/v1/generations/${job.id}`);
    expect(job).toMatchObject({ status: 'queued', links: { self: `/v1/generations/${job.id}`, events: `/v1/generations/${job.id}/events` } });

    const live = await readEvents(`${server.url}${job.links.events}`);
    const types = live.map((e) => e.event);
    expect(live[0]).toMatchObject({ id: 1, event: 'status', data: { status: 'queued' } });
    expect(live.map((e) => e.id)).toEqual(live.map((_, i) => i + 1));
    for (const node of NODES) {
      expect(live).toContainEqual(expect.objectContaining({ event: 'node-started', data: expect.objectContaining({ node, round: 0 }) }));
      expect(live).toContainEqual(expect.objectContaining({ event: 'node-finished', data: expect.objectContaining({ node, ms: expect.any(Number), summary: expect.any(String) }) }));
    }
    expect(types).toContain('findings');
    expect(types).toContain('round');
    expect(types.indexOf('findings')).toBeGreaterThan(types.indexOf('node-finished'));
    expect(live.at(-1)).toMatchObject({ event: 'status', data: { status: 'succeeded', valid: expect.any(Boolean) } });

    const view = (await (await fetch(`${server.url}${job.links.self}`)).json()) as { status: string; attempts: number; result: { valid: boolean; artifacts: Record<string, string> } };
    expect(view).toMatchObject({ status: 'succeeded', attempts: 1, request: { kind: 'model', rounds: 3, llm: 'off' } });
    expect(Object.keys(view.result.artifacts)).toContain('prisma/schema.prisma');

    const replay = await readEvents(`${server.url}${job.links.events}`, { timeoutMs: 10_000 });
    expect(replay).toEqual(live);
    const tail = await readEvents(`${server.url}${job.links.events}`, { headers: { 'last-event-id': String(live.length - 2) }, timeoutMs: 10_000 });
    expect(tail).toEqual(live.slice(-2));
    expect(await readEvents(`${server.url}${job.links.events}`, { headers: { 'last-event-id': String(live.length) }, timeoutMs: 10_000 })).toEqual([]);
  }, 600_000);
});
