/**
 * npm run bench: cost of every stage for synthetic inputs of 10, 50, 200 and 500 entities, on PGlite and (when
 * BENCH_DATABASE_URL or DATABASE_URL is set) PostgreSQL; the ratio of validated time to the floor (applying the
 * same migration SQL alone on the same engine), the growth exponent from 50 to 500 entities, and peak RSS.
 * All ratios come from this one run. `--load` adds the HTTP load run (bench/load.ts).
 *   npm run bench -- [--sizes 10,50,200,500] [--json bench/results/latest.json] [--load] [--no-server]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { DataModel } from '../src/model/index.ts';
import { extractFromStructured } from '../src/tools/extract/structured/convert.ts';
import { extractFromMarkdown } from '../src/tools/extract/markdown/index.ts';
import { resolveRelationships } from '../src/tools/relationships/index.ts';
import { planIndexes } from '../src/tools/indexes/plan-indexes.ts';
import { applyTenancy } from '../src/tools/tenancy/apply-tenancy.ts';
import { emitPrismaSchema } from '../src/tools/prisma/emit-schema.ts';
import { validatePrismaSchema } from '../src/tools/prisma/validate-schema.ts';
import { initialMigrationSql, nextMigrationSql } from '../src/tools/prisma/schema-engine.ts';
import { emitTenancySql } from '../src/tools/migration/tenancy-sql.ts';
import { withThrowawayDatabase } from '../src/tools/database/open.ts';
import { readCatalog } from '../src/tools/database/read-catalog.ts';
import { probeIsolation } from '../src/tools/validate/isolation.ts';
import { runPipeline } from '../src/graph/run.ts';
import { syntheticModel, syntheticPrd } from './synthetic.ts';

const STAGES = ['extract', 'relationships', 'indexes', 'tenancy', 'emit', 'prismaValidate', 'engineDiff', 'apply', 'catalog', 'probes', 'drift'] as const;
type Stage = (typeof STAGES)[number];

interface Row {
  engine: 'pglite' | 'postgres';
  entities: number;
  tables: number;
  stages: Record<Stage, number>;
  /** Applying the migration SQL alone on a fresh database of the same engine. */
  floorMs: number;
  /** The whole pipeline (warm), validation included. */
  pipelineMs: number;
  validationMs: number;
  ratio: number;
  markdownExtractMs: number;
  valid: boolean;
}

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

async function measure(entities: number, url: string | undefined): Promise<Row> {
  const stages = {} as Record<Stage, number>;
  const json = syntheticModel(entities);
  const [{ model: extracted }, extractMs] = await timed(() => extractFromStructured(json));
  stages.extract = extractMs;
  const [, markdownExtractMs] = await timed(() => extractFromMarkdown(syntheticPrd(entities)));
  const [related, relMs] = await timed(() => DataModel.parse(resolveRelationships(extracted)));
  stages.relationships = relMs;
  const [indexed, ixMs] = await timed(() => DataModel.parse(planIndexes(related)));
  stages.indexes = ixMs;
  const [model, tenMs] = await timed(() => DataModel.parse(applyTenancy(indexed)));
  stages.tenancy = tenMs;
  const [schema, emitMs] = await timed(() => emitPrismaSchema(model));
  stages.emit = emitMs;
  [, stages.prismaValidate] = await timed(() => validatePrismaSchema(schema));
  const [prismaSql, diffMs] = await timed(() => initialMigrationSql(schema));
  stages.engineDiff = diffMs;
  const migrationSql = `${prismaSql}\n${emitTenancySql(model)}`;

  const [floorMs] = await withThrowawayDatabase({ url }, async (db) => (await timed(() => db.exec(migrationSql))).slice(1) as [number]);
  await withThrowawayDatabase({ url }, async (db) => {
    [, stages.apply] = await timed(() => db.exec(migrationSql));
    const [catalog, catalogMs] = await timed(() => readCatalog(db));
    stages.catalog = catalogMs;
    [, stages.probes] = await timed(() => probeIsolation(db, { tenantColumn: 'org_id', setting: model.tenancy.setting, rootTable: 'organizations', appRole: model.tenancy.appRole, catalog }));
  });
  [, stages.drift] = await timed(() => nextMigrationSql([{ name: '00000000000000_init', sql: migrationSql }], schema));

  const [result, pipelineMs] = await timed(() => runPipeline({ kind: 'model', json }, { databaseUrl: url }));
  const validationMs = result.report.timings.filter((t) => t.node === 'validate').reduce((sum, t) => sum + t.ms, 0);
  return {
    engine: url ? 'postgres' : 'pglite', entities, tables: model.entities.length, stages, floorMs, pipelineMs, validationMs,
    ratio: validationMs / floorMs, markdownExtractMs, valid: result.valid,
  };
}

