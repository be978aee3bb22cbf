/**
 * The --llm flag: the default "auto" uses an endpoint the environment configures; "on" without one and an
 * unknown mode are usage errors (exit 2), before any work.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startFakeOpenAI } from './fake-openai.ts';
import { CLINIC_PATCH } from './patches.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/schemawright.mjs', import.meta.url).pathname;
const prd = new URL('./fixtures/clinic.md', import.meta.url).pathname;

async function cli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OPENAI_') && !k.startsWith('SCHEMAWRIGHT_')));
  try {
    const { stderr } = await run(process.execPath, [bin, ...args], { env: { ...clean, ...env } });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('schemawright --llm', () => {
  it('uses the endpoint in OPENAI_BASE_URL by default and reports the calls', async () => {
    const fake = await startFakeOpenAI(() => ({ payload: CLINIC_PATCH }));
    try {
      const out = join(mkdtempSync(join(tmpdir(), 'sw-llm-')), 'clinic');
      const { code, stderr } = await cli({ OPENAI_BASE_URL: fake.url, SCHEMAWRIGHT_MODEL: 'local-model', DATABASE_URL: '' }, 'generate', prd, '--out', out, '--rounds', '1');
      expect(stderr).toMatch(/extracting with local-model at 127\.0\.0\.1:\d+/);
      expect(stderr).toMatch(/LLM: 1 call\(s\), 1200 \+ 300 tokens, \d+ change\(s\) applied/);
      expect(code).toBe(0);
      expect(fake.requests[0]!.model).toBe('local-model');
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      expect(report.llm).toMatchObject({ model: 'local-model', totals: { calls: 1 }, fallbacks: [] });
      expect(readFileSync(join(out, 'prisma/schema.prisma'), 'utf8')).toMatch(/model Appointment \{/);
    } finally {
      await fake.close();
    }
  });

  it('exits 2 when --llm on has no endpoint to use', async () => {
    const { code, stderr } = await cli({}, 'generate', prd, '--out', '/tmp/sw-never-written', '--llm', 'on');
    expect(code).toBe(2);
    expect(stderr).toMatch(/LLM extraction is on but no endpoint is configured/);
    expect(stderr).toMatch(/OPENAI_BASE_URL/);
  });

  it('exits 2 on an unknown mode or an unusable setting', async () => {
    expect((await cli({}, 'generate', prd, '--out', '/tmp/x', '--llm', 'maybe')).stderr).toMatch(/--llm must be off, auto or on/);
    const bad = await cli({ OPENAI_BASE_URL: 'localhost:1234' }, 'generate', prd, '--out', '/tmp/x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/OPENAI_BASE_URL must be an http\(s\) URL/);
  });
});
