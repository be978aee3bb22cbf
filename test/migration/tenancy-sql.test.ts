import { describe, expect, it } from 'vitest';
import { DataModel, type DataModelInput } from '../../src/model/index.ts';
import { emitTenancySql } from '../../src/tools/migration/tenancy-sql.ts';
import { emitPrismaSchema } from '../../src/tools/prisma/emit-schema.ts';
import { finalModel, finalModelInput } from '../fixtures/final-model.ts';

function variant(change: (input: DataModelInput) => void): DataModel {
  const input = structuredClone(finalModelInput);
  change(input);
  return DataModel.parse(input);
}

const TENANT_TABLES = ['users', 'projects', 'tasks', 'labels', 'task_labels'];

describe('emitTenancySql', () => {
  const model = finalModel();
  const sql = emitTenancySql(model);

  it('creates the application role idempotently, tolerating a concurrent create', () => {
    expect(sql).toContain("IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'app_user') THEN");
    expect(sql).toContain('CREATE ROLE "app_user" NOLOGIN NOSUPERUSER NOBYPASSRLS;');
    expect(sql).toContain('WHEN duplicate_object OR unique_violation THEN NULL;');
    expect(sql.indexOf('CREATE ROLE')).toBeLessThan(sql.indexOf('GRANT'));
  });

  it('grants by entity kind: DML on tenant and global tables, no DELETE on the tenant root, SELECT on reference data', () => {
    expect(sql).toContain('GRANT USAGE ON SCHEMA "public" TO "app_user";');
    for (const table of TENANT_TABLES) expect(sql).toContain(`GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "${table}" TO "app_user";`);
    expect(sql).toContain('GRANT SELECT, INSERT, UPDATE ON TABLE "organizations" TO "app_user";');
    expect(sql).toContain('GRANT SELECT ON TABLE "currencies" TO "app_user";');
    expect(sql.match(/^GRANT /gm)).toHaveLength(1 + model.entities.length);
  });

  it('enables and forces RLS on every tenant-scoped table, with one policy each', () => {
    for (const table of TENANT_TABLES) {
      expect(sql).toContain(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY;\nALTER TABLE "${table}" FORCE ROW LEVEL SECURITY;`);
      expect(sql.match(new RegExp(`CREATE POLICY "tenant_isolation" ON "${table}" AS PERMISSIVE FOR ALL TO "app_user"\\n`, 'g'))).toHaveLength(1);
    }
    expect(sql).not.toMatch(/"organizations" (ENABLE|FORCE)/);
    expect(sql).not.toMatch(/"currencies" (ENABLE|FORCE)/);
    const setting = "(SELECT NULLIF(current_setting('app.current_org_id', true), '')::uuid)";
    expect(sql).toContain(`CREATE POLICY "tenant_isolation" ON "users" AS PERMISSIVE FOR ALL TO "app_user"\n  USING (org_id = ${setting})\n  WITH CHECK (org_id = ${setting});`);
  });

  it('rewrites composite SetNull FKs to null only the reference, under the name the schema declares', () => {
    const rewritten = [...sql.matchAll(/ADD CONSTRAINT "([a-z_]+)" FOREIGN KEY \(([^)]*)\) REFERENCES "(\w+)"\(([^)]*)\) ON DELETE SET NULL \(([^)]*)\) ON UPDATE CASCADE;/g)];
    // createdBy on the five tenant tables, Project.lead and Task.assignee
    expect(rewritten).toHaveLength(7);
    const schema = emitPrismaSchema(model);
    for (const [, name, columns, table, referenced, nulled] of rewritten) {
      expect(schema).toMatch(new RegExp(`onDelete: SetNull, onUpdate: Cascade, map: "${name}"\\)`));
      expect(sql).toContain(`DROP CONSTRAINT "${name}";`);
      expect(table).toBe('users');
      expect(referenced).toBe('"org_id", "id"');
      expect(columns).toMatch(/^"org_id", "\w+"$/);
      expect(nulled).toBe(columns!.split(', ')[1]);
    }
    expect(sql).toContain('ALTER TABLE "projects" ADD CONSTRAINT "projects_org_id_lead_id_fkey" FOREIGN KEY ("org_id", "lead_id") REFERENCES "users"("org_id", "id") ON DELETE SET NULL ("lead_id") ON UPDATE CASCADE;');
    // single-column SetNull and composite Cascade stay as Prisma wrote them
    expect(sql).not.toContain('organizations_created_by_fkey');
    expect(sql).not.toContain('tasks_org_id_project_id_fkey');
  });

  it('enables RLS on a non-tenant table that the model gives a policy', () => {
    const withRootPolicy = variant((input) => {
      input.policies!.push({ entity: 'Organization', name: 'own_organization', command: 'SELECT', role: 'app_user', using: "id = (SELECT NULLIF(current_setting('app.current_org_id', true), '')::uuid)" });
    });
    const text = emitTenancySql(withRootPolicy);
    expect(text).toContain('ALTER TABLE "organizations" FORCE ROW LEVEL SECURITY;');
    expect(text).toContain(`CREATE POLICY "own_organization" ON "organizations" AS PERMISSIVE FOR SELECT TO "app_user"\n  USING (id = `);
    expect(text).not.toMatch(/"own_organization"[^;]*WITH CHECK/);
  });

  it.each([
    ['a statement appended to a policy', { using: 'true; DROP TABLE users' }, /may not contain ";"/],
    ['an expression that closes the USING clause', { using: 'true) WITH CHECK (true' }, /unbalanced/],
    ['a comment in a policy', { using: 'true -- and more' }, /may not contain "--"/],
    ['a dollar-quoted string in a policy', { using: '$$x$$ = $$x$$' }, /may not contain "\$"/],
    ['unbalanced parentheses', { using: 'org_id = (SELECT 1' }, /unbalanced/],
    ['an unterminated string', { using: "org_id = 'x" }, /unbalanced/],
    ['a role name with a quote', { role: 'app"user' }, /Unsafe SQL identifier/],
    ['WITH CHECK on a SELECT policy', { command: 'SELECT' as const }, /a SELECT policy takes USING only/],
  ])('rejects %s', (_what, change, message) => {
    const bad = variant((input) => {
      Object.assign(input.policies![0]!, change);
    });
    expect(() => emitTenancySql(bad)).toThrow(message);
  });

  it('keeps semicolons and quotes inside string literals of a policy', () => {
    const ok = variant((input) => {
      input.policies![0]!.using = "org_id = (SELECT NULLIF(current_setting('app.current_org_id', true), '')::uuid) AND 'a;b''--' <> ''";
    });
    expect(emitTenancySql(ok)).toContain("AND 'a;b''--' <> ''");
  });
});
