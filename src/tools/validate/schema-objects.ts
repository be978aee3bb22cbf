/**
 * The objects besides tables that the rules judge (splinter 0010, 0011, 0014, and the roles 0006 leaves out):
 * functions, views, extensions of the schema and the roles the policies name. Read with catalog queries, like
 * the tables in read-catalog.ts, so the rules judge what PostgreSQL holds, not what we meant to emit.
 */
import type { Database } from '../database/database.ts';
import type { Catalog } from '../database/catalog.ts';

export interface SchemaFunction {
  /** name(identity arguments) */
  signature: string;
  securityDefiner: boolean;
  /** A `SET search_path` is attached to the function. */
  searchPathSet: boolean;
}

export interface SchemaView {
  name: string;
  /** WITH (security_invoker = true), PostgreSQL 15+: the caller's privileges and policies apply. */
  securityInvoker: boolean;
}

export interface RoleAttributes {
  name: string;
  superuser: boolean;
  bypassRls: boolean;
}

export interface SchemaObjects {
  functions: SchemaFunction[];
  views: SchemaView[];
  /** Extensions installed into the schema. */
  extensions: string[];
  /** The roles the policies name (PUBLIC excluded). */
  roles: RoleAttributes[];
}

/** Functions an extension created are the extension's business, not the schema's. */
const FUNCTIONS_SQL = `
  SELECT format('%s(%s)', p.proname, pg_get_function_identity_arguments(p.oid)) AS signature,
         p.prosecdef AS security_definer,
         EXISTS (SELECT 1 FROM unnest(coalesce(p.proconfig, '{}'::text[])) AS c(setting) WHERE c.setting LIKE 'search_path=%') AS search_path_set
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE n.nspname = $1 AND p.prokind IN ('f', 'p')
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  ORDER BY 1`;

const VIEWS_SQL = `
  SELECT c.relname::text AS name,
         coalesce(c.reloptions::text[] && ARRAY['security_invoker=true', 'security_invoker=on', 'security_invoker=1'], false) AS security_invoker
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = $1 AND c.relkind = 'v'
  ORDER BY 1`;

const EXTENSIONS_SQL = `
  SELECT e.extname::text AS name FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
  WHERE n.nspname = $1 ORDER BY 1`;

const ROLES_SQL = `
  SELECT rolname::text AS name, rolsuper AS superuser, rolbypassrls AS bypass_rls
  FROM pg_roles WHERE rolname = ANY($1::text[]) ORDER BY 1`;

export async function readSchemaObjects(db: Database, catalog: Catalog, schema = 'public'): Promise<SchemaObjects> {
  const functions = await db.query<{ signature: string; security_definer: boolean; search_path_set: boolean }>(FUNCTIONS_SQL, [schema]);
  const views = await db.query<{ name: string; security_invoker: boolean }>(VIEWS_SQL, [schema]);
  const extensions = await db.query<{ name: string }>(EXTENSIONS_SQL, [schema]);
  const named = [...new Set(catalog.tables.flatMap((t) => t.policies.flatMap((p) => p.roles)))].filter((r) => r !== 'public');
  const roles = await db.query<{ name: string; superuser: boolean; bypass_rls: boolean }>(ROLES_SQL, [named]);
  return {
    functions: functions.map((f) => ({ signature: f.signature, securityDefiner: f.security_definer, searchPathSet: f.search_path_set })),
    views: views.map((v) => ({ name: v.name, securityInvoker: v.security_invoker })),
    extensions: extensions.map((e) => e.name),
    roles: roles.map((r) => ({ name: r.name, superuser: r.superuser, bypassRls: r.bypass_rls })),
  };
}
