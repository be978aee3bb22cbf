/**
 * One engine's measurements, in a process of its own (bench/run.ts starts one per engine, so that each reports
 * its own peak RSS). Every size is measured `repeat` times after a warm-up and the median of each number kept:
 * - the pure passes, timed by calling the same functions the nodes call;
 * - the floor: the same migration SQL applied alone (applyScript, as the validator applies it) on a fresh database of the same engine;
 * - the whole pipeline, warm, with the validator's own step timings (report.validation.timings).
 * Each repetition renames the product, so no cache answers it from an earlier repetition.
 */
import { DataModel } from '../src/model/index.ts';
import { extractFromStructured } from '../src/tools/extract/structured/convert.ts';
import { extractFromMarkdown } from '../src/tools/extract/markdown/index.ts';
import { resolveRelationships } from '../src/tools/relationships/index.ts';
import { planIndexes } from '../src/tools/indexes/plan-indexes.ts';
import { applyTenancy } from '../src/tools/tenancy/apply-tenancy.ts';
import { emitPrismaSchema } from '../src/tools/prisma/emit-schema.ts';
import { validatePrismaSchema } from '../src/tools/prisma/validate-schema.ts';
import { initialMigrationSql } from '../src/tools/prisma/schema-engine.ts';
import { assembleMigration } from '../src/tools/migration/assemble.ts';
import { applyScript } from '../src/tools/database/apply-script.ts';
import { withThrowawayDatabase } from '../src/tools/database/open.ts';
import { pgliteHeapPeakBytes } from '../src/tools/database/pglite.ts';
import { keepServerDatabasesWarm, settleServerDatabases } from '../src/tools/database/postgres.ts';
import type { ValidationTimings } from '../src/tools/validate/outcome.ts';
import { runPipeline } from '../src/graph/run.ts';
import { syntheticModel, syntheticPrd } from './synthetic.ts';

export const PASS_STAGES = ['extract', 'relationships', 'indexes', 'tenancy', 'emit', 'prismaValidate', 'engineDiff'] as const;
export const VALIDATION_STAGES = ['open', 'apply', 'seed', 'drift', 'catalog', 'explain', 'probes', 'close', 'squawk', 'rules'] as const;
export type Engine = 'pglite' | 'postgres';

export interface Row {
  engine: Engine;
  entities: number;
  tables: number;
  repeat: number;
  /** The pure passes, timed alone (ms, median). */
  passes: Record<(typeof PASS_STAGES)[number], number>;
  /** The validator's steps inside the pipeline run (ms, median). */
  validation: Record<(typeof VALIDATION_STAGES)[number], number>;
  /** The migration SQL applied alone on a fresh database of the same engine (exec only, ms, median); null when it fails. */
  floorMs: number | null;
  /** Why the migration did not apply alone (then the pipeline reports it too). */
  floorError?: string;
  /** The validate node of the pipeline run (ms, median). */
  validateMs: number;
  /** The whole pipeline, input to report (ms, median). */
  pipelineMs: number;
  markdownExtractMs: number;
  migrationBytes: number;
  valid: boolean;
  /** Process RSS right after this size (MB): with the peak, shows whether memory is held between runs. */
  rssAfterMb: number;
}

export interface EngineResult {
  engine: Engine;
  coldStartMs: number;
  rows: Row[];
  peakRssMb: number;
  /** The largest WebAssembly memory of one PGlite database (MB); 0 on the server. */
  pgliteHeapPeakMb: number;
}

let peakRss = process.memoryUsage().rss;
const mb = (bytes: number) => Math.round(bytes / 1048576);

