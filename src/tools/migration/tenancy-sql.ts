/**
 * The SQL Prisma cannot express, appended after Prisma's DDL in the initial migration (DESIGN §3): the
 * application role, its grants, and row-level security with one policy per table. Prisma's diff ignores
 * roles, grants, RLS and policies, so none of this shows up as drift. (The composite SetNull keys are narrowed
 * inside Prisma's own DDL: narrow-set-null.ts.)
 *
 * Statements are few on purpose: one GRANT per set of privileges (naming all its tables) and one ALTER TABLE
 * per table for ENABLE and FORCE; a 200-entity migration is applied in every validation round.
 *
 * What the application role may do, by entity kind:
 * - tenant, junction: SELECT, INSERT, UPDATE, DELETE, confined to the current tenant by RLS.
 * - global: SELECT, INSERT, UPDATE, DELETE: shared data the application maintains (no tenant owns a row).
 * - tenant-root: SELECT, INSERT, UPDATE (sign-up creates an organization, settings update it); no DELETE,
 *   because deleting an organization cascades through every tenant table: an operator action, run as the owner.
 * - reference: SELECT only; reference data changes through migrations and seeds.
 * No sequence grants: every id is a uuid with a database default, so the schema has no sequences.
 */
import type { DataModel, Entity, EntityKind, Policy } from '../../model/model.ts';
import { getEntity, isTenantScoped } from '../../model/lookup.ts';
import { quoteIdent, quoteLiteral } from '../sql/quote.ts';

const GRANTS: Record<EntityKind, string> = {
  tenant: 'SELECT, INSERT, UPDATE, DELETE',
  junction: 'SELECT, INSERT, UPDATE, DELETE',
  global: 'SELECT, INSERT, UPDATE, DELETE',
  'tenant-root': 'SELECT, INSERT, UPDATE',
  reference: 'SELECT',
};

/**
 * Limits the SQL to part of the model. The next migration of an evolving project covers only the tables that
 * are new to row-level security: the earlier migrations did the rest.
 */
export interface TenancyScope {
  tables: ReadonlySet<string>;
}

export function emitTenancySql(model: DataModel, scope?: TenancyScope): string {
  const appRole = model.tenancy.appRole;
  const roles = [...new Set([appRole, ...model.policies.map((p) => p.role)])];
  const inScope = (e: Entity): boolean => !scope || scope.tables.has(e.table);
  const sections = [
    section('Roles: NOLOGIN; deployments grant them to the login roles the application uses', roles.map(createRole)),
    section(`Grants to ${appRole}`, grants(model, appRole, inScope)),
    section('Row-level security: enabled and forced (the table owner is subject to it too)', rowLevelSecurity(model, inScope)),
    section('Policies', model.policies.filter((p) => inScope(getEntity(model, p.entity))).map((p) => createPolicy(model, p))),
  ];
  return sections.filter((s) => s !== '').join('\n\n') + '\n';
}

function section(title: string, statements: string[]): string {
  return statements.length === 0 ? '' : [`-- ${title}`, ...statements].join('\n');
}

/**
 * Roles are cluster-wide, so the role may already exist (another database, an earlier deploy) or be created
 * by a concurrent migration between the check and the CREATE: both are fine. An existing role is not altered.
 */
function createRole(role: string): string {
  return [
    'DO $role$',
    'BEGIN',
    `  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ${quoteLiteral(role)}) THEN`,
    `    CREATE ROLE ${quoteIdent(role)} NOLOGIN NOSUPERUSER NOBYPASSRLS;`,
    '  END IF;',
    'EXCEPTION',
    '  WHEN duplicate_object OR unique_violation THEN NULL;',
    'END',
    '$role$;',
  ].join('\n');
}

function grants(model: DataModel, role: string, inScope: (e: Entity) => boolean): string[] {
  const entities = model.entities.filter(inScope);
  if (entities.length === 0) return [];
  const byPrivileges = new Map<string, string[]>();
  for (const e of entities) byPrivileges.set(GRANTS[e.kind], [...(byPrivileges.get(GRANTS[e.kind]) ?? []), quoteIdent(e.table)]);
  return [
    `GRANT USAGE ON SCHEMA "public" TO ${quoteIdent(role)};`,
    ...[...byPrivileges].map(([privileges, tables]) => `GRANT ${privileges} ON TABLE\n  ${tables.join(',\n  ')}\nTO ${quoteIdent(role)};`),
  ];
}

/** Every tenant-scoped table, and any other table the model gives a policy (a policy on a table without RLS is inert). */
function rowLevelSecurity(model: DataModel, inScope: (e: Entity) => boolean): string[] {
  const withPolicy = new Set(model.policies.map((p) => p.entity));
  return model.entities
    .filter((e: Entity) => (isTenantScoped(e) || withPolicy.has(e.name)) && inScope(e))
    .map((e) => `ALTER TABLE ${quoteIdent(e.table)} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;`);
}

function createPolicy(model: DataModel, policy: Policy): string {
  const table = getEntity(model, policy.entity).table;
  const what = `Policy ${policy.name} on ${policy.entity}`;
  const using = policy.using === undefined ? undefined : checkedExpression(what, policy.using);
  const withCheck = policy.withCheck === undefined ? undefined : checkedExpression(what, policy.withCheck);
  // PostgreSQL rejects these combinations; say which policy is wrong before the migration fails.
  if (policy.command === 'INSERT' && using) throw new Error(`${what}: an INSERT policy takes WITH CHECK only`);
  if ((policy.command === 'SELECT' || policy.command === 'DELETE') && withCheck) throw new Error(`${what}: a ${policy.command} policy takes USING only`);
  if (!using && !withCheck) throw new Error(`${what}: needs a USING or WITH CHECK expression`);
  const parts = [`CREATE POLICY ${quoteIdent(policy.name)} ON ${quoteIdent(table)} AS PERMISSIVE FOR ${policy.command} TO ${quoteIdent(policy.role)}`];
  if (using) parts.push(`  USING (${using})`);
  if (withCheck) parts.push(`  WITH CHECK (${withCheck})`);
  return parts.join('\n') + ';';
}

/**
 * Policy expressions are SQL the tenancy node writes, so they cannot be quoted as a whole. They must still be
 * one expression: no statement separator or comment outside a string, and balanced quotes and parentheses,
 * so nothing can close the CREATE POLICY and append a statement of its own.
 */
function checkedExpression(what: string, expression: string): string {
  let depth = 0;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i]!;
    if (quote) {
      if (ch === quote) quote = expression[i + 1] === quote ? (i++, quote) : undefined;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) break;
    else if (ch === ';' || ch === '$' || expression.startsWith('--', i) || expression.startsWith('/*', i)) {
      throw new Error(`${what}: the expression may not contain ${JSON.stringify(ch === '-' ? '--' : ch === '/' ? '/*' : ch)}: ${expression}`);
    }
  }
  if (quote || depth !== 0) throw new Error(`${what}: unbalanced quotes or parentheses in ${expression}`);
  if (!expression.trim()) throw new Error(`${what}: empty expression`);
  return expression.trim();
}
