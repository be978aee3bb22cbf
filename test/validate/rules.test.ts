/**
 * Every rule of the registry breaks on a schema (or model, or evidence) that has its fault and passes on our
 * output for the sample input. Catalog rules run on the real migration applied into one schema per fault.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataModel, Finding } from '../../src/model/index.ts';
import type { Database } from '../../src/tools/database/database.ts';
import { openThrowawayDatabase } from '../../src/tools/database/open.ts';
import { disposePGliteTemplate } from '../../src/tools/database/pglite.ts';
import type { ValidationOutcome } from '../../src/tools/validate/outcome.ts';
import { RULES, runRules, type RuleContext } from '../../src/tools/validate/rules/index.ts';
import type { IsolationReport } from '../../src/tools/validate/isolation.ts';
import type { PatternCoverage } from '../../src/tools/artifacts/schema-doc.ts';
import { applyVariant, buildSample, type Applied, type Sample } from './sample.ts';

const CONTEXT = `(SELECT NULLIF(current_setting('app.current_org_id', true), '')::uuid)`;
const LONG = `labels_${'x'.repeat(64)}`;

interface Case {
  rule: string;
  /** SQL applied after the migration and seed. */
  sql?: string;
  /** Rewrites the migration before it is applied. */
  migration?: (sql: string) => string;
  model?: (m: DataModel) => DataModel;
  objects?: Partial<Applied['objects']>;
  evidence?: Partial<ValidationOutcome>;
  /** What the finding is about. */
  target: string;
  /** Expected owner when it is not the rule's own. */
  owner?: string | null;
}

const coverage = (over: Partial<PatternCoverage>): PatternCoverage => ({
  kind: 'query-pattern', entity: 'Task', table: 'tasks', description: 'Project board', query: 'SELECT …', status: 'indexed', indexed: true,
  index: 'tasks_org_id_project_id_status_position_idx', plan: 'Index Scan using …', rlsFiltered: [], proof: 'explain', ...over,
});
const isolation = (tables: IsolationReport['tables'], refs: IsolationReport['crossTenantReferences'] = []): IsolationReport => ({
  probeRole: 'p', memberOf: ['app_user'], tables, crossTenantReferences: refs, ms: 1,
  totals: { tables: 0, probed: 0, passed: 0, failed: 0, notProbed: 0 }, crossTenantTotals: { checked: 0, rejected: 0, leaked: 0, inconclusive: 0 },
});
const ok = { ok: true, ms: 1 };