function table(rows: Row[]): string {
  const head = ['engine', 'entities', 'tables', ...STAGES, 'floor', 'validate', 'pipeline', 'val/floor', 'md-extract', 'valid'];
  const body = rows.map((r) => [r.engine, r.entities, r.tables, ...STAGES.map((s) => Math.round(r.stages[s])), Math.round(r.floorMs), r.validationMs, Math.round(r.pipelineMs), r.ratio.toFixed(1), Math.round(r.markdownExtractMs), r.valid ? 'yes' : 'NO']);
  const widths = head.map((h, i) => Math.max(String(h).length, ...body.map((b) => String(b[i]).length)));
  const line = (cells: Array<string | number>) => cells.map((c, i) => String(c).padStart(widths[i]!)).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

/** Growth exponent k in t ∝ n^k between two sizes, from pipeline time. */
function growth(rows: Row[], engine: Row['engine'], from: number, to: number): number | null {
  const a = rows.find((r) => r.engine === engine && r.entities === from);
  const b = rows.find((r) => r.engine === engine && r.entities === to);
  return a && b ? Math.log(b.pipelineMs / a.pipelineMs) / Math.log(to / from) : null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10,50,200,500' }, json: { type: 'string', default: 'bench/results/latest.json' },
      load: { type: 'boolean', default: false }, 'no-server': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const server = values['no-server'] ? undefined : process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
  const engines: Array<string | undefined> = [undefined, ...(server ? [server] : [])];
  const rows: Row[] = [];
  for (const url of engines) {
    // Warm-up: engine load, PGlite template, first Prisma call. Cold start is reported apart.
    const [, coldMs] = await timed(() => runPipeline({ kind: 'model', json: syntheticModel(10) }, { databaseUrl: url }));
    console.error(`${url ? 'postgres' : 'pglite'}: cold start ${Math.round(coldMs)} ms`);
    for (const n of sizes) {
      console.error(`  ${n} entities…`);
      rows.push(await measure(n, url));
    }
  }
  clearInterval(sampler);
  console.log(table(rows));
  const summary = {
    growthPglite50to500: growth(rows, 'pglite', 50, 500),
    growthPostgres50to500: growth(rows, 'postgres', 50, 500),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
  };
  console.log(`\ngrowth exponent 50→500 (pipeline time): PGlite ${summary.growthPglite50to500?.toFixed(2) ?? 'n/a'}, PostgreSQL ${summary.growthPostgres50to500?.toFixed(2) ?? 'n/a'}`);
  console.log(`peak RSS: ${summary.peakRssMb} MB`);
  let load: unknown = null;
  if (values.load) {
    const { runLoad, formatReport } = await import('./load.ts');
    const report = await runLoad({ log: (l) => console.error(l) });
    console.log(`\n${formatReport(report)}`);
    load = report;
  }
  mkdirSync(dirname(values.json), { recursive: true });
  writeFileSync(values.json, JSON.stringify({ rows, summary, load }, null, 2));
  console.error(`wrote ${values.json}`);
  process.exit(0);
}

await main();
