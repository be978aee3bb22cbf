/**
 * One validation round: Prisma's validator, the migration and seed applied to a throwaway database, the
 * catalog rules, tenant-isolation probes, index coverage of the query patterns and the drift proof. The
 * database is always dropped, whatever fails.
 */
import type { DataModel, Finding } from '../../model/index.ts';
import { findEntity } from '../../model/index.ts';
import { validatePrismaSchema } from '../prisma/validate-schema.ts';
import { isEmptyMigration, nextMigrationSql } from '../prisma/schema-engine.ts';
import { migrationsOf, SCHEMA_PATH, SEED_SQL_PATH, type Artifacts } from '../artifacts/build-artifacts.ts';
import type { PatternCoverage } from '../artifacts/schema-doc.ts';
import { servesPattern } from '../indexes/index-shape.ts';
import { indexNames } from '../prisma/names.ts';
import { withThrowawayDatabase } from '../database/open.ts';
import { readCatalog } from '../database/read-catalog.ts';
import { probeIsolation } from './isolation.ts';
import { catalogFindings } from './catalog-checks.ts';
import { modelFindings } from './model-checks.ts';
import type { StepResult, ValidationOutcome } from './outcome.ts';

export interface ValidationOptions {
  databaseUrl?: string;
}

export async function validateArtifacts(model: DataModel, artifacts: Artifacts, options: ValidationOptions = {}): Promise<ValidationOutcome> {
  const findings: Finding[] = modelFindings(model);
  const schema = artifacts[SCHEMA_PATH] ?? '';
  const migrations = migrationsOf(artifacts);

  const prismaStart = performance.now();
  const checked = validatePrismaSchema(schema);
  const prisma = { ok: checked.valid, ms: elapsed(prismaStart), diagnostics: checked.diagnostics };
  for (const d of checked.diagnostics.filter((d) => d.level === 'error'))
    findings.push({ ruleId: 'prisma-invalid', level: 'error', category: 'migration', target: `schema.prisma${d.line ? `:${d.line}` : ''}`, message: d.message, fix: 'The emitter produced a schema Prisma rejects; this is a schemawright bug — please report it with the input.', owner: 'migration' });

  const outcome: ValidationOutcome = {
    engine: options.databaseUrl ? 'postgres' : 'pglite',
    prisma,
    migrationApplies: { ok: false, ms: 0 },
    seedApplies: { ok: false, ms: 0 },
    isolation: null,
    drift: { ok: false, ms: 0 },
    coverage: [],
    catalog: null,
    findings,
  };

  await withThrowawayDatabase({ url: options.databaseUrl }, async (db) => {
    outcome.migrationApplies = await step(async () => {
      for (const m of migrations) await db.exec(m.sql);
    });
    if (!outcome.migrationApplies.ok) {
      findings.push({ ruleId: 'migration-fails', level: 'error', category: 'migration', target: migrations.at(-1)?.name ?? 'migration.sql', message: `The migration does not apply: ${outcome.migrationApplies.error}`, fix: 'See the SQL error; the migration node owns the SQL.', owner: 'migration' });
      return;
    }
    outcome.seedApplies = await step(() => db.exec(artifacts[SEED_SQL_PATH] ?? ''));
    if (!outcome.seedApplies.ok)
      findings.push({ ruleId: 'seed-fails', level: 'error', category: 'migration', target: SEED_SQL_PATH, message: `The reference data does not load: ${outcome.seedApplies.error}`, fix: 'Give every NOT NULL column of the reference table a value in the rows.', owner: 'migration' });

    const catalog = await readCatalog(db);
    outcome.catalog = catalog;
    const tenantTables = new Set(model.entities.filter((e) => e.kind === 'tenant' || e.kind === 'junction').map((e) => e.table));
    findings.push(...catalogFindings(catalog, { tenantTables, tenantColumn: model.tenancy.column, setting: model.tenancy.setting, appRole: model.tenancy.appRole }));

    const root = findEntity(model, model.tenancy.rootEntity)?.table ?? 'organizations';
    outcome.isolation = await probeIsolation(db, { tenantColumn: model.tenancy.column, setting: model.tenancy.setting, rootTable: root, appRole: model.tenancy.appRole, catalog });
    findings.push(...isolationFindings(outcome.isolation));
  });

  outcome.coverage = patternCoverage(model);
  for (const c of outcome.coverage.filter((c) => !c.indexed))
    findings.push({ ruleId: 'query-pattern-unindexed', level: 'error', category: 'performance', target: findEntity(model, c.entity)?.table ?? c.entity, message: `No index serves "${c.description}"`, fix: 'Add an index led by the tenant key, then the equality columns, then range and sort columns.', owner: 'indexes' });

  if (prisma.ok && outcome.migrationApplies.ok) {
    const driftStart = performance.now();
    try {
      const next = await nextMigrationSql(migrations, schema);
      outcome.drift = isEmptyMigration(next) ? { ok: true, ms: elapsed(driftStart) } : { ok: false, ms: elapsed(driftStart), nextMigration: next };
      if (!outcome.drift.ok)
        findings.push({ ruleId: 'migration-drift', level: 'error', category: 'migration', target: 'schema.prisma', message: 'The next `prisma migrate dev` would change the database: the migration and the schema disagree.', fix: `Align them; Prisma would run:\n${next}`, owner: 'migration' });
    } catch (error) {
      outcome.drift = { ok: false, ms: elapsed(driftStart), error: message(error) };
    }
  }
  return outcome;
}

function isolationFindings(report: Awaited<ReturnType<typeof probeIsolation>>): Finding[] {
  const findings: Finding[] = [];
  for (const t of report.tables.filter((t) => t.status === 'failed'))
    findings.push({ ruleId: 'tenant-isolation-leak', level: 'error', category: 'security', target: t.table, message: `Tenant isolation fails on ${t.table}: ${t.error ?? JSON.stringify(t.checks)}`, fix: 'Enable and force RLS and give the table the tenant policy.', owner: 'tenancy' });
  // A table that refused its own rows leaves its children without parents: those are consequences, not causes.
  const failed = report.tables.some((t) => t.status === 'failed');
  for (const t of report.tables.filter((t) => t.status === 'not-probed'))
    findings.push({
      ruleId: 'isolation-unproven', level: failed ? 'warning' : 'error', category: 'security', target: t.table,
      message: `Tenant isolation of ${t.table} could not be tested: no row could be inserted (${t.error ?? 'unknown reason'})`,
      fix: failed ? 'Fix the tables that fail isolation first; this one depends on them.' : 'Rows must be insertable: look for a cycle of required references or a constraint no valid row can meet.',
      owner: 'relationships',
    });
  for (const leak of report.crossTenantReferences.filter((r) => r.status === 'leaked'))
    findings.push({ ruleId: 'cross-tenant-reference', level: 'error', category: 'security', target: `${leak.table}.${leak.columns.join(',')}`, message: `A row of one organization can reference a row of another through ${leak.table}(${leak.columns.join(', ')})`, fix: 'Make the foreign key composite: (org_id, x_id) → (org_id, id).', owner: 'relationships' });
  return findings;
}

function patternCoverage(model: DataModel): PatternCoverage[] {
  const names = indexNames(model);
  return model.queryPatterns.map((pattern) => {
    const index = model.indexes.find((ix) => ix.entity === pattern.entity && servesPattern(ix, pattern, model.tenancy.field));
    return { entity: pattern.entity, description: pattern.description, index: index ? (names.get(index) ?? null) : null, plan: null, indexed: !!index };
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
