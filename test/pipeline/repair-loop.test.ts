/**
 * The validator loop repairs what it can and stops, with a clear report, on what it cannot (issue 2):
 * faults are injected into the model a node produced; the validator must catch them on the applied database
 * and route back to the node that owns the fix.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DataModel, NodeName } from '../../src/model/index.ts';
import { runPipeline } from '../../src/graph/run.ts';
import type { PipelineInput } from '../../src/graph/state.ts';

const input: PipelineInput = {
  kind: 'model',
  json: JSON.parse(readFileSync(new URL('../../../shared/evals/structured-input.json', import.meta.url), 'utf8')),
};

function inject(node: NodeName, rounds: number[], fault: (m: DataModel) => DataModel) {
  return (at: NodeName, model: DataModel, round: number) => (at === node && rounds.includes(round) ? fault(model) : model);
}

const dropReporterIndex = (m: DataModel): DataModel => ({
  ...m, indexes: m.indexes.filter((ix) => !(ix.entity === 'Task' && ix.fields.includes('reporterId'))),
});
const dropLabelPolicy = (m: DataModel): DataModel => ({ ...m, policies: m.policies.filter((p) => p.entity !== 'Label') });

describe('repair loop', () => {
  it('catches an unindexed foreign key on the database and repairs it in the indexes node', async () => {
    const result = await runPipeline(input, { afterNode: inject('indexes', [0], dropReporterIndex) });
    const [first, second] = result.report.rounds;
    expect(first!.findings).toContainEqual(expect.objectContaining({ ruleId: 'unindexed-foreign-key', target: expect.stringContaining('tasks'), owner: 'indexes' }));
    expect(first!.routedTo).toBe('indexes');
    expect(second!.findings.filter((f) => f.level === 'error')).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.artifacts['prisma/schema.prisma']).toMatch(/@@index\(\[orgId, reporterId\]/);
  });

  it('catches a tenant table without a policy and repairs it in the tenancy node', async () => {
    const result = await runPipeline(input, { afterNode: inject('tenancy', [0], dropLabelPolicy) });
    const first = result.report.rounds[0]!;
    expect(first.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['rls-no-policy']));
    expect(first.findings.some((f) => f.target.includes('labels'))).toBe(true);
    expect(first.routedTo).toBe('tenancy');
    expect(result.valid).toBe(true);
    expect(Object.values(result.artifacts).join('\n')).toMatch(/CREATE POLICY "labels_tenant_isolation"/);
  });

  it('stops with a clear report when a fault keeps coming back', async () => {
    const result = await runPipeline(input, { maxRounds: 3, afterNode: inject('tenancy', [0, 1, 2], dropLabelPolicy) });
    expect(result.valid).toBe(false);
    expect(result.report.rounds.length).toBeLessThanOrEqual(3);
    expect(result.report.rounds.at(-1)!.routedTo).toBeNull();
    expect(result.report.summary).toMatch(/error\(s\) remain/);
    expect(result.report.findings.find((f) => f.ruleId === 'rls-no-policy')?.fix).toBeTruthy();
  });
});
