/** The protective paths over real HTTP on loopback: 400/401/404/413/429/503/504 and 500, all problem+json. */
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { MemoryJobStore } from '../../src/server/jobs/memory-store.ts';
import { extractFromStructured } from '../../src/tools/extract/structured/convert.ts';
import { fakePipeline, postJson, readEvents, startServer, type TestServer } from './support.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(options: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const started = await startServer(options);
  servers.push(started);
  return started;
}

async function expectProblem(response: Response, status: number): Promise<Record<string, any>> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as Record<string, any>;
  expect(body).toMatchObject({ status, type: expect.stringMatching(/^urn:schemawright:problem:/), title: expect.any(String), detail: expect.any(String) });
  expect(JSON.stringify(body)).not.toMatch(/\bat \S+:\d+:\d+|node_modules|\.ts:\d+/);
  return body;
}

describe('400: invalid requests name the failing path', () => {
  it('reports zod paths under body', async () => {
    const { url } = await server({ pipeline: fakePipeline() });
    const empty = await expectProblem(await postJson(`${url}/v1/generations`, {}), 400);
    expect(empty.errors).toContainEqual({ path: 'body.prd', message: expect.stringContaining('either prd') });

    const bad = await expectProblem(await postJson(`${url}/v1/generations`, { prd: '# App', rounds: 11, llm: 'maybe', extra: 1 }), 400);
    const paths = bad.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.rounds', 'body.llm']));
    expect(bad.errors.some((e: { message: string }) => /extra/.test(e.message))).toBe(true);
  });

  it('refuses llm "on" until LLM extraction is configured', async () => {
    const { url } = await server({ pipeline: fakePipeline() });
    const body = await expectProblem(await postJson(`${url}/v1/generations`, { prd: '# App', llm: 'on' }), 400);
    expect(body.errors).toEqual([{ path: 'body.llm', message: expect.stringContaining('not configured') }]);
  });

  it('passes the llm mode through when an endpoint is configured', async () => {
    const pipeline = fakePipeline();
    const { url } = await server({ pipeline, llmAvailable: true });
    expect((await postJson(`${url}/v1/generations`, { prd: '# App', llm: 'on', rounds: 2 })).status).toBe(200);
    expect(pipeline.lastOptions).toMatchObject({ llm: 'on', maxRounds: 2 });
  });

  it('rejects malformed JSON and a wrong media type', async () => {
    const { url } = await server({ pipeline: fakePipeline() });
    await expectProblem(await postJson(`${url}/v1/generations`, '{"prd": '), 400);
    await expectProblem(await fetch(`${url}/v1/generations`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<prd/>' }), 415);
  });

  it('maps an InputError from the model check to its JSON paths, before any job exists', async () => {
    const pipeline = fakePipeline();
    const { url } = await server({ pipeline, checkInput: (input) => void (input.kind === 'model' && extractFromStructured(input.json)) });
    const body = await expectProblem(await postJson(`${url}/v1/generations`, { model: { entities: 'nope' } }, { prefer: 'respond-async' }), 400);
    expect(body.errors.length).toBeGreaterThan(0);
    for (const e of body.errors) expect(e.path).toMatch(/^body\.model/);
    expect(pipeline.calls).toBe(0);
  });

  it('maps an InputError thrown by the pipeline (a PRD line) the same way', async () => {
    const { url } = await server({ pipeline: fakePipeline({ fail: new InputError('The PRD names no entity.', [{ path: 'line 3', message: 'no entity' }]) }) });
    const body = await expectProblem(await postJson(`${url}/v1/generations`, { prd: '# App\n\nnothing here' }), 400);
    expect(body).toMatchObject({ detail: 'The PRD names no entity.', errors: [{ path: 'body.prd line 3', message: 'no entity' }] });
  });
});

describe('401: API keys', () => {
  it('requires a known Bearer key on /v1 and leaves health and docs open', async () => {
    const { url } = await server({ pipeline: fakePipeline(), config: { apiKeys: ['k-one', 'k-two'] } });
    const missing = await postJson(`${url}/v1/generations`, { prd: '# App' });
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expectProblem(missing, 401);
    await expectProblem(await postJson(`${url}/v1/generations`, { prd: '# App' }, { authorization: 'Bearer k-three' }), 401);
    await expectProblem(await fetch(`${url}/v1/generations/00000000-0000-0000-0000-000000000000`), 401);
    expect((await postJson(`${url}/v1/generations`, { prd: '# App' }, { authorization: 'Bearer k-two' })).status).toBe(200);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/docs/json`)).status).toBe(200);
  });
});

describe('413: body size', () => {
  it('refuses a body over the limit', async () => {
    const { url } = await server({ pipeline: fakePipeline(), config: { bodyLimitBytes: 4096 } });
    const body = await expectProblem(await postJson(`${url}/v1/generations`, { prd: `# App\n${'x'.repeat(5000)}` }), 413);
    expect(body.detail).toMatch(/4096/);
  });
});

describe('429: rate limit', () => {
  it('answers 429 with Retry-After once a client is over its budget, invalid requests included', async () => {
    const { url } = await server({ pipeline: fakePipeline(), config: { rateLimitPerMinute: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await postJson(`${url}/v1/generations`, { nope: true })).status);
    expect(statuses).toEqual([400, 400, 400]);
    const limited = await postJson(`${url}/v1/generations`, { prd: '# App' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectProblem(limited, 429);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});

describe('503: the validation pool is full', () => {
  it('queues up to the limit, then refuses sync and async work with Retry-After', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { url } = await server({ pipeline: fakePipeline({ gate }), config: { concurrency: 1, queueLimit: 1 } });
    const running = postJson(`${url}/v1/generations`, { prd: '# A' });
    const queued = await postJson(`${url}/v1/generations`, { prd: '# B' }, { prefer: 'respond-async' });
    expect(queued.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const ready = (await (await fetch(`${url}/readyz`)).json()) as { pool: { running: number; queued: number } };
    expect(ready.pool).toMatchObject({ running: 1, queued: 1 });

    const refusedSync = await postJson(`${url}/v1/generations`, { prd: '# C' });
    expect(Number(refusedSync.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectProblem(refusedSync, 503);
    await expectProblem(await postJson(`${url}/v1/generations`, { prd: '# D' }, { prefer: 'respond-async' }), 503);

    open();
    expect((await running).status).toBe(200);
    const events = await readEvents(`${url}${(await queued.json()).links.events}`);
    expect(events.at(-1)).toMatchObject({ event: 'status', data: { status: 'succeeded' } });
  });
});

describe('timeouts and internal errors', () => {
  it('answers 504 when a synchronous run outlives the request timeout', async () => {
    const { url } = await server({ pipeline: fakePipeline({ gate: new Promise(() => {}) }), config: { requestTimeoutMs: 1000 } });
    const body = await expectProblem(await postJson(`${url}/v1/generations`, { prd: '# App' }), 504);
    expect(body.detail).toMatch(/respond-async/);
  });

  it('hides internal errors behind the request id', async () => {
    const { url } = await server({ pipeline: fakePipeline({ fail: new Error('secret: connection to 10.0.0.5 refused') }) });
    const response = await postJson(`${url}/v1/generations`, { prd: '# App' }, { 'x-request-id': 'req-123' });
    expect(response.headers.get('x-request-id')).toBe('req-123');
    const body = await expectProblem(response, 500);
    expect(body.requestId).toBe('req-123');
    expect(JSON.stringify(body)).not.toMatch(/secret|10\.0\.0\.5|stack/);
  });

  it('answers unknown routes and jobs with 404 problems', async () => {
    const { url } = await server({ pipeline: fakePipeline() });
    await expectProblem(await fetch(`${url}/v2/nothing`), 404);
    await expectProblem(await fetch(`${url}/v1/generations/not-a-uuid`), 404);
    await expectProblem(await fetch(`${url}/v1/generations/4f0c3c1e-8d7e-4a53-9a8e-0e2a0c1f5b77/events`), 404);
  });
});

describe('docs and health', () => {
  it('serves OpenAPI with the generation routes, /healthz and /readyz', async () => {
    const { url } = await server({ pipeline: fakePipeline() });
    const spec = (await (await fetch(`${url}/docs/json`)).json()) as { openapi: string; paths: Record<string, any> };
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/v1/generations', '/v1/generations/{id}', '/v1/generations/{id}/events', '/healthz', '/readyz']));
    expect(spec.paths['/v1/generations'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('prd');
    expect((await fetch(`${url}/docs`, { redirect: 'follow' })).status).toBe(200);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${url}/readyz`)).json()).toMatchObject({ status: 'ready', store: 'memory' });
  });
});

describe('graceful shutdown (memory store)', () => {
  it('lets a running job finish within the grace period and refuses new work meanwhile', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const store = new MemoryJobStore();
    const started = await startServer({ pipeline: fakePipeline({ gate }), store, config: { shutdownGraceMs: 10_000 } });
    const accepted = await (await postJson(`${started.url}/v1/generations`, { prd: '# A' }, { prefer: 'respond-async' })).json();
    const closing = started.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expectProblem(await postJson(`${started.url}/v1/generations`, { prd: '# B' }), 503);
    const view = (await (await fetch(`${started.url}${accepted.links.self}`)).json()) as { status: string };
    expect(['queued', 'running']).toContain(view.status);
    open();
    await closing;
    expect(await store.get(accepted.id)).toMatchObject({ status: 'succeeded' });
  });

  it('fails what cannot finish in time when jobs cannot outlive the process', async () => {
    const store = new MemoryJobStore();
    const started = await startServer({ pipeline: fakePipeline({ gate: new Promise(() => {}) }), store, config: { shutdownGraceMs: 100, concurrency: 1 } });
    const first = await (await postJson(`${started.url}/v1/generations`, { prd: '# A' }, { prefer: 'respond-async' })).json();
    const second = await (await postJson(`${started.url}/v1/generations`, { prd: '# B' }, { prefer: 'respond-async' })).json();
    await started.close();
    for (const id of [first.id, second.id]) expect(await store.get(id)).toMatchObject({ status: 'failed', error: { status: 503 } });
  });
});