const CASES: Case[] = [
  { rule: 'invalid-identifier', model: (m) => retable(m, 'Label', 'Labels'), target: 'Labels' },
  { rule: 'identifier-too-long', model: (m) => ({ ...m, policies: m.policies.map((p) => (p.entity === 'Label' ? { ...p, name: LONG } : p)) }), target: LONG.slice(0, 63), owner: 'tenancy' },
  { rule: 'identifier-too-long', migration: (sql) => sql.replaceAll('"labels_org_id_name_key"', `"${LONG}"`), target: LONG.slice(0, 63), owner: 'migration' },
  { rule: 'dangling-reference', model: (m) => ({ ...m, queryPatterns: [...m.queryPatterns, { entity: 'Task', description: 'by colour', equality: ['colour'], orderBy: [], where: [] }] }), target: 'tasks.colour' },
  { rule: 'prisma-schema-invalid', evidence: { prisma: { ok: false, ms: 1, diagnostics: [{ level: 'error', message: 'Type "Foo" is neither a built-in type', line: 12 }] } }, target: 'schema.prisma:12' },
  { rule: 'migration-apply-fails', evidence: { emission: ok, migrationApplies: { ok: false, ms: 1, error: 'relation "x" does not exist' } }, target: 'm1' },
  { rule: 'migration-apply-fails', evidence: { emission: { ok: false, ms: 0, error: 'Entity Label: table … is 70 bytes' } }, target: 'prisma/migrations', owner: null },
  { rule: 'seed-apply-fails', evidence: { migrationApplies: ok, seedApplies: { ok: false, ms: 1, error: 'null value in column "name"' } }, target: 'prisma/seed.sql' },
  { rule: 'migration-drift', evidence: { migrationApplies: ok, drift: { ok: false, ms: 1, nextMigration: 'DROP INDEX "x";' } }, target: 'schema.prisma' },
  { rule: 'migration-drift', evidence: { migrationApplies: ok, drift: { ok: false, ms: 1, error: 'the shadow database did not start' } }, target: 'schema.prisma' },
  { rule: 'tenant-table-missing-org-id', sql: 'ALTER TABLE labels DROP COLUMN org_id CASCADE', target: 'labels.org_id' },
  { rule: 'rls-not-enabled', sql: 'ALTER TABLE labels DISABLE ROW LEVEL SECURITY', target: 'labels' },
  { rule: 'rls-not-forced', sql: 'ALTER TABLE labels NO FORCE ROW LEVEL SECURITY', target: 'labels' },
  { rule: 'policy-exists-rls-disabled', sql: 'CREATE POLICY organizations_read ON organizations FOR SELECT TO app_user USING (true)', target: 'organizations' },
  { rule: 'rls-no-policy', sql: 'DROP POLICY labels_tenant_isolation ON labels', target: 'labels' },
  { rule: 'policy-always-true', sql: 'CREATE POLICY labels_read_all ON labels FOR SELECT TO app_user USING (true)', target: 'labels.labels_read_all' },
  { rule: 'policy-missing-with-check', sql: `DROP POLICY labels_tenant_isolation ON labels; CREATE POLICY labels_tenant_isolation ON labels FOR ALL TO app_user USING (org_id = ${CONTEXT})`, target: 'labels.labels_tenant_isolation' },
  { rule: 'policy-not-initplan', sql: `ALTER POLICY labels_tenant_isolation ON labels USING (org_id = current_setting('app.current_org_id', true)::uuid)`, target: 'labels.labels_tenant_isolation' },
  { rule: 'policy-column-unindexed', sql: 'DROP INDEX labels_org_id_name_key, labels_org_id_id_key, labels_org_id_created_by_idx CASCADE', target: 'labels' },
  { rule: 'policy-column-unindexed', evidence: { coverage: [coverage({ kind: 'tenant-policy', entity: 'Label', table: 'labels', status: 'unindexed', indexed: false, index: null, plan: 'Index Scan using labels_pkey on labels; Filter: …' })] }, target: 'labels' },
  { rule: 'cross-tenant-fk', sql: 'ALTER TABLE comments DROP CONSTRAINT comments_org_id_task_id_fkey, ADD CONSTRAINT comments_task_id_fkey FOREIGN KEY (task_id) REFERENCES tasks (id)', target: 'comments.task_id' },
  { rule: 'tenant-isolation-fails', evidence: { isolation: isolation([{ table: 'labels', status: 'failed', passed: false, checks: { selectOther: { passed: false, detail: "SELECT sees 1 of A's rows" } } }]) }, target: 'labels' },
  {
    rule: 'isolation-unproven', owner: 'tenancy', target: 'task_labels',
    evidence: { isolation: isolation([
      { table: 'labels', status: 'failed', passed: false, checks: {} },
      { table: 'task_labels', status: 'not-probed', passed: false, checks: {}, error: 'no row in labels', blockedBy: ['labels'] },
    ]) },
  },
  { rule: 'isolation-unproven', evidence: { isolation: isolation([{ table: 'events', status: 'not-probed', passed: false, checks: {}, error: 'violates check constraint' }]) }, target: 'events' },
  { rule: 'cross-tenant-reference', evidence: { isolation: isolation([], [{ table: 'comments', foreignKey: 'fk', columns: ['task_id'], refTable: 'tasks', status: 'leaked', detail: 'accepted' }]) }, target: 'comments(task_id)' },
  { rule: 'fk-unindexed', sql: 'DROP INDEX tasks_org_id_reporter_id_idx', target: 'tasks(org_id, reporter_id)' },
  { rule: 'duplicate-index', sql: 'CREATE INDEX aa_copy ON tasks (org_id, due_date)', target: 'tasks.aa_copy' },
  { rule: 'duplicate-index', sql: 'CREATE INDEX tasks_board_prefix ON tasks (org_id, project_id, status)', target: 'tasks.tasks_board_prefix' },
  { rule: 'duplicate-index', sql: 'CREATE INDEX labels_name_plain ON labels (org_id, name)', target: 'labels.labels_name_plain' },
  { rule: 'query-pattern-unindexed', evidence: { coverage: [coverage({ status: 'unindexed', indexed: false, index: null, plan: 'Index Scan using tasks_org_id_id_key on tasks' })] }, target: 'tasks' },
  { rule: 'rls-non-leakproof-predicate', evidence: { coverage: [coverage({ status: 'partial', rlsFiltered: ['status'] })] }, target: 'tasks(status)' },
  { rule: 'multiple-permissive-policies', sql: 'CREATE POLICY labels_bypass ON labels FOR SELECT TO app_user USING (true)', target: 'labels' },
  { rule: 'no-primary-key', sql: 'ALTER TABLE comments DROP CONSTRAINT comments_pkey', target: 'comments' },
  { rule: 'junction-table-shape', sql: 'DROP INDEX task_labels_org_id_task_id_label_id_key', target: 'task_labels' },
  {
    rule: 'composite-fk-set-null', target: 'tasks(org_id, milestone_id)',
    sql: 'ALTER TABLE tasks DROP CONSTRAINT tasks_org_id_milestone_id_fkey, ADD CONSTRAINT tasks_org_id_milestone_id_fkey FOREIGN KEY (org_id, milestone_id) REFERENCES milestones (org_id, id) ON DELETE SET NULL',
  },
  { rule: 'prefer-timestamptz', sql: 'ALTER TABLE tasks ALTER COLUMN completed_at TYPE timestamp(3)', target: 'tasks.completed_at' },
  { rule: 'prefer-text', sql: 'ALTER TABLE tasks ALTER COLUMN description TYPE varchar(500)', target: 'tasks.description' },
  { rule: 'prefer-bigint-or-uuid-pk', sql: 'CREATE TABLE legacy_codes (id integer PRIMARY KEY)', target: 'legacy_codes.id' },
  { rule: 'uuid-pk-no-db-default', sql: 'ALTER TABLE labels ALTER COLUMN id DROP DEFAULT', target: 'labels.id' },
  { rule: 'updated-at-no-db-default', sql: 'ALTER TABLE labels ALTER COLUMN updated_at DROP DEFAULT', target: 'labels.updated_at' },
  { rule: 'function-search-path-mutable', sql: 'CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$', target: 'touch()' },
  { rule: 'security-definer-view', sql: 'CREATE VIEW all_labels AS SELECT * FROM labels', target: 'all_labels' },
  { rule: 'extension-in-public', objects: { extensions: ['pg_trgm'] }, target: 'pg_trgm' },
  { rule: 'naming', sql: 'CREATE TABLE "LegacyThing" (id uuid PRIMARY KEY)', target: 'LegacyThing' },
  { rule: 'naming', sql: 'CREATE TABLE inventory_item (id uuid PRIMARY KEY)', target: 'inventory_item' },
  { rule: 'mandatory-audit-columns', sql: 'ALTER TABLE labels DROP COLUMN created_by CASCADE', target: 'labels' },
  {
    rule: 'migration-review', target: 'prisma/migrations/m1/migration.sql:3 (squawk syntax-error)',
    evidence: { squawk: { version: '2.66.0', runs: [], ok: false, ms: 1,
      violations: [{ file: 'prisma/migrations/m1/migration.sql', line: 2, column: 0, level: 'Error', rule: 'syntax-error', message: 'expected command', help: null }] } },
  },
];

