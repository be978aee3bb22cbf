/**
 * The validator's test subject: our own output for shared/evals/structured-input.json (the model after every
 * pass, and its migration), applied into one schema per variant of a shared database, so that each rule is
 * tested against the real thing with exactly one fault added.
 */
import { readFileSync } from 'node:fs';
import { DataModel } from '../../src/model/index.ts';
import { extractFromStructured } from '../../src/tools/extract/structured/convert.ts';
import { resolveRelationships } from '../../src/tools/relationships/index.ts';
import { planIndexes } from '../../src/tools/indexes/plan-indexes.ts';
import { applyTenancy } from '../../src/tools/tenancy/apply-tenancy.ts';
import { buildArtifacts, migrationsOf, SEED_SQL_PATH, type Artifacts } from '../../src/tools/artifacts/build-artifacts.ts';
import type { Catalog } from '../../src/tools/database/catalog.ts';
import type { Database } from '../../src/tools/database/database.ts';
import { readCatalog } from '../../src/tools/database/read-catalog.ts';
import { readSchemaObjects, type SchemaObjects } from '../../src/tools/validate/schema-objects.ts';

export const SAMPLE_INPUT: unknown = JSON.parse(readFileSync(new URL('../../../shared/evals/structured-input.json', import.meta.url), 'utf8'));

export function sampleModel(): DataModel {
  return DataModel.parse(applyTenancy(planIndexes(resolveRelationships(extractFromStructured(SAMPLE_INPUT).model))));
}

export interface Sample {
  model: DataModel;
  artifacts: Artifacts;
  migrations: Array<{ name: string; sql: string }>;
}

export async function buildSample(model: DataModel = sampleModel()): Promise<Sample> {
  const artifacts = await buildArtifacts(model, '20260101000000');
  return { model, artifacts, migrations: migrationsOf(artifacts) };
}

export interface Applied {
  catalog: Catalog;
  objects: SchemaObjects;
}

/** Applies `migration` (then the seed, then `fault`) into a new schema `name` and reads it back. */
export async function applyVariant(db: Database, sample: Sample, name: string, fault = '', migration = sample.migrations[0]!.sql): Promise<Applied> {
  await db.exec(`CREATE SCHEMA ${name}; SET search_path TO ${name}`);
  await db.exec(migration);
  await db.exec(sample.artifacts[SEED_SQL_PATH] ?? '');
  if (fault) await db.exec(fault);
  await db.exec('SET search_path TO public');
  const catalog = await readCatalog(db, name);
  return { catalog, objects: await readSchemaObjects(db, catalog, name) };
}
