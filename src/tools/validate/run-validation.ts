/**
 * One validation round. The steps gather evidence: Prisma's validator, the migration and seed applied to a
 * throwaway database, the drift proof (Prisma's engine reads that database's schema right after the migrations:
 * first on PGlite, on a connection of its own beside the next steps on a server), the catalog read back, index
 * coverage proven with EXPLAIN and tenant isolation probed (both as the application: a role switch on PGlite, a
 * real LOGIN role on a server), and squawk's review of the migration. The rules (rules/index.ts) then judge the
 * model, the catalog and that evidence. The database is always dropped, whatever fails.
 */
import type { DataModel, Index } from '../../model/index.ts';
import { validatePrismaSchema } from '../prisma/validate-schema.ts';
import { databaseMigrationSql, isEmptyMigration } from '../prisma/schema-engine.ts';
import { buildArtifacts, migrationsOf, SCHEMA_PATH, SEED_SQL_PATH, type Artifacts } from '../artifacts/build-artifacts.ts';
import type { PatternCoverage } from '../artifacts/schema-doc.ts';
import { servesPattern } from '../indexes/index-shape.ts';
import { indexNames } from '../prisma/names.ts';
import { applyScript } from '../database/apply-script.ts';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import type { ThrowawayDatabase } from '../database/database.ts';
import { withThrowawayDatabase } from '../database/open.ts';
import type { ServerDatabase } from '../database/postgres.ts';
import { readCatalog } from '../database/read-catalog.ts';
import { serverConnector, withAppSession, type ConnectAs } from './app-session.ts';
import { proveCoverage } from './coverage/explain-coverage.ts';
import { probeIsolation } from './isolation.ts';
import { rootTable } from './rules/scope.ts';
import { runRules } from './rules/index.ts';
import { readSchemaObjects } from './schema-objects.ts';
import { reviewMigrations } from './squawk.ts';
import type { StepResult, ValidationOutcome, ValidationTimings } from './outcome.ts';

export interface ValidationOptions {
  /** Validate on this PostgreSQL server (strict mode: the application is a real LOGIN role); absent: PGlite. */
  databaseUrl?: string;
}

const NOT_RUN: StepResult = { ok: false, ms: 0 };

const NO_TIMINGS: ValidationTimings = { prisma: 0, open: 0, apply: 0, seed: 0, drift: 0, catalog: 0, explain: 0, probes: 0, close: 0, squawk: 0, rules: 0, total: 0 };

export async function validateArtifacts(model: DataModel, artifacts: Artifacts, options: ValidationOptions = {}): Promise<ValidationOutcome> {
  const begun = performance.now();
  const schema = artifacts[SCHEMA_PATH];
  const migrations = migrationsOf(artifacts);
  const outcome: ValidationOutcome = {
    engine: options.databaseUrl ? 'postgres' : 'pglite',
    appSession: options.databaseUrl ? 'login-role' : 'set-role',
    prisma: { ...NOT_RUN, diagnostics: [] },
    emission: { ok: true, ms: 0 },
    migrationApplies: NOT_RUN,
    seedApplies: NOT_RUN,
    isolation: null,
    drift: NOT_RUN,
    coverage: [],
    coverageSummary: null,
    squawk: null,
    rules: { checked: [], skipped: [] },
    catalog: null,
    schemaObjects: null,
    findings: [],
    timings: { ...NO_TIMINGS },
  };
  const timings = outcome.timings;

  if (schema === undefined || migrations.length === 0) {
    outcome.emission = { ok: false, ms: 0, error: await emissionError(model) };
  } else {
    const started = performance.now();
    const checked = validatePrismaSchema(schema);
    outcome.prisma = { ok: checked.valid, ms: elapsed(started), diagnostics: checked.diagnostics };
    // squawk needs no database: it runs beside the database steps.
    const squawk = reviewMigrations(migrations);
    const opening = performance.now();
    let closing = opening;
    await withThrowawayDatabase({ url: options.databaseUrl }, async (db) => {
      timings.open = elapsed(opening);
      await onDatabase(db, model, artifacts, schema, outcome, options);
      closing = performance.now();
    });
    timings.close = elapsed(closing);
    outcome.squawk = await squawk;
    timings.squawk = outcome.squawk.ms;
  }
  if (outcome.coverage.length === 0) outcome.coverage = modelCoverage(model);

  const judging = performance.now();
  const run = runRules({
    model,
    catalog: outcome.catalog ?? undefined,
    objects: outcome.schemaObjects ?? undefined,
    migrations,
    evidence: outcome,
  });
  outcome.findings = run.findings;
  outcome.rules = { checked: run.checked, skipped: run.skipped };
  Object.assign(timings, {
    prisma: outcome.prisma.ms, apply: outcome.migrationApplies.ms, seed: outcome.seedApplies.ms, drift: outcome.drift.ms,
    explain: outcome.coverageSummary?.ms ?? 0, probes: outcome.isolation?.ms ?? 0, rules: elapsed(judging), total: elapsed(begun),
  });
  return outcome;
}

