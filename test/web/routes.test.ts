/** The page's routes without a browser: static files, the vendor allow-list, the policy header, and the zip. */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakePipeline, postJson, readEvents, startServer, type TestServer } from '../server/support.ts';

let server: TestServer;
let releaseGate: () => void = () => {};
const gate = new Promise<void>((resolve) => (releaseGate = resolve));
beforeAll(async () => {
  server = await startServer({ pipeline: fakePipeline({ gate }) });
});
afterAll(async () => {
  releaseGate();
  await server?.close();
});

describe('the web page', () => {
  it('serves the page, its modules and only allow-listed vendor files, all under a same-origin policy', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    // Nothing is fetched from another origin: every src/href is relative (or a data: URL).
    expect([...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((url) => /^(?:https?:)?\/\//.test(url!))).toEqual([]);

    const main = await fetch(`${server.url}/js/main.js`);
    expect(main.status).toBe(200);
    expect(main.headers.get('content-type')).toMatch(/javascript/);

    const dagre = await fetch(`${server.url}/vendor/dagre.js`);
    expect(dagre.status).toBe(200);
    expect(await dagre.text()).toMatch(/export\s*\{/);
    for (const path of ['/vendor/..%2Fpackage.json', '/vendor/fflate.js', '/vendor/constructor'])
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    expect((await fetch(`${server.url}/js/nothing.js`)).headers.get('content-type')).toMatch(/problem\+json/);
  });
});

describe('GET /v1/generations/:id/archive', () => {
  it('is 404 for an unknown job, 409 until the job has a result, then the project as a zip', async () => {
    expect((await fetch(`${server.url}/v1/generations/00000000-0000-4000-8000-000000000000/archive`)).status).toBe(404);
    const job = (await (await postJson(`${server.url}/v1/generations`, { prd: '# x' }, { prefer: 'respond-async' })).json()) as { id: string; links: { events: string } };
    const early = await fetch(`${server.url}/v1/generations/${job.id}/archive`);
    expect(early.status).toBe(409);
    expect(early.headers.get('content-type')).toMatch(/problem\+json/);

    releaseGate();
    await readEvents(`${server.url}${job.links.events}`, { timeoutMs: 30_000 });
    const response = await fetch(`${server.url}/v1/generations/${job.id}/archive`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="fake.zip"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(['fake/prisma/schema.prisma', 'fake/report.json']);
    expect(strFromU8(files['fake/prisma/schema.prisma']!)).toBe('// fake\n');
    // Built from the job, not the clock: the same job gives the same bytes.
    const again = new Uint8Array(await (await fetch(`${server.url}/v1/generations/${job.id}/archive`)).arrayBuffer());
    expect(again).toEqual(bytes);
  });
});
