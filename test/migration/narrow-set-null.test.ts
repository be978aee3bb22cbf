import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMigration, type BuiltMigration } from '../../src/tools/migration/assemble.ts';
import { narrowedForeignKeys, narrowSetNullForeignKeys } from '../../src/tools/migration/narrow-set-null.ts';
import { closeSchemaEngine, initialMigrationSql } from '../../src/tools/prisma/schema-engine.ts';
import { finalModel } from '../fixtures/final-model.ts';

afterAll(closeSchemaEngine);

describe('narrowSetNullForeignKeys', () => {
  const model = finalModel();
  let prismaDdl: string;
  let built: BuiltMigration;

  beforeAll(async () => {
    built = await buildMigration(model);
    prismaDdl = await initialMigrationSql(built.schema);
  });

  it("narrows each composite SetNull key inside Prisma's own ADD CONSTRAINT, under the schema's name", () => {
    const narrowed = [...built.prismaSql.matchAll(/ADD CONSTRAINT "([a-z_]+)" FOREIGN KEY \(([^)]*)\) REFERENCES "(\w+)"\(([^)]*)\) ON DELETE SET NULL \(([^)]*)\) ON UPDATE CASCADE;/g)];
    // createdBy on the five tenant tables, Project.lead and Task.assignee
    expect(narrowed).toHaveLength(7);
    expect(narrowed.map((m) => m[1]).sort()).toEqual(narrowedForeignKeys(model).map((fk) => fk.constraintName).sort());
    for (const [, name, columns, table, referenced, nulled] of narrowed) {
      expect(built.schema).toMatch(new RegExp(`onDelete: SetNull, onUpdate: Cascade, map: "${name}"\\)`));
      expect(table).toBe('users');
      expect(referenced).toBe('"org_id", "id"');
      expect(nulled).toBe(columns!.split(', ')[1]);
      // Created once: no DROP and re-ADD anywhere in the migration.
      expect(built.migrationSql.split(`ADD CONSTRAINT "${name}"`)).toHaveLength(2);
    }
    expect(built.migrationSql).not.toContain('DROP CONSTRAINT');
  });

  it('changes nothing else: single-column SetNull and composite Cascade keys stay as Prisma wrote them', () => {
    expect(built.prismaSql.replace(/ ON DELETE SET NULL \("\w+"\)/g, ' ON DELETE SET NULL')).toBe(prismaDdl);
    expect(built.prismaSql).toMatch(/"organizations_created_by_fkey" FOREIGN KEY \("created_by"\) REFERENCES "users"\("id"\) ON DELETE SET NULL ON UPDATE CASCADE;/);
    expect(built.prismaSql).toMatch(/"tasks_org_id_project_id_fkey" FOREIGN KEY \("org_id", "project_id"\) REFERENCES "projects"\("org_id", "id"\) ON DELETE CASCADE/);
  });

  it('refuses an initial migration that lacks a key it must narrow, naming it', () => {
    const without = prismaDdl.replace(/ALTER TABLE "projects" ADD CONSTRAINT "projects_org_id_lead_id_fkey"[^;]*;/, '');
    expect(() => narrowSetNullForeignKeys(without, model, { requireAll: true })).toThrow(/projects_org_id_lead_id_fkey/);
  });

  it('narrows only the keys a later migration adds', () => {
    const diff = prismaDdl.split('\n').filter((line) => line.includes('"projects_org_id_lead_id_fkey"')).join('\n');
    expect(narrowSetNullForeignKeys(diff, model, { requireAll: false })).toContain('ON DELETE SET NULL ("lead_id") ON UPDATE CASCADE;');
    expect(narrowSetNullForeignKeys('', model, { requireAll: false })).toBe('');
  });
});
