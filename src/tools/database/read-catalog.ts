/**
 * Reads what PostgreSQL really created from its system catalogs. One query per kind of object for the whole
 * schema (not per table), so the cost stays flat at hundreds of tables; only catalog columns that exist from
 * PostgreSQL 15 onwards are used, so PGlite (17/18) and a PostgreSQL 15 server give the same answer.
 */
import type { Database } from './database.ts';
import type { Catalog, CatalogColumn, CatalogForeignKey, CatalogIndex, CatalogPolicy, CatalogTable } from './catalog.ts';

/**
 * Quotes a name read back from the catalog. Such names are real identifiers of the database under test (any
 * case, any characters), not PRD text, so quoteIdent's snake_case rule would reject valid schemas; PostgreSQL
 * only needs embedded double quotes doubled.
 */
export function quoteCatalogIdent(name: string): string {
  if (name.length === 0 || name.includes('\0')) throw new Error(`Not an identifier: ${JSON.stringify(name)}`);
  return `"${name.replace(/"/g, '""')}"`;
}

/** Ordinary and partitioned tables of the schema; partitions are reached through their parent. */
const TABLES = `
  SELECT c.oid, c.relname, c.relkind, n.nspname, c.relrowsecurity, c.relforcerowsecurity
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> '_prisma_migrations'`;

const TABLES_SQL = `
  WITH t AS (${TABLES})
  SELECT t.relname::text AS name, t.relrowsecurity AS rls_enabled, t.relforcerowsecurity AS rls_forced,
         CASE WHEN t.relkind = 'p' OR pg_relation_size(t.oid) > 0 THEN
           format('SELECT %L::text AS name, count(*) AS n FROM %I.%I', t.relname, t.nspname, t.relname) END AS count_sql
  FROM t ORDER BY t.relname`;

const COLUMNS_SQL = `
  WITH t AS (${TABLES})
  SELECT t.relname::text AS table_name, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
         a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_expr,
         CASE WHEN ty.typtype = 'e' THEN ARRAY(
           SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = ty.oid ORDER BY e.enumsortorder) END AS enum_values
  FROM t
  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN pg_type ty ON ty.oid = a.atttypid
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  ORDER BY t.relname, a.attnum`;

const FOREIGN_KEYS_SQL = `
  WITH t AS (${TABLES})
  SELECT t.relname::text AS table_name, k.conname::text AS name,
         rc.relname::text AS ref_table, rn.nspname::text AS ref_schema,
         k.confdeltype::text AS on_delete, k.confupdtype::text AS on_update,
         ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord) AS columns,
         ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.ord) AS ref_columns,
         CASE WHEN k.confdelsetcols IS NOT NULL THEN ARRAY(
           SELECT a.attname::text FROM unnest(k.confdelsetcols) WITH ORDINALITY AS u(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord) END AS on_delete_set_columns
  FROM t
  JOIN pg_constraint k ON k.conrelid = t.oid AND k.contype = 'f'
  JOIN pg_class rc ON rc.oid = k.confrelid
  JOIN pg_namespace rn ON rn.oid = rc.relnamespace
  ORDER BY t.relname, k.conname`;

/**
 * Valid indexes only: an invalid one (a failed CREATE INDEX CONCURRENTLY) serves no query and enforces nothing.
 * Key columns come without INCLUDE columns; an expression key comes as its text with a null column name.
 */
const INDEXES_SQL = `
  WITH t AS (${TABLES})
  SELECT t.relname::text AS table_name, ic.relname::text AS name, i.indisunique AS is_unique, i.indisprimary AS is_primary,
         pg_get_expr(i.indpred, i.indrelid) AS predicate, pg_get_indexdef(i.indexrelid) AS definition,
         ARRAY(SELECT a.attname::text FROM generate_series(0, i.indnkeyatts - 1) AS s(k)
               LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[s.k] AND i.indkey[s.k] <> 0
               ORDER BY s.k) AS key_columns,
         ARRAY(SELECT pg_get_indexdef(i.indexrelid, s.k + 1, true) FROM generate_series(0, i.indnkeyatts - 1) AS s(k)
               ORDER BY s.k) AS key_texts
  FROM t
  JOIN pg_index i ON i.indrelid = t.oid AND i.indisvalid
  JOIN pg_class ic ON ic.oid = i.indexrelid
  ORDER BY t.relname, ic.relname`;

const POLICIES_SQL = `
  SELECT p.tablename::text AS table_name, p.policyname::text AS name, p.cmd AS command, p.roles::text[] AS roles,
         p.permissive = 'PERMISSIVE' AS permissive, p.qual AS using_expr, p.with_check AS check_expr
  FROM pg_policies p
  WHERE p.schemaname = $1
  ORDER BY p.tablename, p.policyname`;

