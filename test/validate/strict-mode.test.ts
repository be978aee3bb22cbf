/**
 * A whole validation round against a server (TEST_DATABASE_URL): the application is a real LOGIN role for the
 * coverage proof and the isolation probe, our output passes every rule, and nothing is left on the server.
 */
import { describe, expect, it } from 'vitest';
import { validateArtifacts } from '../../src/tools/validate/run-validation.ts';
import { serverUrl } from '../support.ts';
import { serverRoleExists } from '../database/engines.ts';
import { buildSample } from './sample.ts';

describe.skipIf(!serverUrl)('validation in strict mode', () => {
  it('proves coverage and isolation as a LOGIN role and finds no error in our output', async () => {
    const sample = await buildSample();
    const outcome = await validateArtifacts(sample.model, sample.artifacts, { databaseUrl: serverUrl });
    expect(outcome).toMatchObject({ engine: 'postgres', appSession: 'login-role' });
    expect(outcome.findings.filter((f) => f.level === 'error')).toEqual([]);
    expect(outcome.isolation?.totals).toMatchObject({ failed: 0, notProbed: 0 });
    expect(outcome.coverage.every((c) => c.proof === 'explain' && c.status !== 'unindexed')).toBe(true);
    expect(outcome.coverageSummary?.error).toBeUndefined();
    expect(outcome.squawk?.error).toBeUndefined();
    expect(outcome.rules.skipped).toEqual([]);
    expect(await serverRoleExists(serverUrl!, outcome.isolation!.probeRole)).toBe(false);
  }, 300_000);
});
