/**
 * Putting a used PGlite back into the template's state, so that the next run can start on it instead of loading
 * the template image again (that costs ~0.4 s unloaded and several times more on a busy machine: WebAssembly
 * instantiation, untarring 40 MB, PostgreSQL's start-up). Worth it only after a small run: dropping a large
 * schema costs more than a fresh start.
 *
 * The reset drops what a migration or a probe can leave (schemas, extensions, roles and what they own or were
 * granted, session state), then the fingerprint of everything a run could change is compared with the
 * template's. Any difference, or any error, and the instance is not reused: a run never sees another's leftovers.
 */
import type { PGlite } from '@electric-sql/pglite';

/**
 * Relations created by runs (oid ≥ FirstNormalObjectId) above which a fresh start is cheaper than the reset:
 * about 120 tables with their indexes (dropping 240 tables took longer than loading the image).
 */
export const REUSE_LIMIT = 1000;

const FIRST_NORMAL_OID = 16384;

const RESET_SQL = `
DO $reset$
DECLARE item record;
BEGIN
  FOR item IN SELECT nspname FROM pg_catalog.pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
  LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', item.nspname);
  END LOOP;
  FOR item IN SELECT extname FROM pg_catalog.pg_extension WHERE extname <> 'plpgsql' LOOP
    EXECUTE format('DROP EXTENSION %I CASCADE', item.extname);
  END LOOP;
  FOR item IN SELECT rolname FROM pg_catalog.pg_roles WHERE oid >= ${FIRST_NORMAL_OID} LOOP
    EXECUTE format('DROP OWNED BY %I CASCADE', item.rolname);
    EXECUTE format('DROP ROLE %I', item.rolname);
  END LOOP;
END
$reset$;
CREATE SCHEMA public AUTHORIZATION pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
COMMENT ON SCHEMA public IS 'standard public schema';
`;

/** How many objects runs have created: the reset's cost grows with it. */
export async function createdObjects(pg: PGlite): Promise<number> {
  const result = await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_catalog.pg_class WHERE oid >= ${FIRST_NORMAL_OID}`);
  return result.rows[0]?.n ?? Number.POSITIVE_INFINITY;
}

/**
 * Resets `pg` and returns its fingerprint, to compare with the template's (taken after the same reset: running
 * it loads plpgsql, whose settings then show in pg_settings).
 */
export async function resetAndFingerprint(pg: PGlite): Promise<string> {
  await pg.exec('ROLLBACK');
  // Alone: DISCARD ALL refuses to run in a transaction block, which a script of several statements is.
  await pg.exec('DISCARD ALL');
  await pg.exec(RESET_SQL);
  return fingerprint(pg);
}

let fingerprintSql: string | undefined;

/**
 * A digest of everything a run can leave behind: per catalog with an oid column, how many rows runs created;
 * every ACL, owner, comment and security label on the objects initdb made; roles, memberships and per-role or
 * per-database settings; the session's settings. Volatile statistics (relpages, frozen xids) are left out.
 */
async function fingerprint(pg: PGlite): Promise<string> {
  fingerprintSql ??= await buildFingerprintSql(pg);
  const result = await pg.query<{ digest: string }>(fingerprintSql);
  return result.rows[0]?.digest ?? '';
}

async function buildFingerprintSql(pg: PGlite): Promise<string> {
  const catalogs = await pg.query<{ name: string }>(
    `SELECT c.relname::text AS name FROM pg_catalog.pg_class c
     JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = 'oid' AND a.atttypid = 'oid'::regtype
     WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'r' ORDER BY 1`,
  );
  // The reset recreates public under a new oid: it is compared by name (owner, ACL, comment), not counted.
  const counts = catalogs.rows.map((c) =>
    `SELECT '${c.name}:' || count(*) FROM pg_catalog."${c.name}" WHERE oid >= ${FIRST_NORMAL_OID}${c.name === 'pg_namespace' ? " AND nspname <> 'public'" : ''}`);
  const parts = [
    ...counts,
    `SELECT 'acl:' || md5(string_agg(concat_ws(':', oid, relowner, relacl), ',' ORDER BY oid)) FROM pg_catalog.pg_class`,
    `SELECT 'attacl:' || md5(coalesce(string_agg(concat_ws(':', attrelid, attnum, attacl), ',' ORDER BY attrelid, attnum), '')) FROM pg_catalog.pg_attribute WHERE attacl IS NOT NULL`,
    `SELECT 'proacl:' || md5(string_agg(concat_ws(':', oid, proowner, proacl, proconfig), ',' ORDER BY oid)) FROM pg_catalog.pg_proc`,
    `SELECT 'typacl:' || md5(string_agg(concat_ws(':', oid, typowner, typacl), ',' ORDER BY oid)) FROM pg_catalog.pg_type`,
    `SELECT 'ns:' || md5(string_agg(concat_ws(':', nspname, nspowner, nspacl, obj_description(oid, 'pg_namespace')), ',' ORDER BY nspname)) FROM pg_catalog.pg_namespace`,
    `SELECT 'lang:' || md5(string_agg(concat_ws(':', oid, lanowner, lanacl, lanpltrusted), ',' ORDER BY oid)) FROM pg_catalog.pg_language`,
    `SELECT 'db:' || md5(string_agg(concat_ws(':', datname, datdba, datacl, datconnlimit, datallowconn, datistemplate), ',' ORDER BY datname)) FROM pg_catalog.pg_database`,
    `SELECT 'roles:' || md5(string_agg(concat_ws(':', rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolbypassrls, rolconnlimit, rolconfig), ',' ORDER BY rolname)) FROM pg_catalog.pg_roles`,
    `SELECT 'members:' || md5(coalesce(string_agg(concat_ws(':', roleid, member, grantor), ',' ORDER BY roleid, member), '')) FROM pg_catalog.pg_auth_members`,
    `SELECT 'settings:' || md5(coalesce(string_agg(concat_ws(':', setdatabase, setrole, setconfig), ',' ORDER BY setdatabase, setrole), '')) FROM pg_catalog.pg_db_role_setting`,
    `SELECT 'comments:' || count(*) || md5(coalesce(string_agg(concat_ws(':', objoid, classoid, objsubid, description), ',' ORDER BY objoid, classoid, objsubid), '')) FROM pg_catalog.pg_description WHERE classoid <> 'pg_namespace'::regclass`,
    `SELECT 'shcomments:' || count(*) || md5(coalesce(string_agg(concat_ws(':', objoid, classoid, description), ',' ORDER BY objoid, classoid), '')) FROM pg_catalog.pg_shdescription`,
    `SELECT 'labels:' || (SELECT count(*) FROM pg_catalog.pg_seclabel) || ':' || (SELECT count(*) FROM pg_catalog.pg_shseclabel)`,
    // Only pg_dump reads initial privileges; the recreated public has none, so schemas are left out here.
    `SELECT 'initprivs:' || md5(coalesce(string_agg(concat_ws(':', objoid, classoid, objsubid, initprivs), ',' ORDER BY objoid, classoid, objsubid), '')) FROM pg_catalog.pg_init_privs WHERE classoid <> 'pg_namespace'::regclass`,
    `SELECT 'statistics:' || count(*) FROM pg_catalog.pg_statistic`,
    `SELECT 'guc:' || md5(string_agg(concat_ws('=', name, setting), ',' ORDER BY name)) FROM pg_catalog.pg_settings`,
  ];
  return `SELECT md5(string_agg(line, E'\\n' ORDER BY line)) AS digest FROM (${parts.map((p) => `(${p})`).join('\nUNION ALL ')}) AS lines(line)`;
}