function retable(m: DataModel, entity: string, table: string): DataModel {
  return { ...m, entities: m.entities.map((e) => (e.name === entity ? { ...e, table } : e)) };
}

let db: Database;
let sample: Sample;
let good: Applied;
const applied = new Map<Case, Applied>();

beforeAll(async () => {
  sample = await buildSample();
  db = await openThrowawayDatabase({});
  good = await applyVariant(db, sample, 'good');
  for (const [i, c] of CASES.entries())
    if (c.sql || c.migration) applied.set(c, await applyVariant(db, sample, `fault_${i}`, c.sql, c.migration?.(sample.migrations[0]!.sql)));
}, 300_000);
afterAll(async () => {
  await db?.close();
  await disposePGliteTemplate();
});

function contextOf(c: Case | undefined): RuleContext {
  const schema = (c && applied.get(c)) ?? good;
  return {
    model: c?.model ? c.model(sample.model) : sample.model,
    catalog: schema.catalog,
    objects: { ...schema.objects, ...c?.objects },
    migrations: c?.migration ? [{ name: 'm1', sql: c.migration(sample.migrations[0]!.sql) }] : [{ name: 'm1', sql: sample.migrations[0]!.sql }],
    evidence: c?.evidence ?? {},
  };
}

describe('the rule set', () => {
  it('has one case per rule at least, unique ids, and every rule documented in docs/validator.md', async () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !CASES.some((c) => c.rule === id))).toEqual([]);
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../docs/validator.md', import.meta.url), 'utf8');
    for (const rule of RULES)
      expect(doc, rule.id).toContain(`| \`${rule.id}\` | ${rule.level} | ${rule.category} | ${rule.owner ?? '—'} |`);
  });

  it('finds nothing in our output for the sample input', () => {
    const run = runRules(contextOf(undefined));
    expect(run.findings.map((f) => `${f.level} ${f.ruleId} ${f.target}`)).toEqual([]);
    expect(run.skipped).toEqual([]);
  });
});

describe.each(CASES.map((c, i) => [`${c.rule} #${i}`, c] as const))('%s', (_name, c) => {
  const rule = RULES.find((r) => r.id === c.rule)!;

  it('passes our output', () => {
    expect(rule.check(contextOf(undefined))).toEqual([]);
  });

  it('flags the fault with a message, a fix and the owning node', () => {
    const findings: Finding[] = rule.check(contextOf(c));
    const finding = findings.find((f) => f.target === c.target);
    expect(finding, JSON.stringify(findings.map((f) => f.target))).toBeDefined();
    expect(finding!.ruleId).toBe(rule.id);
    expect(finding!.message.length).toBeGreaterThan(30);
    expect(finding!.fix.length).toBeGreaterThan(10);
    expect(finding!.owner ?? null).toBe(c.owner === undefined ? (rule.owner ?? null) : c.owner);
  });
});
