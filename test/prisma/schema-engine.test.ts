import { afterAll, describe, expect, it } from 'vitest';
import { emitPrismaSchema } from '../../src/tools/prisma/emit-schema.ts';
import { closeSchemaEngine, initialMigrationSql, isEmptyMigration, nextMigrationSql } from '../../src/tools/prisma/schema-engine.ts';
import { DataModel } from '../../src/model/index.ts';
import { finalModel } from '../fixtures/final-model.ts';

const schema = emitPrismaSchema(finalModel());

afterAll(closeSchemaEngine);

describe('schema engine (WASM, offline)', () => {
  it('writes the initial migration without any database', async () => {
    const started = performance.now();
    const sql = await initialMigrationSql(schema);
    console.info(`initialMigrationSql (incl. first WASM load): ${Math.round(performance.now() - started)} ms`);
    expect(sql).toMatch(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";/);
    expect(sql).toContain('CREATE TABLE "task_labels"');
    expect(sql).toContain('CREATE UNIQUE INDEX "projects_org_id_key_key" ON "projects"("org_id", "key") WHERE ("deleted_at" IS NULL);');
    expect(sql).toContain('"created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP');
    expect(sql).not.toMatch(/TIMESTAMP\(3\)/);
  });

  it('is deterministic', async () => {
    const started = performance.now();
    const [a, b] = await Promise.all([initialMigrationSql(schema), initialMigrationSql(schema)]);
    console.info(`2 concurrent initialMigrationSql (WASM loaded): ${Math.round(performance.now() - started)} ms`);
    expect(a).toBe(b);
  });

  it('finds no drift between a schema and its own initial migration, and finds a removed index', async () => {
    const init = await initialMigrationSql(schema);
    let started = performance.now();
    const next = await nextMigrationSql([{ name: '0001_init', sql: init }], schema);
    console.info(`nextMigrationSql (cold shadow PGlite): ${Math.round(performance.now() - started)} ms`);
    expect(next.trim()).toBe('-- This is an empty migration.');
    expect(isEmptyMigration(next)).toBe(true);

    const withoutIndex = schema.replace(/\n\s*@@index\(\[orgId, assigneeId, status\][^\n]*/, '');
    expect(withoutIndex).not.toBe(schema);
    started = performance.now();
    const drift = await nextMigrationSql([{ name: '0001_init', sql: init }], withoutIndex);
    console.info(`nextMigrationSql (warm shadow PGlite): ${Math.round(performance.now() - started)} ms`);
    expect(isEmptyMigration(drift)).toBe(false);
    expect(drift).toContain('DROP INDEX "tasks_org_id_assignee_id_status_idx";');
  });

  it('round-trips every logical type, default and predicate form without drift', async () => {
    const field = (name: string, type: string, extra: object = {}) => ({ name, column: name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), type, required: true, ...extra });
    const model = DataModel.parse({
      entities: [
        { name: 'Organization', table: 'organizations', kind: 'tenant-root', fields: [field('id', 'uuid', { role: 'id' })] },
        { name: 'Sample', table: 'samples', kind: 'global', description: 'Every logical type.\nA second "line".', fields: [
          field('id', 'uuid', { role: 'id', default: { kind: 'uuid' } }),
          field('label', 'string', { maxLength: 40, default: { kind: 'value', value: `it's "x" \\ \n y` }, description: 'a label' }),
          field('body', 'text', { required: false }),
          field('count', 'integer', { default: { kind: 'value', value: -3 } }),
          field('big', 'bigint', { default: { kind: 'value', value: Number.MAX_SAFE_INTEGER } }),
          field('price', 'decimal', { precision: 10, scale: 2, default: { kind: 'value', value: 12.5 } }),
          field('ratio', 'float', { default: { kind: 'value', value: 0.25 } }),
          field('flag', 'boolean', { default: { kind: 'value', value: true } }),
          field('day', 'date', { default: { kind: 'now' } }),
          field('since', 'datetime', { default: { kind: 'value', value: '2024-01-02T03:04:05Z' } }),
          field('at', 'time', { required: false }),
          field('ref', 'uuid', { default: { kind: 'uuid' } }),
          field('fixedRef', 'uuid', { default: { kind: 'value', value: '6F9619FF-8B86-D011-B42D-00C04FC964FF' } }),
          field('meta', 'json', { default: { kind: 'value', value: '{"a": [1, "b"]}' } }),
          field('mood', 'enum', { enumName: 'Mood', enumValues: ['won t fix', 'ok', '2fa'], default: { kind: 'value', value: 'won t fix' } }),
        ] },
      ],
      indexes: [
        { entity: 'Sample', fields: ['label'], source: 'partial', why: 'eq on enum, boolean, integer, float',
          where: [{ field: 'mood', op: 'eq', value: 'won t fix' }, { field: 'flag', op: 'eq', value: true }, { field: 'count', op: 'eq', value: 2 }, { field: 'ratio', op: 'eq', value: 0.5 }] },
        { entity: 'Sample', fields: ['day', 'label'], unique: true, source: 'partial', why: 'eq on varchar and text, IS NOT NULL',
          where: [{ field: 'body', op: 'isNotNull' }, { field: 'label', op: 'eq', value: "a'b" }, { field: 'body', op: 'eq', value: "c'd" }] },
      ],
    });
    const text = emitPrismaSchema(model);
    const init = await initialMigrationSql(text);
    expect(init).toContain(`WHERE ("body" IS NOT NULL AND "label"::text = 'a''b' AND "body" = 'c''d')`);
    expect(await nextMigrationSql([{ name: '0001_init', sql: init }], text)).toBe('-- This is an empty migration.\n');
  });

  it('replays several migrations in order, on a shadow emptied between diffs', async () => {
    const init = await initialMigrationSql(schema);
    const extra = 'CREATE TABLE "scratch" ("id" integer PRIMARY KEY);';
    const withExtra = await nextMigrationSql([{ name: '0001_init', sql: init }, { name: '0002_scratch', sql: extra }], schema);
    expect(withExtra).toContain('DROP TABLE "scratch";');
    // The previous diff left "scratch" in the shadow; a stale shadow would report it again.
    expect(isEmptyMigration(await nextMigrationSql([{ name: '0001_init', sql: init }], schema))).toBe(true);
  });

  it("reports PostgreSQL's error when a migration fails to apply", async () => {
    await expect(nextMigrationSql([{ name: '0001_broken', sql: 'CREATE TABLE "t" ("id" nosuchtype);' }], schema)).rejects.toThrow(
      /0001_broken[\s\S]*type "nosuchtype" does not exist/,
    );
    // The failure leaves the shared shadow usable.
    const init = await initialMigrationSql(schema);
    expect(isEmptyMigration(await nextMigrationSql([{ name: '0001_init', sql: init }], schema))).toBe(true);
  });
});
