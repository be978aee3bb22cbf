/**
 * Which column of an existing schema is the tenant key, which table is the tenant root, and what kind each
 * table is. A multi-tenant schema shows its tenant key as one foreign key repeated across many tables to one
 * table; the name (org_id, tenant_id, account_id, workspace_id) only breaks ties.
 */
import type { EntityKind } from '../../model/model.ts';
import type { ExistingSchema, ExistingTable } from './types.ts';

const TENANT_NAME = /^(org|organi[sz]ation|tenant|account|workspace)_?id$/i;
const ROOT_TABLE = /^(organi[sz]ations?|orgs?|tenants?|accounts?|workspaces?)$/i;

export interface TenantKey {
  column: string;
  /** The tenant root table; undefined when the key references no table of the schema. */
  root: ExistingTable | undefined;
}

export function detectTenantKey(schema: ExistingSchema): TenantKey | undefined {
  const byTable = new Map(schema.tables.map((t) => [t.table, t]));
  const groups = new Map<string, { column: string; root: string; tables: Set<string> }>();
  for (const t of schema.tables) {
    for (const fk of t.foreignKeys) {
      if (fk.columns.length !== 1 || !byTable.has(fk.table) || fk.table === t.table) continue;
      const column = fk.columns[0]!;
      if (t.columns.find((c) => c.column === column)?.primaryKey) continue;
      const key = `${column}→${fk.table}`;
      const group = groups.get(key) ?? { column, root: fk.table, tables: new Set<string>() };
      group.tables.add(t.table);
      groups.set(key, group);
    }
  }
  const ranked = [...groups.values()]
    .filter((g) => g.tables.size >= 2 && !byTable.get(g.root)!.columns.some((c) => c.column === g.column))
    .sort((a, b) => Number(TENANT_NAME.test(b.column)) - Number(TENANT_NAME.test(a.column)) || b.tables.size - a.tables.size);
  const best = ranked[0];
  if (best && (TENANT_NAME.test(best.column) || best.tables.size * 2 >= schema.tables.length)) return { column: best.column, root: byTable.get(best.root) };
  // No foreign key says it: a tenant-looking column on several tables, and a root table named like one.
  const counts = new Map<string, number>();
  for (const t of schema.tables) for (const c of t.columns) if (TENANT_NAME.test(c.column)) counts.set(c.column, (counts.get(c.column) ?? 0) + 1);
  const column = [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!column) return undefined;
  return { column, root: schema.tables.find((t) => ROOT_TABLE.test(t.table) && !t.columns.some((c) => c.column === column)) };
}

export interface TableKinds {
  kinds: Map<string, EntityKind>;
  /** Tenant-scoped tables that do not have the tenant key yet (the tenancy pass adds it). */
  gainsTenantKey: string[];
}

/**
 * The root is the tenant root; a table with the tenant key is tenant-scoped. A table without it that must
 * belong to a tenant-scoped row (a required foreign key to one: invoice lines of an invoice) is scoped too,
 * since RLS needs the key on every tenant table. Anything else is shared (global).
 */
export function tableKinds(schema: ExistingSchema, key: TenantKey | undefined): TableKinds {
  const kinds = new Map<string, EntityKind>();
  const gains: string[] = [];
  const scoped = (table: string): boolean => kinds.get(table) === 'tenant' || kinds.get(table) === 'junction';
  for (const t of schema.tables) {
    if (key?.root === t) kinds.set(t.table, 'tenant-root');
    else if (!key || t.columns.some((c) => c.column === key.column)) kinds.set(t.table, isJunction(t, key) ? 'junction' : 'tenant');
  }
  // Without any tenant key every table is tenant data; the root is the one named like one, if any.
  if (!key) {
    const root = schema.tables.find((t) => ROOT_TABLE.test(t.table));
    if (root) kinds.set(root.table, 'tenant-root');
    return { kinds, gainsTenantKey: schema.tables.filter((t) => t !== root).map((t) => t.table) };
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of schema.tables) {
      if (kinds.has(t.table)) continue;
      const owned = t.foreignKeys.some((fk) => scoped(fk.table) && fk.columns.every((c) => t.columns.find((x) => x.column === c)?.nullable === false));
      if (!owned) continue;
      kinds.set(t.table, isJunction(t, key) ? 'junction' : 'tenant');
      gains.push(t.table);
      changed = true;
    }
  }
  for (const t of schema.tables) if (!kinds.has(t.table)) kinds.set(t.table, 'global');
  return { kinds, gainsTenantKey: gains };
}

/** A link table: its primary key is two foreign key columns (besides the tenant key). */
export function isJunction(t: ExistingTable, key: TenantKey | undefined): boolean {
  const pk = t.columns.filter((c) => c.primaryKey && c.column !== key?.column).map((c) => c.column);
  const fkColumns = new Set(t.foreignKeys.filter((fk) => fk.columns.length === 1 || fk.columns.includes(key?.column ?? '')).flatMap((fk) => fk.columns));
  return pk.length === 2 && pk.every((c) => fkColumns.has(c));
}
