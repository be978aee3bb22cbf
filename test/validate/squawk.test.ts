/** squawk reviews the migration from its npm-installed binary, configured for an initial migration in a transaction. */
import { realpathSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { INITIAL_MIGRATION_CONFIG, LATER_MIGRATION_CONFIG, reviewMigrations, squawkBinary } from '../../src/tools/validate/squawk.ts';
import { buildSample, type Sample } from './sample.ts';

let sample: Sample;
beforeAll(async () => {
  sample = await buildSample();
});

describe('squawk', () => {
  it('runs the binary of the platform optionalDependency, not a download', () => {
    expect(realpathSync(squawkBinary())).toMatch(/node_modules\/@squawk-cli\/[a-z0-9]+-[a-z0-9]+\/bin\/squawk(\.exe)?$/);
  });

  it('reviews our migration: no transaction or timeout noise, only advice on business integers and stated lengths', async () => {
    const report = await reviewMigrations(sample.migrations);
    expect(report.error).toBeUndefined();
    expect(report.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(report.runs).toEqual([{ migrations: [sample.migrations[0]!.name], config: INITIAL_MIGRATION_CONFIG }]);
    const rules = new Set(report.violations.map((v) => v.rule));
    expect([...rules].sort()).toEqual(['prefer-bigint-over-int', 'prefer-text-field']);
    expect(report.violations[0]!.file).toBe(`prisma/migrations/${sample.migrations[0]!.name}/migration.sql`);
  });

  it('flags what an initial migration must not contain, with the line', async () => {
    const sql = [
      'CREATE TABLE "events" ("id" UUID NOT NULL, "at" TIMESTAMP(3) NOT NULL, CONSTRAINT "events_pkey" PRIMARY KEY ("id"));',
      `CREATE INDEX "${'e'.repeat(70)}" ON "events" ("at");`,
      'ALTER TABLE "events" DROP COLUMN "at";',
    ].join('\n');
    const report = await reviewMigrations([{ name: '1_init', sql }]);
    expect(report.violations.map((v) => [v.rule, v.line])).toEqual(expect.arrayContaining([
      ['prefer-timestamp-tz', 0], ['identifier-too-long', 1], ['ban-drop-column', 2],
    ]));
  });

  it('reviews a later migration as a change to tables in use: nothing excluded', async () => {
    const report = await reviewMigrations([
      { name: '1_init', sql: 'CREATE TABLE "events" ("id" UUID NOT NULL, CONSTRAINT "events_pkey" PRIMARY KEY ("id"));\nCREATE INDEX "events_id_idx" ON "events" ("id");' },
      { name: '2_update', sql: 'CREATE INDEX "events_id2_idx" ON "events" ("id");' },
    ]);
    expect(report.runs).toEqual([
      { migrations: ['1_init'], config: INITIAL_MIGRATION_CONFIG },
      { migrations: ['2_update'], config: LATER_MIGRATION_CONFIG },
    ]);
    const rulesOf = (name: string) => report.violations.filter((v) => v.file.includes(name)).map((v) => v.rule).sort();
    expect(rulesOf('1_init')).toEqual([]);
    expect(rulesOf('2_update')).toEqual(expect.arrayContaining(['require-concurrent-index-creation', 'require-lock-timeout']));
  });

  it('reports a syntax error', async () => {
    const report = await reviewMigrations([{ name: '1_init', sql: 'CREAT TABLE x (id int);' }]);
    expect(report.violations.some((v) => v.rule === 'syntax-error')).toBe(true);
    expect(report.ok).toBe(false);
  });
});
