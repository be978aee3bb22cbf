/**
 * The validator loop repairs what it can and stops, with a clear report, on what it cannot: a fault is injected
 * into what a node produced in round 0 (the model, or for faults that live only in SQL, the emitted files);
 * the validator must catch it, route back to the node that owns the fix, and that node's pass must repair it
 * on the next round, so that the second round is clean.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { DataModel, NodeName } from '../../src/model/index.ts';
import { runPipeline, type PipelineResult } from '../../src/graph/run.ts';
import type { PipelineInput } from '../../src/graph/state.ts';
import type { Runtime } from '../../src/nodes/node-context.ts';
import { disposePGliteTemplate } from '../../src/tools/database/pglite.ts';
import { closeSchemaEngine } from '../../src/tools/prisma/schema-engine.ts';

const input: PipelineInput = {
  kind: 'model',
  json: JSON.parse(readFileSync(new URL('../../../shared/evals/structured-input.json', import.meta.url), 'utf8')),
};

afterAll(async () => {
  await disposePGliteTemplate();
  await closeSchemaEngine();
});

/** Two validations per run: on a loaded two-core machine a round takes up to a minute. */
const TIMEOUT = 300_000;

function inject(node: NodeName, rounds: number[], fault: (m: DataModel) => DataModel): Runtime['afterNode'] {
  return (at, model, round) => (at === node && rounds.includes(round) ? fault(model) : model);
}

/** Rewrites the migration (and schema.prisma) the migration node emitted in round 0 only. */
function injectSql(fault: (path: string, text: string) => string): Runtime['afterArtifacts'] {
  return (artifacts, round) =>
    round === 0 ? Object.fromEntries(Object.entries(artifacts).map(([path, text]) => [path, fault(path, text)])) : artifacts;
}

const inMigration = (rewrite: (sql: string) => string) => (path: string, text: string) => (path.endsWith('migration.sql') ? rewrite(text) : text);

const dropReporterIndex = (m: DataModel): DataModel => ({
  ...m, indexes: m.indexes.filter((ix) => !(ix.entity === 'Task' && ix.fields.includes('reporterId'))),
});
const dropLabelPolicy = (m: DataModel): DataModel => ({ ...m, policies: m.policies.filter((p) => p.entity !== 'Label') });
const labelPolicy = (change: (p: DataModel['policies'][number]) => DataModel['policies'][number]) => (m: DataModel): DataModel => ({
  ...m, policies: m.policies.map((p) => (p.entity === 'Label' ? change(p) : p)),
});
const BARE = `"org_id" = current_setting('app.current_org_id', true)::uuid`;

interface Fault {
  name: string;
  runtime: Runtime;
  /** The finding round 0 must report, and the node it must route to. */
  rule: string;
  target: RegExp;
  routedTo: NodeName;
  /** What the repaired project must show. */
  repaired?: (result: PipelineResult) => void;
}