interface TableRow { name: string; rls_enabled: boolean; rls_forced: boolean; count_sql: string | null }
interface ColumnRow {
  table_name: string; name: string; type: string; not_null: boolean; default_expr: string | null; enum_values: string[] | null;
}
interface ForeignKeyRow {
  table_name: string; name: string; ref_table: string; ref_schema: string; on_delete: string; on_update: string;
  columns: string[]; ref_columns: string[]; on_delete_set_columns: string[] | null;
}
interface IndexRow {
  table_name: string; name: string; is_unique: boolean; is_primary: boolean; predicate: string | null; definition: string;
  key_columns: (string | null)[]; key_texts: string[];
}
interface PolicyRow {
  table_name: string; name: string; command: string; roles: string[]; permissive: boolean;
  using_expr: string | null; check_expr: string | null;
}
interface CountRow { name: string; n: number | string }

const REFERENTIAL_ACTIONS: Record<string, string> = {
  a: 'NoAction',
  r: 'Restrict',
  c: 'Cascade',
  n: 'SetNull',
  d: 'SetDefault',
};

export async function readCatalog(db: Database, schema = 'public'): Promise<Catalog> {
  const tableRows = await db.query<TableRow>(TABLES_SQL, [schema]);
  if (tableRows.length === 0) return { tables: [] };
  const columnRows = await db.query<ColumnRow>(COLUMNS_SQL, [schema]);
  const foreignKeyRows = await db.query<ForeignKeyRow>(FOREIGN_KEYS_SQL, [schema]);
  const indexRows = await db.query<IndexRow>(INDEXES_SQL, [schema]);
  const policyRows = await db.query<PolicyRow>(POLICIES_SQL, [schema]);
  // Exact counts (reference data is scored by them), in one statement quoted by the server. A table whose heap
  // file is empty has no rows, so only tables with pages are counted: opening 500 tables costs over a second.
  const countSql = tableRows.flatMap((t) => (t.count_sql ? [t.count_sql] : []));
  const countRows = countSql.length > 0 ? await db.query<CountRow>(countSql.join('\nUNION ALL\n')) : [];

  const tables = new Map<string, CatalogTable>();
  for (const row of tableRows) {
    tables.set(row.name, {
      name: row.name,
      columns: [],
      primaryKey: [],
      foreignKeys: [],
      indexes: [],
      rlsEnabled: row.rls_enabled,
      rlsForced: row.rls_forced,
      policies: [],
      rowCount: 0,
    });
  }
  const tableOf = (name: string): CatalogTable => {
    const table = tables.get(name);
    if (!table) throw new Error(`Catalog row for unknown table "${name}"`);
    return table;
  };

  for (const row of columnRows) tableOf(row.table_name).columns.push(toColumn(row));
  for (const row of foreignKeyRows) tableOf(row.table_name).foreignKeys.push(toForeignKey(row, schema));
  for (const row of indexRows) {
    const table = tableOf(row.table_name);
    const index = toIndex(row, table.columns.map((c) => c.name));
    table.indexes.push(index);
    if (index.primary) table.primaryKey = index.columns;
  }
  for (const row of policyRows) tables.get(row.table_name)?.policies.push(toPolicy(row));
  for (const row of countRows) tableOf(row.name).rowCount = Number(row.n);

  return { tables: [...tables.values()] };
}

function toColumn(row: ColumnRow): CatalogColumn {
  return { name: row.name, type: row.type, notNull: row.not_null, default: row.default_expr, enumValues: row.enum_values };
}

function toForeignKey(row: ForeignKeyRow, schema: string): CatalogForeignKey {
  return {
    name: row.name,
    columns: row.columns,
    refTable: row.ref_schema === schema ? row.ref_table : `${row.ref_schema}.${row.ref_table}`,
    refColumns: row.ref_columns,
    onDelete: referentialAction(row.on_delete),
    onUpdate: referentialAction(row.on_update),
    onDeleteSetColumns: row.on_delete_set_columns,
  };
}

function referentialAction(code: string): string {
  const action = REFERENTIAL_ACTIONS[code];
  if (!action) throw new Error(`Unknown referential action code "${code}"`);
  return action;
}

function toIndex(row: IndexRow, tableColumns: string[]): CatalogIndex {
  return {
    name: row.name,
    columns: row.key_columns.map((column, k) => column ?? expressionColumn(row.key_texts[k] ?? '', tableColumns)),
    unique: row.is_unique,
    primary: row.is_primary,
    predicate: row.predicate,
    definition: row.definition,
  };
}

function toPolicy(row: PolicyRow): CatalogPolicy {
  return {
    name: row.name,
    command: row.command,
    roles: row.roles,
    permissive: row.permissive,
    using: row.using_expr,
    withCheck: row.check_expr,
  };
}

/**
 * The one table column an index expression uses (`lower((email)::text)` → email), or the expression itself
 * when it uses none or several. Identifiers are matched outside string literals, quoted ones unquoted.
 */
function expressionColumn(expression: string, tableColumns: string[]): string {
  const used = new Set<string>();
  const token = /'(?:[^']|'')*'|"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)/g;
  for (const match of expression.matchAll(token)) {
    const name = match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2];
    if (name !== undefined && tableColumns.includes(name)) used.add(name);
  }
  const [only] = used;
  return used.size === 1 && only !== undefined ? only : expression;
}
