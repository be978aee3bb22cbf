/**
 * The drift proof reads the database the validator applied the migrations to. It must still find what a replay
 * into a shadow database found: an index the schema declares and the migration lacks, on both engines.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { validateArtifacts } from '../../src/tools/validate/run-validation.ts';
import { engines } from '../database/engines.ts';
import { buildSample, type Sample } from './sample.ts';

let sample: Sample;
beforeAll(async () => {
  sample = await buildSample();
});

describe.each(engines)('drift proof on $name', ({ url, skip }) => {
  it.skipIf(skip)('is empty for our own migration', async () => {
    const outcome = await validateArtifacts(sample.model, sample.artifacts, { databaseUrl: url });
    expect(outcome.drift).toMatchObject({ ok: true });
    expect(outcome.findings.filter((f) => f.ruleId === 'migration-drift')).toEqual([]);
  });

  it.skipIf(skip)('finds an index the schema declares and the migration does not create', async () => {
    const path = `prisma/migrations/${sample.migrations[0]!.name}/migration.sql`;
    const sql = sample.artifacts[path]!;
    const dropped = /^CREATE INDEX "([^"]+)"[^\n]*\n/m.exec(sql)!;
    const outcome = await validateArtifacts(sample.model, { ...sample.artifacts, [path]: sql.replace(dropped[0], '') }, { databaseUrl: url });
    expect(outcome.migrationApplies).toMatchObject({ ok: true });
    expect(outcome.drift.ok).toBe(false);
    expect(outcome.drift.nextMigration).toContain(`CREATE INDEX "${dropped[1]}"`);
    expect(outcome.findings.some((f) => f.ruleId === 'migration-drift' && f.level === 'error')).toBe(true);
  });
});
