/**
 * The LLM inside the pipeline, against the local fake: the first reading merges into the model the later
 * nodes build on; extraction findings go back to the model as structured feedback on the next round; a model
 * that cannot be reached leaves the deterministic result standing, reported, and is not asked again; and the
 * run's callbacks reach the model, so a graph streamed in "messages" mode gets the answer as SSE tokens.
 */
import type { BaseMessage } from '@langchain/core/messages';
import { afterEach, describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build-graph.ts';
import { runPipeline } from '../../src/graph/run.ts';
import type { Runtime } from '../../src/nodes/node-context.ts';
import { startFakeOpenAI, type FakeOpenAI } from './fake-openai.ts';
import { CLINIC_PATCH, field, patch } from './patches.ts';
import { clinicPrd, fakeConfig, userPrompt } from './support.ts';

const input = { kind: 'prd' as const, text: clinicPrd, name: 'clinic' };
let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('LLM-assisted extraction in the pipeline', () => {
  it('merges the first reading, then sends the remaining extraction findings back as a feedback round', async () => {
    // The first answer leaves line 11 (what a visit costs) unanswered; the feedback round adds the price.
    const first = patch({
      ...CLINIC_PATCH,
      addEntities: CLINIC_PATCH.addEntities.map((e) => ({ ...e, fields: e.fields.filter((f) => f.name !== 'price') })),
      notData: CLINIC_PATCH.notData.filter((n) => n.prdLine !== 11),
    });
    const second = patch({
      addFields: [{ entity: 'Appointment', field: field('price', 'decimal', { precision: 12, scale: 2, required: false }), reason: 'how much each visit cost', prdLine: 11 }],
    });
    fake = await startFakeOpenAI((_, i) => ({ payload: i === 0 ? first : second }));
    const result = await runPipeline(input, { llm: fakeConfig(fake.url) });

    expect(fake.requests).toHaveLength(2);
    const [extract, repair] = fake.requests.map(userPrompt);
    expect(extract).toMatch(/Review the draft data model/);
    expect(repair).toMatch(/The validator reported the findings/);
    const feedback = JSON.parse(/## Findings \(JSON\)\n\n```json\n([\s\S]*?)\n```/.exec(repair!)![1]!);
    expect(feedback).toEqual([expect.objectContaining({ ruleId: 'extract-not-understood', target: 'line 11' })]);
    expect(repair).toContain('"name": "Appointment"');
    expect(fake.requests[1]!.response_format?.type).toBe('json_schema');

    const [round0, round1] = result.report.rounds;
    expect(round0!.routedTo).toBe('extract');
    expect(round1!.routedTo).toBeNull();
    expect(result.valid).toBe(true);
    const appointment = result.model.entities.find((e) => e.name === 'Appointment')!;
    expect(appointment.fields.find((f) => f.name === 'price')).toMatchObject({ type: 'decimal', precision: 12, scale: 2, provenance: { source: 'llm', line: 11 } });
    expect(appointment.fields.find((f) => f.name === 'orgId')).toBeDefined();
    expect(result.artifacts['prisma/schema.prisma']).toMatch(/model Appointment \{[\s\S]*price\s+Decimal\?/);
    expect(result.report.findings.filter((f) => f.category === 'extraction')).toEqual([]);

    const llm = result.report.llm!;
    expect(llm.rounds.map((r) => [r.round, r.purpose, r.outcome])).toEqual([[0, 'extract', 'merged'], [1, 'repair', 'merged']]);
    expect(llm.totals).toMatchObject({ calls: 2, promptTokens: 2400, completionTokens: 600 });
    expect(llm.calls.every((c) => c.ms >= 0 && c.model === 'fake-model')).toBe(true);
    expect(llm.changes).toContainEqual(expect.objectContaining({ round: 1, op: 'add-field', target: 'Appointment.price', line: 11 }));
    expect(llm.fallbacks).toEqual([]);
    expect(JSON.parse(result.artifacts['report.json']!).llm.totals.calls).toBe(2);
  });

  it('keeps the deterministic result when the model cannot be reached, says so, and does not ask again', async () => {
    fake = await startFakeOpenAI(() => ({ hang: true }));
    const result = await runPipeline(input, { llm: fakeConfig(fake.url, { timeoutMs: 150, maxRetries: 1 }) });
    expect(fake.requests).toHaveLength(2);
    expect(result.model.entities.map((e) => e.name)).not.toContain('Appointment');
    expect(result.report.llm!.fallbacks).toEqual([{ round: 0, reason: expect.stringMatching(/^timeout/) }]);
    expect(result.report.findings).toContainEqual(expect.objectContaining({ ruleId: 'llm-fallback', message: expect.stringContaining('deterministic extraction stands') }));
    expect(result.report.rounds.every((r) => r.routedTo !== 'extract')).toBe(true);
    expect(result.valid).toBe(true);
  });

  it('streams the model over SSE when the graph is streamed in "messages" mode', async () => {
    fake = await startFakeOpenAI(() => ({ payload: CLINIC_PATCH }));
    const runtime: Runtime = { llm: fakeConfig(fake.url) };
    const start = { input, maxRounds: 1, timestamp: '20260101000000' };
    const stop = new AbortController();
    const stream = await buildGraph().stream(start, { configurable: { runtime }, streamMode: ['messages', 'updates'], signal: stop.signal });
    let streamed = '';
    let extracted: { entities: Array<{ name: string }> } | undefined;
    for await (const [mode, chunk] of stream) {
      if (mode === 'messages') streamed += (chunk as [BaseMessage, unknown])[0].text;
      if (mode === 'updates' && 'extract' in (chunk as object)) {
        extracted = (chunk as { extract: { model: typeof extracted } }).extract.model;
        stop.abort(); // the rest of the pipeline is not what this test is about
        break;
      }
    }
    expect(fake.requests[0]!.stream).toBe(true);
    expect(JSON.parse(streamed)).toEqual(CLINIC_PATCH);
    expect(extracted!.entities.map((e) => e.name)).toContain('Appointment');
  });
});
