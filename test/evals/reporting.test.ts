/** schema-bench-style scores, the corpus gold files, the isolation report, and the aggregation the runner prints and gates on. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogTable } from '../../src/tools/database/catalog.ts';
import type { IsolationReport } from '../../src/tools/validate/isolation.ts';
import { parseGold } from '../../evals/score/gold.ts';
import { scoreIsolation } from '../../evals/score/isolation.ts';
import { mapNames, scoreLiam } from '../../evals/score/liam.ts';
import { metric } from '../../evals/score/metric.ts';
import { failedScores, scoreSchema } from '../../evals/score/score.ts';
import { aggregate, failedGates, type CaseResult } from '../../evals/score/summary.ts';

const t = (name: string, columns: string[], fks: Array<[string, string]> = []): CatalogTable => ({
  name,
  columns: columns.map((c) => ({ name: c, type: 'text', notNull: false, default: null, enumValues: null })),
  primaryKey: ['id'],
  foreignKeys: fks.map(([column, to], i) => ({ name: `${name}_${i}`, columns: [column], refTable: to, refColumns: ['id'], onDelete: 'NoAction', onUpdate: 'NoAction', onDeleteSetColumns: null })),
  indexes: [],
  rlsEnabled: false,
  rlsForced: false,
  policies: [],
  rowCount: 0,
});

const peerGold = parseGold(
  {
    prd: 'orders.md',
    tenantKey: 'org_id',
    multiTenant: false,
    entities: [
      { name: 'Order', tables: ['orders', 'order'], tenantScoped: false, fields: [{ names: ['ordered_at'] }, { names: ['total_amount', 'amount'] }], naturalKeys: [] },
      { name: 'OrderItem', tables: ['order_items', 'order_item'], tenantScoped: false, fields: [{ names: ['quantity'] }], naturalKeys: [] },
    ],
    relationships: [{ from: ['order_items', 'order_item'], to: ['orders', 'order'], fk: ['order_id'], kind: 'many-to-one' }],
    manyToMany: [],
    queryPatterns: [],
    partialIndexes: [],
    referenceData: [],
  },
  'orders.gold.json',
);

describe('schema-bench-style scores', () => {
  it('maps exact names first, then by shared words, each predicted name once', () => {
    expect(mapNames([['orders', 'order'], ['order_items', 'order_item']], ['order_lines', 'orders'])).toEqual([1, 0]);
    expect(mapNames([['customers']], ['orders'])).toEqual([undefined]);
    expect(mapNames([['the_records']], ['record_of_the_day'])).toEqual([undefined]);
  });

  it('leaves convention tables, org_id, created_by and their FKs out of the predicted side', () => {
    const catalog: Catalog = {
      tables: [
        t('organizations', ['id', 'name']),
        t('users', ['id', 'email']),
        t('orders', ['id', 'org_id', 'created_by', 'ordered_at', 'total_amount', 'created_at'], [['org_id', 'organizations'], ['created_by', 'users']]),
        t('order_items', ['id', 'org_id', 'order_id', 'quantity'], [['org_id', 'organizations'], ['order_id', 'orders']]),
      ],
    };
    const liam = scoreLiam(catalog, peerGold);
    expect(liam.excluded.tables.sort()).toEqual(['organizations', 'users']);
    expect(liam.tableF1.score).toBe(1);
    expect(liam.columnF1.score).toBe(1);
    expect(liam.fkF1.score).toBe(1);
    expect(liam.excluded.foreignKeys).toBe(3);
  });

  it('follows schema-bench on FK edge cases: recall 1 and precision 0 without reference FKs', () => {
    const noFks = { ...peerGold, relationships: [] };
    const catalog: Catalog = { tables: [t('orders', ['id', 'ordered_at']), t('order_items', ['id', 'order_id', 'quantity'], [['order_id', 'orders']])] };
    const liam = scoreLiam(catalog, noFks);
    expect(liam.fkRecall.score).toBe(1);
    expect(liam.fkF1.score).toBe(0);
  });
});

describe('the corpus gold files', () => {
  const dirs = ['../../../shared/evals', '../../../shared/evals-peer/liam'].map((d) => fileURLToPath(new URL(d, import.meta.url)));
  it.runIf(dirs.every(existsSync))('all parse, and each scores 0 recall on an empty database', () => {
    for (const dir of dirs) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.gold.json'))) {
        const gold = parseGold(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')), file);
        expect(scoreSchema({ tables: [] }, gold).metrics.entityRecall.score, file).toBe(0);
      }
    }
  });
});

describe('aggregation and gates', () => {
  const result = (name: string, recall: number | null): CaseResult => {
    const scores = failedScores(peerGold, 'x');
    scores.metrics.entityRecall = recall === null ? { score: null, hit: 0, total: 0, misses: [] } : metric(recall * 4, 4);
    return { name, input: name, multiTenant: true, ms: 1, pipelineMs: 1, pipeline: { valid: true, prismaValid: true, noDrift: true }, migrationApplies: true, scores, isolation: null };
  };

  it('macro-averages non-null scores, sums raw counts, and fails a gate below its minimum', () => {
    const cases = [result('a', 1), result('b', 0.5), result('c', null)];
    expect(aggregate(cases).entityRecall).toEqual({ mean: 0.75, n: 2, hit: 6, total: 8 });
    expect(failedGates(cases, [{ metric: 'entityRecall', min: 0.75 }])).toEqual([]);
    expect(failedGates(cases, [{ metric: 'entityRecall', min: 0.8 }])).toHaveLength(1);
    expect(failedGates(cases, [{ metric: 'migrationApplies', min: 1 }])).toEqual([]);
  });
});

describe('isolation probe report', () => {
  const report = (over: Partial<IsolationReport>): IsolationReport => ({
    probeRole: 'probe',
    memberOf: [],
    tables: [
      { table: 'tasks', status: 'passed', passed: true, checks: {} },
      { table: 'projects', status: 'failed', passed: false, checks: { selectOther: { passed: false, detail: "B sees A's row" } } },
      { table: 'events', status: 'not-probed', passed: false, checks: {}, error: 'CHECK constraint' },
    ],
    totals: { tables: 3, probed: 2, passed: 1, failed: 1, notProbed: 1 },
    crossTenantReferences: [
      { table: 'tasks', foreignKey: 'f1', columns: ['org_id', 'project_id'], refTable: 'projects', status: 'rejected', detail: '' },
      { table: 'comments', foreignKey: 'f2', columns: ['task_id'], refTable: 'tasks', status: 'leaked', detail: 'accepted' },
      { table: 'labels', foreignKey: 'f3', columns: ['parent_id'], refTable: 'labels', status: 'inconclusive', detail: '' },
    ],
    crossTenantTotals: { checked: 3, rejected: 1, leaked: 1, inconclusive: 1 },
    ms: 1,
    ...over,
  });

  it('scores passed ÷ probed, lists not-probed tables apart, and keeps cross-tenant references separate', () => {
    const s = scoreIsolation(report({}));
    expect(s.isolation).toMatchObject({ hit: 1, total: 2, misses: ["projects: selectOther: B sees A's row"] });
    expect(s.notProbed).toEqual(['events: CHECK constraint']);
    expect(s.crossTenantReference).toMatchObject({ hit: 1, total: 2 });
  });

  it('scores 0 when the probe could not run at all', () => {
    expect(scoreIsolation(report({ error: 'cannot create organizations' })).isolation.score).toBe(0);
  });
});
