/**
 * Destructive changes in a next migration, on the SQL Prisma's schema engine really writes for a changed
 * model: each is flagged with its risk; additive and widening changes are not.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DataModel, getEntity, getField } from '../../src/model/index.ts';
import { buildMigration } from '../../src/tools/migration/assemble.ts';
import { buildNextMigration } from '../../src/tools/evolution/next-migration.ts';
import { destructiveChanges } from '../../src/tools/evolution/destructive.ts';
import { splitStatements, alterTableClauses } from '../../src/tools/evolution/statements.ts';
import { closeSchemaEngine } from '../../src/tools/prisma/schema-engine.ts';
import { finalModel } from '../fixtures/final-model.ts';

afterAll(closeSchemaEngine);

describe('destructive changes of a next migration', () => {
  it('flags narrowing, NOT NULL, required columns, removed enum labels and unique changes; not widening', async () => {
    const v1 = finalModel();
    const initial = await buildMigration(v1);
    const v2 = finalModel();
    const task = getEntity(v2, 'Task');
    getField(task, 'title').maxLength = 100;
    getField(task, 'number').type = 'bigint';
    getField(task, 'dueDate').required = true;
    getField(task, 'status').enumValues = ['todo', 'done'];
    getField(getEntity(v2, 'Project'), 'budget').precision = 10;
    getField(getEntity(v2, 'Project'), 'budget').scale = 2;
    const user = getEntity(v2, 'User');
    user.fields.splice(3, 0, { name: 'phone', column: 'phone', type: 'string', required: true, role: 'attribute' });
    user.fields.splice(3, 0, { name: 'nickname', column: 'nickname', type: 'string', required: false, role: 'attribute' });
    v2.indexes = v2.indexes.filter((ix) => !(ix.entity === 'Label' && ix.unique && ix.fields.includes('name')));
    v2.indexes.push({ entity: 'Task', fields: ['orgId', 'title'], unique: true, where: [], source: 'natural-key', why: 'test' });

    const next = await buildNextMigration(DataModel.parse(v2), { schema: initial.schema, migrations: [{ name: '20250101000000_init', sql: initial.migrationSql }] }, '20250201000000');
    const flagged = next.findings.map((f) => `${f.ruleId} ${f.target}`).sort();
    expect(flagged).toEqual([
      'migration-adds-required-column users.phone',
      'migration-adds-unique tasks.tasks_org_id_title_key',
      'migration-drops-unique labels_org_id_name_key',
      'migration-narrows-type projects.budget',
      'migration-narrows-type tasks.title',
      'migration-removes-enum-values tasks.status',
      'migration-sets-not-null tasks.due_date',
    ]);
    expect(next.findings.find((f) => f.ruleId === 'migration-removes-enum-values')!.message).toContain('labels in_progress');
    expect(next.findings.find((f) => f.target === 'tasks.title')!.message).toMatch(/^Fails on existing data: .*VarChar\(255\).*VARCHAR\(100\)/);
    // Nothing new to secure: no tenancy SQL beyond what the diff needs.
    expect(next.createdTables).toEqual([]);
    expect(next.tenancySql).toBe('');
  });

  it('flags dropped tables, dropped columns and replaced primary keys; lets widening pass', () => {
    const sql = [
      '-- DropTable',
      'DROP TABLE "labels";',
      'ALTER TABLE "tasks" DROP COLUMN "estimate",',
      'ADD COLUMN "note" TEXT,',
      'ALTER COLUMN "title" SET DATA TYPE TEXT,',
      'ALTER COLUMN "code" SET DATA TYPE INTEGER;',
      'ALTER TABLE "tags" DROP CONSTRAINT "tags_pkey",',
      'ADD CONSTRAINT "tags_pkey" PRIMARY KEY ("id");',
    ].join('\n');
    const columns = new Map([['tasks', new Map([['title', { type: 'string' as const, maxLength: 200, source: 'VarChar(200)' }], ['code', { type: 'string' as const, source: 'String' }]])]]);
    const findings = destructiveChanges(sql, { columns, uniqueIndexes: new Set(), enums: new Map() });
    expect(findings.map((f) => `${f.ruleId} ${f.target}`)).toEqual([
      'migration-drops-table labels', 'migration-drops-column tasks.estimate', 'migration-changes-type tasks.code', 'migration-drops-primary-key tags',
    ]);
    expect(findings[0]!.message).toMatch(/^Data loss: /);
  });

  it('splits statements and ALTER TABLE clauses around quotes, dollar quotes and comments', () => {
    const sql = `-- a; comment\nCREATE TABLE "a;b" (x text DEFAULT 'it''s; fine');\nDO $role$ BEGIN PERFORM 1; END $role$;\n/* c; */ALTER TABLE "t" ADD COLUMN "x" NUMERIC(10,2), DROP COLUMN "y"`;
    const statements = splitStatements(sql);
    expect(statements).toHaveLength(3);
    expect(statements[1]).toBe('DO $role$ BEGIN PERFORM 1; END $role$');
    expect(alterTableClauses(statements[2]!)).toEqual({ table: 't', clauses: ['ADD COLUMN "x" NUMERIC(10,2)', 'DROP COLUMN "y"'] });
  });
});