export async function measureEngine(engine: Engine, url: string | undefined, sizes: number[], repeat: number, log: (line: string) => void): Promise<EngineResult> {
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  // As the HTTP service's workers do: throwaway databases created ahead and dropped after the run.
  if (url) keepServerDatabasesWarm(url);
  try {
    // Cold start: the schema engine's WASM, the PGlite template (initdb), Prisma's validator; reported apart.
    const [, coldStartMs] = await timed(() => runPipeline({ kind: 'model', json: syntheticModel(10, 'cold') }, { databaseUrl: url }));
    log(`${engine}: cold start ${Math.round(coldStartMs)} ms`);
    const rows: Row[] = [];
    for (const n of sizes) {
      const samples: Row[] = [];
      for (let r = 0; r < repeat; r++) samples.push(await measureOnce(engine, url, n, `r${r}`));
      const row = median(samples);
      row.rssAfterMb = mb(process.memoryUsage().rss);
      rows.push(row);
      log(`  ${engine} ${n} entities: pipeline ${row.pipelineMs} ms, validate ${row.validateMs} ms, floor ${row.floorMs ?? `failed (${row.floorError})`} ms, ${row.valid ? 'valid' : 'NOT VALID'}`);
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { engine, coldStartMs: Math.round(coldStartMs), rows, peakRssMb: mb(peakRss), pgliteHeapPeakMb: mb(pgliteHeapPeakBytes()) };
  } finally {
    clearInterval(sampler);
    await settleServerDatabases();
  }
}

async function measureOnce(engine: Engine, url: string | undefined, n: number, variant: string): Promise<Row> {
  const json = syntheticModel(n, variant);
  const passes = {} as Row['passes'];
  const [{ model: extracted }, extractMs] = await timed(() => extractFromStructured(json));
  passes.extract = extractMs;
  const [, markdownExtractMs] = await timed(() => extractFromMarkdown(syntheticPrd(n)));
  const [related, relMs] = await timed(() => DataModel.parse(resolveRelationships(extracted)));
  passes.relationships = relMs;
  const [indexed, ixMs] = await timed(() => DataModel.parse(planIndexes(related)));
  passes.indexes = ixMs;
  const [model, tenMs] = await timed(() => DataModel.parse(applyTenancy(indexed)));
  passes.tenancy = tenMs;
  const [schema, emitMs] = await timed(() => emitPrismaSchema(model));
  passes.emit = emitMs;
  [, passes.prismaValidate] = await timed(() => validatePrismaSchema(schema));
  const [prismaSql, diffMs] = await timed(() => initialMigrationSql(schema));
  passes.engineDiff = diffMs;
  const { migrationSql } = assembleMigration(model, prismaSql);
  let floorMs: number | null = null;
  let floorError: string | undefined;
  try {
    // The way the validator applies it (one round trip, or several transactions when it is very large).
    floorMs = await withThrowawayDatabase({ url }, async (db) => (await timed(() => applyScript(db, migrationSql)))[1]);
  } catch (error) {
    floorError = error instanceof Error ? error.message : String(error);
  }

  // Another variant than the passes used, so that the pipeline's Prisma check is not answered from their cache.
  const [result, pipelineMs] = await timed(() => runPipeline({ kind: 'model', json: syntheticModel(n, `${variant}p`) }, { databaseUrl: url }));
  const timings: Partial<ValidationTimings> = result.report.validation?.timings ?? {};
  const validation = Object.fromEntries(VALIDATION_STAGES.map((stage) => [stage, timings[stage] ?? 0])) as Row['validation'];
  const validateMs = result.report.timings.filter((t) => t.node === 'validate').reduce((sum, t) => sum + t.ms, 0);
  return {
    engine, entities: n, tables: model.entities.length, repeat: 1, passes, validation, floorMs, ...(floorError ? { floorError } : {}), validateMs, pipelineMs,
    markdownExtractMs, migrationBytes: Buffer.byteLength(migrationSql), valid: result.valid, rssAfterMb: 0,
  };
}

/** The median of every number across the samples (each column on its own). */
function median(samples: Row[]): Row {
  const mid = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const m = sorted.length >> 1;
    return Math.round(sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2);
  };
  const of = <K extends string>(pick: (s: Row) => Record<K, number>): Record<K, number> =>
    Object.fromEntries(Object.keys(pick(samples[0]!)).map((k) => [k, mid(samples.map((s) => pick(s)[k as K]))])) as Record<K, number>;
  const first = samples[0]!;
  return {
    ...first,
    repeat: samples.length,
    passes: of((s) => s.passes),
    validation: of((s) => s.validation),
    floorMs: samples.every((s) => s.floorMs !== null) ? mid(samples.map((s) => s.floorMs!)) : null,
    validateMs: mid(samples.map((s) => s.validateMs)),
    pipelineMs: mid(samples.map((s) => s.pipelineMs)),
    markdownExtractMs: mid(samples.map((s) => s.markdownExtractMs)),
    valid: samples.every((s) => s.valid),
  };
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}
