/**
 * The scorer on a catalog PostgreSQL really produced (PGlite, or TEST_DATABASE_URL): policy text as
 * pg_policies prints it, predicates from pg_get_expr, an expression key, composite tenant FKs.
 */
import { describe, expect, it } from 'vitest';
import { withThrowawayDatabase } from '../../src/tools/database/open.ts';
import { readCatalog } from '../../src/tools/database/read-catalog.ts';
import type { Catalog } from '../../src/tools/database/catalog.ts';
import { parseGold } from '../../evals/score/gold.ts';
import { settingsInPolicies } from '../../evals/score/rls.ts';
import { scoreSchema } from '../../evals/score/score.ts';
import { serverUrl } from '../support.ts';

const SQL = `
CREATE TABLE organizations (id uuid PRIMARY KEY, name text NOT NULL);
CREATE TABLE customers (
  id uuid PRIMARY KEY, org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  email text NOT NULL, deleted_at timestamptz, UNIQUE (org_id, id));
CREATE UNIQUE INDEX customers_email ON customers (org_id, lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX customers_org ON customers (org_id);
CREATE TABLE tickets (
  id uuid PRIMARY KEY, org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  customer_id uuid NOT NULL, status text NOT NULL, priority text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id) ON DELETE RESTRICT);
CREATE INDEX tickets_customer ON tickets (org_id, customer_id, created_at);
CREATE INDEX tickets_status ON tickets (org_id, status, priority);
CREATE TABLE currencies (code text PRIMARY KEY, name text NOT NULL);
INSERT INTO currencies VALUES ('USD', 'US dollar'), ('EUR', 'Euro');
DO $$ DECLARE t text; BEGIN
  FOREACH t IN ARRAY ARRAY['customers', 'tickets'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant ON %I USING (org_id = (SELECT NULLIF(current_setting('app.current_org_id', true), '')::uuid))$p$, t);
  END LOOP;
END $$;`;

const gold = parseGold(
  {
    prd: 'x.md',
    tenantKey: 'org_id',
    entities: [
      { name: 'Organization', tables: ['organizations'], tenantScoped: false, tenantRoot: true, fields: [], naturalKeys: [] },
      { name: 'Customer', tables: ['customers'], tenantScoped: true, fields: [{ names: ['email'], required: true }], naturalKeys: [[['org_id'], ['email']]] },
      { name: 'Ticket', tables: ['tickets'], tenantScoped: true, fields: [{ names: ['status'], required: true }], naturalKeys: [] },
      { name: 'Currency', tables: ['currencies'], tenantScoped: false, fields: [], naturalKeys: [[['code']]] },
    ],
    relationships: [{ from: ['tickets'], to: ['customers'], fk: ['customer_id'], kind: 'many-to-one', required: true, onDelete: ['Restrict', 'NoAction'] }],
    manyToMany: [],
    queryPatterns: [
      { table: ['tickets'], columns: [['status'], ['priority']], note: 'queue' },
      { table: ['tickets'], columns: [['customer_id']], sortOrRange: [['created_at']], note: 'history' },
    ],
    partialIndexes: [{ table: ['customers'], columns: [['org_id'], ['email']], unique: true, wherePredicateMentions: ['deleted_at'] }],
    referenceData: [{ tables: ['currencies'], minRows: 2, global: true, keyColumn: ['code'], mustInclude: ['usd', 'eur'] }],
  },
  'x.gold.json',
);

describe('scoring an applied schema', () => {
  it('reads policies, predicates, expression keys and composite FKs as the rules expect', async () => {
    const catalog: Catalog = await withThrowawayDatabase({ url: serverUrl }, async (db) => {
      await db.exec(SQL);
      return readCatalog(db);
    });
    const scores = scoreSchema(catalog, gold, { referenceValues: { currencies: { code: ['USD', 'EUR'] } }, setting: 'app.current_org_id' });
    const m = scores.metrics;
    expect(settingsInPolicies(catalog)).toEqual(['app.current_org_id']);
    expect([m.entityRecall.score, m.entityPrecision.score, m.fieldRecall.score, m.nullability.score]).toEqual([1, 1, 1, 1]);
    expect([m.relationshipRecall.score, m.fkNullability.score, m.onDelete.score]).toEqual([1, 1, 1]);
    expect(m.naturalKeyRecall.misses).toEqual([]);
    expect(m.queryPatterns.score).toBe(1);
    expect(m.partialIndexRecall.score).toBe(1);
    expect(m.referenceDataRecall.score).toBe(1);
    expect(m.tenantCoverage.score).toBe(1);
    expect(m.rlsCoverage.score).toBe(1);
    expect(m.rlsForced.score).toBe(1);
    // The (org_id, customer_id) FK is served by (org_id, customer_id, created_at); org_id FKs by the org_id-led indexes.
    expect(m.fkIndexCoverage.misses).toEqual([]);
    expect(scores.diagnostics.globalLeakage.hit).toBe(0);
  });
});