const FAULTS: Fault[] = [
  {
    name: 'unindexed foreign key', rule: 'fk-unindexed', target: /^tasks\(org_id, reporter_id\)$/, routedTo: 'indexes',
    runtime: { afterNode: inject('indexes', [0], dropReporterIndex) },
    repaired: (r) => expect(r.artifacts['prisma/schema.prisma']).toMatch(/@@index\(\[orgId, reporterId\]/),
  },
  {
    name: 'tenant table without a policy', rule: 'rls-no-policy', target: /^labels$/, routedTo: 'tenancy',
    runtime: { afterNode: inject('tenancy', [0], dropLabelPolicy) },
    repaired: (r) => expect(Object.values(r.artifacts).join('\n')).toMatch(/CREATE POLICY "labels_tenant_isolation"/),
  },
  {
    name: 'RLS not forced', rule: 'rls-not-forced', target: /^labels$/, routedTo: 'tenancy',
    runtime: { afterArtifacts: injectSql(inMigration((sql) => sql.replace('ALTER TABLE "labels" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;', 'ALTER TABLE "labels" ENABLE ROW LEVEL SECURITY;'))) },
    repaired: (r) => expect(Object.values(r.artifacts).join('\n')).toContain('ALTER TABLE "labels" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;'),
  },
  {
    name: 'bare current_setting in a policy', rule: 'policy-not-initplan', target: /^labels\.labels_tenant_isolation$/, routedTo: 'tenancy',
    runtime: { afterNode: inject('tenancy', [0], labelPolicy((p) => ({ ...p, using: BARE, withCheck: BARE }))) },
    repaired: (r) => expect(r.model.policies.find((p) => p.entity === 'Label')?.using).toContain('(SELECT NULLIF(current_setting('),
  },
  {
    name: 'duplicate and prefix-redundant indexes', rule: 'duplicate-index', target: /^(tasks\.tasks_board_copy|comments\.comments_task_prefix)$/, routedTo: 'indexes',
    runtime: {
      afterNode: inject('tenancy', [0], (m) => ({
        ...m,
        indexes: [
          ...m.indexes,
          { entity: 'Task', fields: ['orgId', 'dueDate'], name: 'tasks_board_copy', unique: false, where: [], source: 'query-pattern', why: 'injected duplicate' },
          { entity: 'Comment', fields: ['orgId', 'taskId'], name: 'comments_task_prefix', unique: false, where: [], source: 'query-pattern', why: 'injected prefix' },
        ],
      })),
    },
    repaired: (r) => expect(r.artifacts['prisma/schema.prisma']).not.toMatch(/tasks_board_copy|comments_task_prefix/),
  },
  {
    name: 'write policy without WITH CHECK', rule: 'policy-missing-with-check', target: /^labels\.labels_tenant_isolation$/, routedTo: 'tenancy',
    runtime: { afterNode: inject('tenancy', [0], labelPolicy(({ withCheck: _dropped, ...p }) => p)) },
    repaired: (r) => expect(r.model.policies.find((p) => p.entity === 'Label')?.withCheck).toBeDefined(),
  },
  {
    name: 'cross-tenant foreign key', rule: 'cross-tenant-fk', target: /^comments\.task_id$/, routedTo: 'relationships',
    runtime: {
      afterNode: inject('tenancy', [0], (m) => ({
        ...m, relations: m.relations.map((r) => (r.from === 'Comment' && r.to === 'Task' ? { ...r, tenantComposite: false } : r)),
      })),
    },
    repaired: (r) => expect(r.model.relations.find((x) => x.from === 'Comment' && x.to === 'Task')?.tenantComposite).toBe(true),
  },
  {
    name: 'identifier over 63 bytes', rule: 'identifier-too-long', target: /^labels_tenant_isolation_x+$/, routedTo: 'tenancy',
    runtime: { afterNode: inject('tenancy', [0], labelPolicy((p) => ({ ...p, name: `labels_tenant_isolation_${'x'.repeat(48)}` }))) },
    repaired: (r) => expect(r.model.policies.find((p) => p.entity === 'Label')?.name).toBe('labels_tenant_isolation'),
  },
  {
    name: 'timestamp without time zone', rule: 'prefer-timestamptz', target: /^milestones\.completed_at$/, routedTo: 'migration',
    runtime: {
      afterArtifacts: injectSql((path, text) =>
        path.endsWith('migration.sql') ? text.replace('"completed_at" TIMESTAMPTZ(3)', '"completed_at" TIMESTAMP(3)')
          : path.endsWith('schema.prisma') ? text.replace(/(completedAt\s+DateTime\?\s+@map\("completed_at"\)\s+)@db\.Timestamptz\(3\)/, '$1@db.Timestamp(3)')
            : text),
    },
    repaired: (r) => expect(Object.values(r.artifacts).join('\n')).not.toContain('TIMESTAMP(3)'),
  },
  {
    name: 'table without a primary key', rule: 'no-primary-key', target: /^comments$/, routedTo: 'migration',
    runtime: { afterArtifacts: injectSql(inMigration((sql) => sql.replace(/,\s*CONSTRAINT "comments_pkey" PRIMARY KEY \("id"\)/, ''))) },
    repaired: (r) => expect(Object.values(r.artifacts).join('\n')).toContain('CONSTRAINT "comments_pkey" PRIMARY KEY ("id")'),
  },
];

describe('repair loop: each injected fault is caught, routed to its owner and repaired on the next round', () => {
  it.each(FAULTS.map((f) => [f.name, f] as const))('%s', async (_name, fault) => {
    const result = await runPipeline(input, fault.runtime);
    const [first, second] = result.report.rounds;
    const caught = first!.findings.filter((f) => f.ruleId === fault.rule && f.level === 'error');
    expect(caught.map((f) => f.target), JSON.stringify(first!.findings.map((f) => `${f.ruleId} ${f.target}`))).not.toEqual([]);
    for (const f of caught) expect(f.target).toMatch(fault.target);
    expect(first!.routedTo).toBe(fault.routedTo);
    expect(result.report.loop[0]!.why).toContain(`${fault.routedTo} owns the earliest fix`);
    expect(second!.findings.filter((f) => f.level === 'error').map((f) => `${f.ruleId} ${f.target}`)).toEqual([]);
    expect(result.report.rounds).toHaveLength(2);
    expect(result.valid).toBe(true);
    fault.repaired?.(result);
    // The repaired project carries the proof: coverage with plan lines in report.json and docs/SCHEMA.md.
    const report = JSON.parse(result.artifacts['report.json']!) as { validation: { coverage: Array<{ status: string; plan: string }> } };
    expect(report.validation.coverage.filter((c) => c.status === 'unindexed')).toEqual([]);
    expect(report.validation.coverage.every((c) => /^Index (Only )?Scan/.test(c.plan))).toBe(true);
    expect(result.artifacts['docs/SCHEMA.md']).toMatch(/\| `comments` \| Task detail: comments oldest first \| yes \| `comments_org_id_task_id_created_at_idx` \| `Index Scan using comments_org_id_task_id_created_at_idx on comments; Index Cond: /);
  }, TIMEOUT);
});

describe('repair loop: faults no node can fix', () => {
  it('stops with a clear report when a fault keeps coming back', async () => {
    const result = await runPipeline(input, { maxRounds: 3, afterNode: inject('tenancy', [0, 1, 2], dropLabelPolicy) });
    expect(result.valid).toBe(false);
    expect(result.report.rounds.length).toBeLessThanOrEqual(3);
    expect(result.report.rounds.at(-1)!.routedTo).toBeNull();
    expect(result.report.loop.at(-1)!.why).toBe('the last repair changed nothing');
    expect(result.report.summary).toMatch(/error\(s\) remain .* Stopped: the last repair changed nothing/);
    expect(result.report.findings.find((f) => f.ruleId === 'rls-no-policy')?.fix).toBeTruthy();
  }, TIMEOUT);

  it('stops at once when what fails is owned by no node that can repair it', async () => {
    const long = `work_items_${'y'.repeat(60)}`;
    const result = await runPipeline(input, {
      afterNode: inject('extract', [0], (m) => ({ ...m, entities: m.entities.map((e) => (e.name === 'Label' ? { ...e, table: long } : e)) })),
    });
    expect(result.valid).toBe(false);
    expect(result.report.rounds).toHaveLength(1);
    const [round] = result.report.loop;
    expect(round!.routedTo).toBeNull();
    expect(round!.errorsByOwner).toMatchObject({ extract: ['identifier-too-long'], none: ['migration-apply-fails'] });
    expect(round!.why).toMatch(/^no node can repair what is left/);
    expect(result.report.findings.find((f) => f.ruleId === 'migration-apply-fails')?.message).toContain(long);
    expect(result.report.summary).toMatch(/Stopped: no node can repair/);
  }, TIMEOUT);
});
