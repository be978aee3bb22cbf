/**
 * LLM-assisted extraction against a local fake OpenAI-compatible server: what is sent (the draft in the
 * prompt, a strict json_schema or a forced tool call), what comes back merged, and how failures end —
 * a malformed answer is re-asked once with the zod error, transient errors are retried with backoff, and
 * otherwise the deterministic draft stands with a finding that says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { extractWithLlm } from '../../src/tools/extract/llm/extract-with-llm.ts';
import { startFakeOpenAI, type FakeOpenAI, type FakeReply } from './fake-openai.ts';
import { CLINIC_PATCH, patch } from './patches.ts';
import { clinicDraft, clinicPrd, fakeConfig, userPrompt } from './support.ts';
import type { LlmConfig } from '../../src/tools/extract/llm/config.ts';

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function extract(replies: FakeReply[], config: Partial<LlmConfig> = {}) {
  fake = await startFakeOpenAI((_, i) => replies[Math.min(i, replies.length - 1)]!);
  const { model, findings } = clinicDraft();
  return extractWithLlm({ prd: clinicPrd, draft: model, findings, round: 0, config: fakeConfig(fake.url, config) });
}

describe('LLM-assisted extraction', () => {
  it('sends the numbered PRD and the draft with a strict json_schema, and merges the patch', async () => {
    const result = await extract([{ payload: CLINIC_PATCH, usage: { prompt_tokens: 2100, completion_tokens: 420 } }]);
    const [request] = fake!.requests;
    expect(request!.model).toBe('fake-model');
    expect(request!.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'extraction_patch', strict: true } });
    const schema = request!.response_format!.json_schema!.schema as { required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['addEntities', 'correctFields', 'addRelations', 'queryPatterns', 'notData']));
    expect(request!.messages[0]!.role).toBe('system');
    const prompt = userPrompt(request!);
    expect(prompt).toContain(' 8 | - The front desk books time slots on behalf of a patient');
    expect(prompt).toContain('"name": "Patient"');
    expect(prompt).toContain('"id": "pattern:1"');
    expect(prompt).toContain('- line 11: Could not read a data requirement');

    const appointment = result.model.entities.find((e) => e.name === 'Appointment');
    expect(appointment?.fields.map((f) => f.name)).toEqual(['startsAt', 'endsAt', 'status', 'price']);
    expect(appointment?.provenance).toEqual({ source: 'llm', line: 8, ref: expect.stringContaining('start time') });
    expect(result.model.relations).toContainEqual(expect.objectContaining({ from: 'Appointment', to: 'Patient', field: 'patientId', required: true }));
    expect(result.model.queryPatterns.map((q) => q.entity)).toEqual(['Appointment']);
    expect(result.model.entities.find((e) => e.name === 'Patient')!.fields.find((f) => f.name === 'phoneNumber')).toMatchObject({ type: 'string', maxLength: 32 });
    // Every line the parser could not read was answered by a change or reviewed as holding no data.
    expect(result.findings).toEqual([]);
    expect(result.record).toMatchObject({ outcome: 'merged', purpose: 'extract', rejected: [] });
    expect(result.record.applied.map((c) => c.op)).toEqual(expect.arrayContaining(['add-entity', 'add-relation', 'correct-field', 'remove-draft-item', 'add-query-pattern', 'not-data']));
    expect(result.record.calls).toEqual([expect.objectContaining({ purpose: 'extract', outcome: 'ok', promptTokens: 2100, completionTokens: 420, model: 'fake-model' })]);
  });

  it('works with servers that only do tool calls (forced function call), re-asking a malformed call too', async () => {
    const result = await extract([{ payload: { addEntities: 'Appointment' } }, { payload: CLINIC_PATCH }], { method: 'functionCalling' });
    const [request, reask] = fake!.requests;
    expect(request!.response_format).toBeUndefined();
    expect(request!.tool_choice).toEqual({ type: 'function', function: { name: 'extraction_patch' } });
    expect(reask!.messages.at(-1)!.content).toMatch(/addEntities[\s\S]*expected array/);
    expect(result.record.calls.map((c) => [c.purpose, c.outcome])).toEqual([['extract', 'malformed'], ['reask', 'ok']]);
    expect(result.record.outcome).toBe('merged');
    expect(result.model.entities.some((e) => e.name === 'Appointment')).toBe(true);
  });

  it('refuses what does not fit the draft, with a finding per refused item', async () => {
    const result = await extract([{
      payload: patch({
        addRelations: [{ from: 'Appointment', to: 'Invoice', name: 'invoice', cardinality: 'many-to-one', required: false, onDelete: null, reason: 'visits are billed', prdLine: 11 }],
        addFields: [{ entity: 'Patient', field: { name: 'email', type: 'string', required: true, maxLength: null, precision: null, scale: null, enumValues: null, default: null, description: null }, reason: 'dup', prdLine: 7 }],
      }),
    }]);
    expect(result.record.rejected.map((r) => r.problem)).toEqual([
      expect.stringContaining('already has "email"'),
      expect.stringContaining('no entity "Appointment"'),
    ]);
    expect(result.findings.filter((f) => f.ruleId === 'llm-change-rejected')).toHaveLength(2);
    expect(result.findings.find((f) => f.ruleId === 'llm-change-rejected')).toMatchObject({ level: 'warning', category: 'extraction', owner: 'extract' });
    // Nothing answered line 11, so the parser's finding stays for the next round.
    expect(result.findings.some((f) => f.target === 'line 11')).toBe(true);
  });

  it('re-asks once with the zod error after a malformed answer', async () => {
    const result = await extract([{ payload: { addEntities: 'Appointment' } }, { payload: CLINIC_PATCH }]);
    expect(fake!.requests).toHaveLength(2);
    const reask = fake!.requests[1]!.messages.at(-1)!;
    expect(reask.role).toBe('user');
    expect(reask.content).toMatch(/did not match the patch schema/);
    expect(reask.content).toMatch(/addEntities/);
    expect(reask.content).toMatch(/expected array/);
    expect(result.record.calls.map((c) => [c.purpose, c.outcome])).toEqual([['extract', 'malformed'], ['reask', 'ok']]);
    expect(result.record.outcome).toBe('merged');
  });

  it('keeps the deterministic draft when the answer is malformed twice, and says so', async () => {
    const { model: draft } = clinicDraft();
    const result = await extract([{ payload: 'Sure! Here is the patch: …' }, { payload: { notData: [{ prdLine: 'three' }] } }]);
    expect(fake!.requests).toHaveLength(2);
    expect(result.model).toEqual(draft);
    expect(result.record).toMatchObject({ outcome: 'fallback', fallbackReason: expect.stringContaining('did not match the schema twice') });
    expect(result.findings).toContainEqual(expect.objectContaining({ ruleId: 'llm-fallback', level: 'warning', message: expect.stringContaining('deterministic extraction stands') }));
    expect(result.findings.find((f) => f.ruleId === 'llm-fallback')?.owner).toBeUndefined();
  });

  it('retries a 429 with backoff (honouring retry-after-ms) and then succeeds', async () => {
    const started = performance.now();
    const result = await extract([
      { status: 429, headers: { 'retry-after-ms': '20' }, body: { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } } },
      { status: 503 },
      { payload: CLINIC_PATCH },
    ]);
    expect(result.record.calls.map((c) => [c.outcome, c.status])).toEqual([['rate-limited', 429], ['server-error', 503], ['ok', undefined]]);
    expect(result.record.calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(result.record.outcome).toBe('merged');
    expect(performance.now() - started).toBeGreaterThanOrEqual(20);
  });

  it('falls back to the draft after timeouts, within the retry budget', async () => {
    const result = await extract([{ hang: true }], { timeoutMs: 150, maxRetries: 1 });
    expect(fake!.requests).toHaveLength(2);
    expect(result.record.calls.map((c) => c.outcome)).toEqual(['timeout', 'timeout']);
    expect(result.record.outcome).toBe('fallback');
    expect(result.record.fallbackReason).toMatch(/^timeout: .*after 2 attempts/);
    expect(result.model).toEqual(clinicDraft().model);
  });

  it('does not retry what waiting cannot fix (401)', async () => {
    const result = await extract([{ status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } } }]);
    expect(fake!.requests).toHaveLength(1);
    expect(result.record).toMatchObject({ outcome: 'fallback', fallbackReason: expect.stringMatching(/^error: .*Incorrect API key/) });
  });
});
