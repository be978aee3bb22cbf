import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, CatalogTable } from '../../src/tools/database/catalog.ts';
import { withThrowawayDatabase } from '../../src/tools/database/open.ts';
import { disposePGliteTemplate } from '../../src/tools/database/pglite.ts';
import { readCatalog } from '../../src/tools/database/read-catalog.ts';
import {
  catalogFindings,
  hasBareCurrentSetting,
  unindexedForeignKeys,
} from '../../src/tools/validate/catalog-checks.ts';
import { tenantSchemaSql, uniqueRoleName, type SchemaVariant } from '../database/tenant-schema.ts';

const catalogs = new Map<SchemaVariant, Catalog>();

beforeAll(async () => {
  for (const variant of ['good', 'broken'] as const) {
    await withThrowawayDatabase({}, async (db) => {
      await db.exec(tenantSchemaSql(uniqueRoleName('sw_test_app'), variant));
      catalogs.set(variant, await readCatalog(db));
    });
  }
});
afterAll(disposePGliteTemplate);

const summary = (catalog: Catalog) =>
  catalogFindings(catalog).map((f) => `${f.ruleId} ${f.target}`).sort();

describe('catalog checks on an applied schema', () => {
  it('pass the good schema', () => {
    expect(catalogFindings(catalogs.get('good')!)).toEqual([]);
  });

  it('flag each defect of the broken schema, and nothing else', () => {
    expect(summary(catalogs.get('broken')!)).toEqual([
      'rls-disabled notes',
      'rls-initplan projects',
      'rls-no-policy attachments',
      'rls-no-policy notes',
      'rls-not-forced projects',
      'unindexed-foreign-key comments.task_id',
    ]);
  });

  it('give each finding an owner, an actionable message and a fix', () => {
    const findings = catalogFindings(catalogs.get('broken')!);
    const byRule = new Map(findings.map((f) => [`${f.ruleId} ${f.target}`, f]));
    expect(byRule.get('unindexed-foreign-key comments.task_id')).toMatchObject({
      level: 'error', category: 'performance', owner: 'indexes',
      message: expect.stringContaining('only a partial index'),
      fix: expect.stringContaining('CREATE INDEX "comments_task_id_idx" ON "comments" ("task_id");'),
    });
    expect(byRule.get('rls-not-forced projects')).toMatchObject({
      owner: 'tenancy', category: 'security', fix: 'ALTER TABLE "projects" FORCE ROW LEVEL SECURITY;',
    });
    expect(byRule.get('rls-no-policy notes')?.fix).toContain(
      `USING ("org_id" = (SELECT NULLIF(current_setting('app.current_org_id', true), '')::uuid))`);
    expect(byRule.get('rls-no-policy attachments')?.message).toMatch(/neither read nor write/);
    expect(byRule.get('rls-initplan projects')).toMatchObject({ level: 'warning', owner: 'tenancy' });
    for (const f of findings) expect(f.message.length).toBeGreaterThan(40);
  });

  it('check tables the model declares tenant-scoped even without the tenant column', () => {
    const findings = catalogFindings(catalogs.get('good')!, { tenantTables: new Set(['currencies']) });
    expect(findings.map((f) => `${f.ruleId} ${f.target}`).sort()).toEqual(['rls-disabled currencies', 'rls-no-policy currencies']);
  });
});

describe('FK index coverage', () => {
  const fkTable = (indexes: Array<{ columns: string[]; predicate?: string }>): Catalog => {
    const table: CatalogTable = {
      name: 'task_labels', columns: [], primaryKey: [], rlsEnabled: true, rlsForced: true, policies: [], rowCount: 0,
      foreignKeys: [{ name: 'fk', columns: ['org_id', 'label_id'], refTable: 'labels', refColumns: ['org_id', 'id'], onDelete: 'Cascade', onUpdate: 'Cascade', onDeleteSetColumns: null }],
      indexes: indexes.map((ix, i) => ({ name: `ix${i}`, columns: ix.columns, unique: false, primary: false, predicate: ix.predicate ?? null, definition: '' })),
    };
    return { tables: [table] };
  };

  it('accepts the FK columns leading an index in any order, with more columns after them', () => {
    expect(unindexedForeignKeys(fkTable([{ columns: ['label_id', 'org_id', 'created_at'] }]))).toEqual([]);
  });

  it('rejects an index that only starts with part of the FK, or has other columns first', () => {
    expect(unindexedForeignKeys(fkTable([{ columns: ['org_id', 'task_id', 'label_id'] }, { columns: ['org_id'] }]))).toHaveLength(1);
  });

  it('does not count a partial index', () => {
    const [finding] = unindexedForeignKeys(fkTable([{ columns: ['org_id', 'label_id'], predicate: '(deleted_at IS NULL)' }]));
    expect(finding?.target).toBe('task_labels(org_id, label_id)');
  });
});

describe('hasBareCurrentSetting', () => {
  it.each([
    ["(org_id = (current_setting('app.current_org_id'::text, true))::uuid)", true],
    [`(org_id = ( SELECT (NULLIF(current_setting('app.current_org_id'::text, true), ''::text))::uuid AS "nullif"))`, false],
    ["(org_id = ( SELECT (current_setting('app.current_org_id'::text))::uuid AS current_setting))", false],
    ["((org_id = ( SELECT x FROM t)) OR (owner = (current_setting('app.user'::text))::uuid))", true],
    ["(note <> 'current_setting(''x'')'::text)", false],
  ])('%s → %s', (expression, bare) => {
    expect(hasBareCurrentSetting(expression)).toBe(bare);
  });
});
