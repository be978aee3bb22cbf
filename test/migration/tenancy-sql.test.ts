import { describe, expect, it } from 'vitest';
import { DataModel, type DataModelInput } from '../../src/model/index.ts';
import { emitTenancySql } from '../../src/tools/migration/tenancy-sql.ts';
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
    const granted = new Map([...sql.matchAll(/^GRANT ([A-Z, ]+) ON TABLE\n((?:  "\w+",?\n)+)TO "app_user";$/gm)]
      .map(([, privileges, tables]) => [privileges!, tables!.split(/,?\n/).filter(Boolean).map((t) => t.trim().replace(/"/g, ''))]));
    expect(granted.get('SELECT, INSERT, UPDATE, DELETE')).toEqual(expect.arrayContaining(TENANT_TABLES));
    expect(granted.get('SELECT, INSERT, UPDATE')).toEqual(['organizations']);
    expect(granted.get('SELECT')).toEqual(['currencies']);
    // One statement per set of privileges, and every table granted exactly once.
    expect(sql.match(/^GRANT /gm)).toHaveLength(1 + granted.size);
    expect([...granted.values()].flat().sort()).toEqual(model.entities.map((e) => e.table).sort());
  });

  it('enables and forces RLS on every tenant-scoped table, with one policy each', () => {
    for (const table of TENANT_TABLES) {
      expect(sql).toContain(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;`);
      expect(sql.match(new RegExp(`CREATE POLICY "tenant_isolation" ON "${table}" AS PERMISSIVE FOR ALL TO "app_user"\\n`, 'g'))).toHaveLength(1);
    }
    expect(sql).not.toMatch(/"organizations" (ENABLE|FORCE)/);
    expect(sql).not.toMatch(/"currencies" (ENABLE|FORCE)/);
    const setting = "(SELECT NULLIF(current_setting('app.current_org_id', true), '')::uuid)";
    expect(sql).toContain(`CREATE POLICY "tenant_isolation" ON "users" AS PERMISSIVE FOR ALL TO "app_user"\n  USING (org_id = ${setting})\n  WITH CHECK (org_id = ${setting});`);
  });

  it('leaves foreign keys to Prisma\'s DDL (composite SetNull keys are narrowed there)', () => {
    expect(sql).not.toMatch(/FOREIGN KEY|DROP CONSTRAINT/);
  });

  it('enables RLS on a non-tenant table that the model gives a policy', () => {
    const withRootPolicy = variant((input) => {
      input.policies!.push({ entity: 'Organization', name: 'own_organization', command: 'SELECT', role: 'app_user', using: "id = (SELECT NULLIF(current_setting('app.current_org_id', true), '')::uuid)" });
    });
    const text = emitTenancySql(withRootPolicy);
    expect(text).toContain('ALTER TABLE "organizations" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;');
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