async function onDatabase(db: ThrowawayDatabase, model: DataModel, artifacts: Artifacts, schema: string, outcome: ValidationOutcome, options: ValidationOptions): Promise<void> {
  outcome.migrationApplies = await step(async () => {
    for (const m of migrationsOf(artifacts)) await applyScript(db, m.sql, `prisma/migrations/${m.name}/migration.sql`);
  });
  if (!outcome.migrationApplies.ok) return;
  // On a server the drift proof reads the database on a connection of its own, beside the steps below: they
  // add rows, statistics, roles and grants, none of which Prisma's diff reads. PGlite has one connection.
  // A second connection that cannot be had only costs the overlap: the proof then runs first, on this one.
  let drift: Promise<ValidationOutcome['drift']> | undefined;
  if (outcome.prisma.ok) {
    const separate = await db.separatePrismaAdapter().catch(() => undefined);
    if (separate) drift = driftStep(separate.adapter, schema).finally(() => separate.close());
    else outcome.drift = await driftStep(await db.prismaAdapter(), schema);
  }
  try {
    await afterMigration(db, model, artifacts, outcome, options);
  } finally {
    if (drift) outcome.drift = await drift;
  }
}

async function afterMigration(db: ThrowawayDatabase, model: DataModel, artifacts: Artifacts, outcome: ValidationOutcome, options: ValidationOptions): Promise<void> {
  outcome.seedApplies = await step(() => db.exec(artifacts[SEED_SQL_PATH] ?? ''));

  const reading = performance.now();
  const catalog = await readCatalog(db);
  outcome.catalog = catalog;
  outcome.schemaObjects = await readSchemaObjects(db, catalog);
  outcome.timings.catalog = elapsed(reading);
  const connect = strictConnector(db, options);

  // Coverage first: the isolation probe commits rows in strict mode, and the proof is about empty tables.
  const proof = await withAppSession(db, { appRole: model.tenancy.appRole, connect }, (session) => proveCoverage(db, session, model, catalog))
    .catch((error: unknown) => ({ coverage: [], summary: { method: '', indexed: 0, partial: 0, unindexed: 0, ms: 0, error: message(error) } }));
  outcome.coverage = proof.coverage;
  outcome.coverageSummary = proof.summary;

  outcome.isolation = await probeIsolation(db, {
    tenantColumn: model.tenancy.column, setting: model.tenancy.setting, rootTable: rootTable(model),
    appRole: model.tenancy.appRole, catalog, connect,
  });
}

/** Strict mode: a server database can be logged into as another role; PGlite cannot. */
function strictConnector(db: ThrowawayDatabase, options: ValidationOptions): ConnectAs | undefined {
  return options.databaseUrl && db.engine === 'postgres' ? serverConnector(options.databaseUrl, (db as ServerDatabase).name) : undefined;
}

/**
 * Prisma's introspection joins pg_constraint to every index column with no usable index on conindid; on a
 * fresh catalog PGlite's planner estimates two rows and loops over all constraints for each column (7.4 M rows
 * compared at 200 entities, 0.6 s). Hash joins answer the same queries in linear time, so nested loops are
 * off for the engine's session: only plans change, never what the queries return.
 */
async function driftStep(adapter: SqlDriverAdapter, schema: string): Promise<ValidationOutcome['drift']> {
  const started = performance.now();
  try {
    await adapter.executeRaw({ sql: 'SET enable_nestloop = off', args: [], argTypes: [] });
    const next = await databaseMigrationSql(adapter, schema);
    return isEmptyMigration(next) ? { ok: true, ms: elapsed(started) } : { ok: false, ms: elapsed(started), nextMigration: next };
  } catch (error) {
    return { ok: false, ms: elapsed(started), error: message(error) };
  } finally {
    await adapter.executeRaw({ sql: 'RESET enable_nestloop', args: [], argTypes: [] }).catch(() => undefined);
  }
}

/**
 * The migration node leaves no migration when the model cannot be emitted; emission is deterministic, so
 * repeating it here yields the emitter's own message for the report.
 */
async function emissionError(model: DataModel): Promise<string> {
  try {
    await buildArtifacts(model, '00000000000000');
    return 'the migration node produced no migration';
  } catch (error) {
    return message(error);
  }
}

/** Without a database to EXPLAIN on, the patterns are judged on the model's indexes (proof: model). */
function modelCoverage(model: DataModel): PatternCoverage[] {
  let names = new Map<Index, string>();
  try {
    names = indexNames(model);
  } catch {
    // A model the emitter refuses may also have unnameable indexes; the pattern is judged all the same.
  }
  return model.queryPatterns.map((pattern) => {
    const index = model.indexes.find((ix) => ix.entity === pattern.entity && servesPattern(ix, pattern, model.tenancy.field));
    const table = model.entities.find((e) => e.name === pattern.entity)?.table ?? pattern.entity;
    return {
      kind: 'query-pattern', entity: pattern.entity, table, description: pattern.description, query: null,
      status: index ? 'indexed' : 'unindexed', indexed: !!index, index: index ? (names.get(index) ?? null) : null,
      plan: null, rlsFiltered: [], proof: 'model',
    };
  });
}

async function step(fn: () => Promise<void>): Promise<StepResult> {
  const started = performance.now();
  try {
    await fn();
    return { ok: true, ms: elapsed(started) };
  } catch (error) {
    return { ok: false, ms: elapsed(started), error: message(error) };
  }
}

function elapsed(since: number): number {
  return Math.round(performance.now() - since);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
