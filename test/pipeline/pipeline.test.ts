/**
 * The pipeline end to end (issue 2): inputs of every kind become a Prisma project that Prisma accepts, that
 * applies on PostgreSQL 15 and PGlite, whose tenant isolation holds under attack, whose FKs all lead an index
 * and whose next Prisma diff is empty. The catalog checks here re-read the database independently of the
 * validator.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../src/graph/run.ts';
import type { PipelineInput } from '../../src/graph/state.ts';
import { withThrowawayDatabase } from '../../src/tools/database/open.ts';
import { readCatalog } from '../../src/tools/database/read-catalog.ts';
import type { Catalog } from '../../src/tools/database/catalog.ts';
import { migrationsOf, SEED_SQL_PATH } from '../../src/tools/artifacts/build-artifacts.ts';
import { syntheticModel } from '../../bench/synthetic.ts';
import { serverUrl } from '../support.ts';

const shared = (file: string) => readFileSync(new URL(`../../../shared/evals/${file}`, import.meta.url), 'utf8');
const inputs: Array<[string, () => PipelineInput]> = [
  ['structured-input.json', () => ({ kind: 'model', json: JSON.parse(shared('structured-input.json')) })],
  ['project-management.md', () => ({ kind: 'prd', text: shared('project-management.md'), name: 'tracklane' })],
  ['helpdesk.md', () => ({ kind: 'prd', text: shared('helpdesk.md'), name: 'helpdesk' })],
  ['blog-cms.md', () => ({ kind: 'prd', text: shared('blog-cms.md'), name: 'inkpost' })],
  ['a generated 30-entity model', () => ({ kind: 'model', json: syntheticModel(30) })],
];
const engines: Array<[string, string | undefined]> = [['PGlite', undefined], ...(serverUrl ? [['PostgreSQL server', serverUrl] as [string, string]] : [])];

/** FK constraints whose columns are not the leading columns (any order) of a non-partial index. */
function unindexedForeignKeys(catalog: Catalog): string[] {
  return catalog.tables.flatMap((t) =>
    t.foreignKeys
      .filter((fk) => !t.indexes.some((ix) => ix.predicate === null && fk.columns.every((c) => ix.columns.slice(0, fk.columns.length).includes(c))))
      .map((fk) => `${t.name}(${fk.columns.join(', ')})`),
  );
}

describe.each(engines)('pipeline on %s', (_engine, databaseUrl) => {
  it.each(inputs)('%s becomes a valid, isolated, indexed project without drift', async (_name, input) => {
    const result: PipelineResult = await runPipeline(input(), { databaseUrl });
    const v = result.report.validation!;
    expect(result.report.findings.filter((f) => f.level === 'error')).toEqual([]);
    expect(v.prisma.ok).toBe(true);
    expect(v.migrationApplies.ok).toBe(true);
    expect(v.seedApplies.ok).toBe(true);
    expect(v.drift.ok).toBe(true);
    expect(v.isolation!.tables.length).toBe(result.report.counts.tenantTables);
    expect(v.isolation!.tables.filter((t) => !t.passed)).toEqual([]);
    expect(result.valid).toBe(true);

    // Independent re-check: apply what was written and read the catalog ourselves.
    await withThrowawayDatabase({ url: databaseUrl }, async (db) => {
      for (const m of migrationsOf(result.artifacts)) await db.exec(m.sql);
      await db.exec(result.artifacts[SEED_SQL_PATH]!);
      const catalog = await readCatalog(db);
      expect(unindexedForeignKeys(catalog)).toEqual([]);
      const tenantTables = catalog.tables.filter((t) => t.columns.some((c) => c.name === 'org_id'));
      expect(tenantTables.length).toBe(result.report.counts.tenantTables);
      for (const t of tenantTables) expect([t.name, t.rlsEnabled, t.rlsForced, t.policies.length]).toEqual([t.name, true, true, 1]);
      for (const t of catalog.tables) for (const c of t.columns) expect(c.type, `${t.name}.${c.name}`).not.toBe('timestamp(3) without time zone');
    });
  });
});
