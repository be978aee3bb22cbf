/**
 * The catalog rules judge what PostgreSQL holds, whoever wrote it: a small hand-written multi-tenant schema
 * (test/database/tenant-schema.ts) passes, and each defect of its broken variant is reported, and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataModel } from '../../src/model/index.ts';
import type { Catalog, CatalogTable } from '../../src/tools/database/catalog.ts';
import { withThrowawayDatabase } from '../../src/tools/database/open.ts';
import { disposePGliteTemplate } from '../../src/tools/database/pglite.ts';
import { readCatalog } from '../../src/tools/database/read-catalog.ts';
import { runRules } from '../../src/tools/validate/rules/index.ts';
import { fkUnindexed } from '../../src/tools/validate/rules/fk-unindexed.ts';
import { hasBareCurrentSetting } from '../../src/tools/validate/rules/policy-not-initplan.ts';
import { readSchemaObjects, type SchemaObjects } from '../../src/tools/validate/schema-objects.ts';
import { tenantSchemaSql, uniqueRoleName, type SchemaVariant } from '../database/tenant-schema.ts';

const applied = new Map<SchemaVariant, { catalog: Catalog; objects: SchemaObjects; appRole: string }>();

beforeAll(async () => {
  for (const variant of ['good', 'broken'] as const) {
    const appRole = uniqueRoleName('sw_test_app');
    await withThrowawayDatabase({}, async (db) => {
      await db.exec(tenantSchemaSql(appRole, variant));
      const catalog = await readCatalog(db);
      applied.set(variant, { catalog, objects: await readSchemaObjects(db, catalog), appRole });
    });
  }
});
afterAll(disposePGliteTemplate);

/** The schema's intent, as a model would state it: which tables are tenant-scoped. */
function modelOf(appRole: string, tenant: string[]): DataModel {
  const entity = (table: string, kind: 'tenant-root' | 'tenant' | 'reference') => ({ name: table, table, kind, fields: [] });
  return DataModel.parse({
    tenancy: { rootEntity: 'organizations', appRole },
    entities: [entity('organizations', 'tenant-root'), entity('currencies', 'reference'), ...tenant.map((t) => entity(t, 'tenant'))],
  });
}

const SECURITY_AND_PERFORMANCE = (f: { category: string; level: string }) => f.level !== 'info' && (f.category === 'security' || f.category === 'performance');

function judge(variant: SchemaVariant, tenant: string[]): string[] {
  const { catalog, objects, appRole } = applied.get(variant)!;
  return runRules({ model: modelOf(appRole, tenant), catalog, objects }).findings
    .filter(SECURITY_AND_PERFORMANCE)
    .map((f) => `${f.ruleId} ${f.target}`)
    .sort();
}

describe('catalog rules on a hand-written schema', () => {
  it('pass the good schema', () => {
    expect(judge('good', ['projects', 'tasks', 'comments'])).toEqual([]);
  });

  it('flag each defect of the broken schema, and nothing else', () => {
    expect(judge('broken', ['projects', 'tasks', 'comments', 'notes', 'attachments'])).toEqual([
      'cross-tenant-fk comments.task_id',
      'fk-unindexed comments.task_id',
      'policy-not-initplan projects.projects_tenant_isolation',
      'rls-no-policy attachments',
      'rls-no-policy notes',
      'rls-not-enabled notes',
      'rls-not-forced projects',
    ]);
  });

  it('check tables the model declares tenant-scoped even without the tenant column', () => {
    expect(judge('good', ['projects', 'tasks', 'comments', 'currencies'])).toEqual([
      'cross-tenant-fk projects.currency_id',
      'rls-no-policy currencies',
      'rls-not-enabled currencies',
      'tenant-table-missing-org-id currencies.org_id',
    ]);
  });
});

describe('fk-unindexed', () => {
  const model = DataModel.parse({ entities: [] });
  const fkTable = (indexes: Array<{ columns: string[]; predicate?: string; method?: string }>): Catalog => {
    const table: CatalogTable = {
      name: 'task_labels', columns: [], primaryKey: [], rlsEnabled: true, rlsForced: true, policies: [], rowCount: 0,
      foreignKeys: [{ name: 'fk', columns: ['org_id', 'label_id'], refTable: 'labels', refColumns: ['org_id', 'id'], onDelete: 'Cascade', onUpdate: 'Cascade', onDeleteSetColumns: null }],
      indexes: indexes.map((ix, i) => ({
        name: `ix${i}`, columns: ix.columns, unique: false, primary: false, predicate: ix.predicate ?? null,
        definition: `CREATE INDEX ix${i} ON public.task_labels USING ${ix.method ?? 'btree'} (${ix.columns.join(', ')})`,
      })),
    };
    return { tables: [table] };
  };
  const check = (catalog: Catalog) => fkUnindexed.check({ model, catalog });

  it('accepts the FK columns leading an index in any order, with more columns after them', () => {
    expect(check(fkTable([{ columns: ['label_id', 'org_id', 'created_at'] }]))).toEqual([]);
  });

  it('rejects an index that only starts with part of the FK, or has other columns first', () => {
    expect(check(fkTable([{ columns: ['org_id', 'task_id', 'label_id'] }, { columns: ['org_id'] }]))).toHaveLength(1);
  });

  it('does not count a partial or a non-btree index', () => {
    const [partial] = check(fkTable([{ columns: ['org_id', 'label_id'], predicate: '(deleted_at IS NULL)' }]));
    expect(partial?.target).toBe('task_labels(org_id, label_id)');
    expect(partial?.message).toContain('only a partial or non-btree one');
    expect(check(fkTable([{ columns: ['org_id', 'label_id'], method: 'hash' }]))).toHaveLength(1);
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
