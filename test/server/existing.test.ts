/** The API carries existing models and a previous project to the pipeline, and rejects malformed ones. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakePipeline, startServer, type TestServer } from './support.ts';

describe('POST /v1/generations with existing models and a previous project', () => {
  const pipeline = fakePipeline();
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ pipeline });
  });
  afterAll(() => server.close());

  const post = (body: unknown) =>
    fetch(`${server.url}/v1/generations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('passes existing and previous through to the pipeline', async () => {
    const existing = { kind: 'prisma', text: 'model A {\n  id String @id\n}\n', file: 'schema.prisma' };
    const previous = { schema: 'model A {\n  id String @id\n}\n', migrations: [{ name: '20250101000000_init', sql: 'SELECT 1;' }] };
    const response = await post({ prd: '# Notes\n\n## Notes\n- title\n', existing, previous });
    expect(response.status).toBe(200);
    expect(pipeline.lastOptions).toMatchObject({ existing, previous });
  });

  it('rejects an unknown kind of existing model and a migration folder name with a slash, naming the path', async () => {
    const bad = await post({ prd: '# x\n', existing: { kind: 'django', text: 'x' } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].path).toBe('body.existing.kind');
    const slash = await post({ prd: '# x\n', previous: { schema: 's', migrations: [{ name: '../../etc', sql: '' }] } });
    expect(slash.status).toBe(400);
    expect((await slash.json()).errors[0].path).toBe('body.previous.migrations[0].name');
  });
});
