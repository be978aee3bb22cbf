/**
 * The page reads the schema browser's facts from the migration SQL (src/server/web/js/schema.js, plain browser
 * JavaScript, so no import types: the module is loaded by URL). These pin the statement forms the generator
 * emits, and the later ALTERs an evolved project adds.
 */
import { describe, expect, it } from 'vitest';

interface Table {
  columns: Array<{ name: string; type: string; notNull: boolean; default: string | null }>;
  primaryKey: string[];
  foreignKeys: Array<{ name: string; columns: string[]; refTable: string; refColumns: string[]; onDelete: string | null }>;
  indexes: Array<{ name: string; unique: boolean; columns: string[]; where: string | null }>;
  rls: { enabled: boolean; forced: boolean };
  policies: Array<{ name: string; command: string; roles: string; sql: string }>;
}
const { readMigrations } = (await import(new URL('../../src/server/web/js/schema.js', import.meta.url).href)) as {
  readMigrations: (scripts: string[]) => { tables: Map<string, Table>; enums: Map<string, string[]> };
};

const INIT = `
-- CreateEnum
CREATE TYPE "task_status" AS ENUM ('open', 'it''s done');

CREATE TABLE "tasks" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "status" "task_status" NOT NULL DEFAULT 'open',
    "due_at" TIMESTAMPTZ(3),
    "assignee_id" UUID,

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "tasks_org_id_title_key" ON "tasks"("org_id", "title") WHERE ("status" <> 'open'::"task_status");
CREATE INDEX "tasks_unassigned_idx" ON "tasks" USING btree ("org_id", "due_at" DESC) WHERE "assignee_id" IS NULL;
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_assignee_id_fkey" FOREIGN KEY ("org_id", "assignee_id") REFERENCES "users"("org_id", "id") ON DELETE SET NULL ("assignee_id") ON UPDATE CASCADE;
DO $role$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_user') THEN CREATE ROLE "app_user" NOLOGIN; END IF;
END
$role$;
ALTER TABLE "tasks" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY "tasks_tenant_isolation" ON "tasks" AS PERMISSIVE FOR ALL TO "app_user"
  USING ("org_id" = (SELECT NULLIF(current_setting('app.current_org_id', true), '')::uuid))
  WITH CHECK ("org_id" = (SELECT NULLIF(current_setting('app.current_org_id', true), '')::uuid));
`;

const NEXT = `
ALTER TABLE "tasks" ADD COLUMN "priority" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "due_at" SET NOT NULL;
ALTER TABLE "tasks" DROP COLUMN "title";
DROP INDEX "tasks_org_id_title_key";
`;

describe('readMigrations', () => {
  it('reads columns, keys, partial indexes, row-level security and policies as the generator writes them', () => {
    const { tables, enums } = readMigrations([INIT]);
    expect(enums.get('task_status')).toEqual(['open', "it's done"]);
    const tasks = tables.get('tasks')!;
    expect(tasks.columns.map((c) => [c.name, c.type, c.notNull, c.default])).toEqual([
      ['id', 'UUID', true, 'gen_random_uuid()'],
      ['org_id', 'UUID', true, null],
      ['title', 'VARCHAR(200)', true, null],
      ['status', 'task_status', true, "'open'"],
      ['due_at', 'TIMESTAMPTZ(3)', false, null],
      ['assignee_id', 'UUID', false, null],
    ]);
    expect(tasks.primaryKey).toEqual(['id']);
    // The DO block's semicolons do not end a statement; the re-added constraint replaces the first.
    expect(tasks.foreignKeys).toEqual([
      { name: 'tasks_org_id_assignee_id_fkey', columns: ['org_id', 'assignee_id'], refTable: 'users', refColumns: ['org_id', 'id'], onDelete: 'SET NULL ("assignee_id")', onUpdate: 'CASCADE' },
    ]);
    expect(tasks.indexes).toEqual([
      { name: 'tasks_org_id_title_key', unique: true, columns: ['org_id', 'title'], where: '("status" <> \'open\'::"task_status")', method: null },
      { name: 'tasks_unassigned_idx', unique: false, columns: ['org_id', 'due_at DESC'], where: '"assignee_id" IS NULL', method: 'btree' },
    ]);
    expect(tasks.rls).toEqual({ enabled: true, forced: true });
    expect(tasks.policies).toHaveLength(1);
    expect(tasks.policies[0]).toMatchObject({ name: 'tasks_tenant_isolation', command: 'ALL', roles: 'app_user' });
    expect(tasks.policies[0]!.sql).toMatch(/^CREATE POLICY "tasks_tenant_isolation" ON "tasks"[\s\S]*WITH CHECK \(.*\);$/);
  });

  it('applies later migrations in order', () => {
    const tasks = readMigrations([INIT, NEXT]).tables.get('tasks')!;
    expect(tasks.columns.map((c) => c.name)).toEqual(['id', 'org_id', 'status', 'due_at', 'assignee_id', 'priority']);
    expect(tasks.columns.find((c) => c.name === 'due_at')!.notNull).toBe(true);
    expect(tasks.columns.find((c) => c.name === 'priority')).toMatchObject({ type: 'INTEGER', notNull: true, default: '0' });
    expect(tasks.indexes.map((i) => i.name)).toEqual(['tasks_unassigned_idx']);
  });
});
