/**
 * Alias matching of generated tables to gold entities and junctions (README "Alias lists", "m2m recall"), done
 * once per input and shared by every metric, so that all metrics agree on which table is which.
 */
import type { Catalog, CatalogColumn, CatalogForeignKey, CatalogTable } from '../../src/tools/database/catalog.ts';
import { isMultiTenant, type Gold, type GoldManyToMany } from './gold.ts';

export const TENANT_KEY = 'org_id';
/** Audit columns of our output contract: conventions, never evidence of a business relationship. */
const AUDIT_COLUMNS: readonly string[] = ['created_at', 'updated_at', 'created_by'];

/** Generated names compare lower-case and unquoted. */
export function norm(name: string): string {
  return name.replace(/^"(.*)"$/, '$1').toLowerCase();
}

export function inAliases(name: string, aliases: readonly string[]): boolean {
  return aliases.includes(norm(name));
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map(norm));
  const right = new Set(b.map(norm));
  return left.size === right.size && [...left].every((name) => right.has(name));
}

export function findColumn(table: CatalogTable, name: string): CatalogColumn | undefined {
  return table.columns.find((c) => norm(c.name) === name);
}

export function hasTenantColumn(table: CatalogTable): boolean {
  return findColumn(table, TENANT_KEY) !== undefined;
}

/**
 * The column(s) an FK is about: a composite tenant FK (org_id, project_id) → projects(org_id, id) is about
 * project_id; the README compares that column with the gold's `fk`.
 */
export function fkKeyColumns(fk: CatalogForeignKey): string[] {
  const own = fk.columns.map(norm).filter((c) => c !== TENANT_KEY);
  return own.length > 0 ? own : fk.columns.map(norm);
}

export function isTenantForeignKey(fk: CatalogForeignKey): boolean {
  return fk.columns.length === 1 && norm(fk.columns[0] ?? '') === TENANT_KEY;
}

export function isAuditForeignKey(fk: CatalogForeignKey): boolean {
  const own = fkKeyColumns(fk);
  return own.length === 1 && AUDIT_COLUMNS.includes(own[0] ?? '');
}

export interface UniqueKey {
  name: string;
  columns: string[];
  partial: boolean;
}

/** Primary key and unique indexes (partial and expression ones included: the caller decides). */
export function uniqueKeys(table: CatalogTable): UniqueKey[] {
  const keys: UniqueKey[] = [];
  if (table.primaryKey.length > 0) keys.push({ name: 'primary key', columns: table.primaryKey.map(norm), partial: false });
  for (const index of table.indexes) {
    if (!index.unique && !index.primary) continue;
    keys.push({ name: index.name, columns: index.columns.map(norm), partial: index.predicate !== null });
  }
  return keys;
}

/**
 * Can `columns` be assigned one-to-one to `positions` (each position an alias list), in any order? Small key
 * sizes make a backtracking search cheap.
 */
export function coversPositions(columns: readonly string[], positions: readonly (readonly string[])[]): boolean {
  if (columns.length !== positions.length) return false;
  const used = new Array<boolean>(columns.length).fill(false);
  const assign = (p: number): boolean => {
    const aliases = positions[p];
    if (aliases === undefined) return true;
    for (let c = 0; c < columns.length; c++) {
      if (used[c] || !inAliases(columns[c] ?? '', aliases)) continue;
      used[c] = true;
      if (assign(p + 1)) return true;
      used[c] = false;
    }
    return false;
  };
  return assign(0);
}

export type TableRole =
  | { kind: 'entity'; index: number }
  | { kind: 'junction'; index: number }
  | { kind: 'allowed-extra' }
  | { kind: 'convention' }
  | { kind: 'unmatched' };

export interface JunctionMatch {
  /** The table standing for the relation: the alias match when there is one, else the structural match. */
  table: CatalogTable | undefined;
  /** Some explicit table has FKs to both sides and a key on exactly those FK columns (org_id may be added). */
  satisfied: boolean;
  /** Every table matched to this relation (an alias match that lacks the key plus the table that has it). */
  tables: CatalogTable[];
}

export interface MatchOptions {
  /** The tenant root table the generator reports (report.json tenancy.rootTable). */
  rootTable?: string;
}

export interface SchemaMatch {
  catalog: Catalog;
  gold: Gold;
  multiTenant: boolean;
  /** Per gold entity, the generated table chosen for it: the one named by the earliest alias. */
  entities: Array<CatalogTable | undefined>;
  junctions: JunctionMatch[];
  roles: Map<string, TableRole>;
  /** The organizations table: the gold root's match, else the reported root, else the target of org_id FKs. */
  rootTable: string | undefined;
  /** README's tenant-scoped set: tables of tenantScoped entities and of junctions with a tenant-scoped side. */
  tenantScoped: Set<string>;
  /**
   * Unmatched tables that our own conventions add (tenant root, the users table audit columns point at, the
   * memberships between them). Only single-tenant golds leave them out of entity precision; see evals/README.md.
   */
  conventionTables: string[];
}

export function matchSchema(catalog: Catalog, gold: Gold, options: MatchOptions = {}): SchemaMatch {
  const tables = catalog.tables.filter((t) => norm(t.name) !== '_prisma_migrations');
  const roles = new Map<string, TableRole>();

  const entities = gold.entities.map((entity, index) => {
    const candidates = tables.filter((t) => inAliases(t.name, entity.tables));
    for (const t of candidates) roles.set(norm(t.name), { kind: 'entity', index });
    return earliestAlias(candidates, entity.tables);
  });
  const entityTable = (aliases: readonly string[]): CatalogTable | undefined => {
    const i = gold.entities.findIndex((e) => sameList(e.tables, aliases));
    return i >= 0 ? entities[i] : undefined;
  };

  gold.manyToMany.forEach((m, index) => {
    for (const t of tables) if (m.junction && inAliases(t.name, m.junction)) roles.set(norm(t.name), { kind: 'junction', index });
  });
  const junctions = gold.manyToMany.map((m, index): JunctionMatch => {
    const aliasMatch = m.junction ? earliestAlias(tables.filter((t) => inAliases(t.name, m.junction ?? [])), m.junction) : undefined;
    const a = entityTable(m.a);
    const b = entityTable(m.b);
    const satisfies = (t: CatalogTable): boolean => a !== undefined && b !== undefined && hasJunctionKey(t, a.name, b.name);
    if (aliasMatch && satisfies(aliasMatch)) return { table: aliasMatch, satisfied: true, tables: [aliasMatch] };
    // Structural candidates: tables no alias claims, so an entity (inventory as variant × warehouse) is never
    // taken; and never Prisma's implicit _AToB tables, which cannot carry org_id or audit columns.
    const structural = tables.find((t) => !roles.has(norm(t.name)) && !t.name.startsWith('_') && satisfies(t));
    if (structural) roles.set(norm(structural.name), { kind: 'junction', index });
    return {
      table: aliasMatch ?? structural,
      satisfied: structural !== undefined,
      tables: [aliasMatch, structural].filter((t): t is CatalogTable => t !== undefined),
    };
  });

  const allowed = gold.allowedExtraTables ?? [];
  for (const t of tables) {
    if (!roles.has(norm(t.name)) && allowed.includes(norm(t.name))) roles.set(norm(t.name), { kind: 'allowed-extra' });
  }

  const rootEntity = gold.entities.findIndex((e) => e.tenantRoot);
  const rootTable =
    (rootEntity >= 0 ? entities[rootEntity]?.name : undefined) ?? options.rootTable ?? mostReferencedByTenantKey(tables);

  const conventionTables = findConventionTables(tables, roles, rootTable);
  for (const name of conventionTables) roles.set(name, { kind: 'convention' });
  for (const t of tables) if (!roles.has(norm(t.name))) roles.set(norm(t.name), { kind: 'unmatched' });

  const tenantScoped = new Set<string>();
  gold.entities.forEach((entity, i) => {
    const table = entities[i];
    if (entity.tenantScoped && table) tenantScoped.add(norm(table.name));
  });
  gold.manyToMany.forEach((m, i) => {
    if (!hasTenantSide(gold, m)) return;
    for (const t of junctions[i]?.tables ?? []) tenantScoped.add(norm(t.name));
  });

  return {
    catalog: { tables },
    gold,
    multiTenant: isMultiTenant(gold),
    entities,
    junctions,
    roles,
    rootTable: rootTable === undefined ? undefined : norm(rootTable),
    tenantScoped,
    conventionTables,
  };
}

/**
 * The generated table for any alias list of the gold: later sections repeat an entity's or junction's list, so
 * the list identifies it (and a structurally matched junction is found even without its alias).
 */
export function tableFor(match: SchemaMatch, aliases: readonly string[]): CatalogTable | undefined {
  const e = match.gold.entities.findIndex((entity) => sameList(entity.tables, aliases));
  if (e >= 0) return match.entities[e];
  const j = match.gold.manyToMany.findIndex((m) => m.junction !== undefined && sameList(m.junction, aliases));
  if (j >= 0) return match.junctions[j]?.table;
  return earliestAlias(match.catalog.tables.filter((t) => inAliases(t.name, aliases)), aliases);
}

function findTable(match: SchemaMatch, name: string): CatalogTable | undefined {
  return match.catalog.tables.find((t) => norm(t.name) === norm(name));
}

/**
 * Is `table` tenant-scoped in the generated schema? The gold decides for tables it knows; other tables count
 * when they carry org_id.
 */
function isTenantTable(match: SchemaMatch, name: string): boolean {
  const key = norm(name);
  if (match.tenantScoped.has(key)) return true;
  const role = match.roles.get(key);
  if (role?.kind === 'entity' && match.gold.entities[role.index]?.tenantScoped === false) return false;
  const table = findTable(match, key);
  return table !== undefined && hasTenantColumn(table);
}

/**
 * README natural-key rule: org_id may join a key only when the key already has a column referencing a
 * tenant-scoped table. Single-tenant golds know nothing of org_id, and our generator scopes every key by it,
 * so for them org_id may always be added (see evals/README.md).
 */
function orgIdMayJoin(match: SchemaMatch, table: CatalogTable, keyColumns: readonly string[]): boolean {
  if (!match.multiTenant) return true;
  return table.foreignKeys.some((fk) => {
    const own = fkKeyColumns(fk);
    return own.length === 1 && keyColumns.map(norm).includes(own[0] ?? '') && isTenantTable(match, fk.refTable);
  });
}

/**
 * Does some unique key of `table` equal `positions`, with org_id allowed as an extra column under the
 * natural-key rule? Returns the key's name, or undefined.
 */
export function findKeyFor(
  match: SchemaMatch,
  table: CatalogTable,
  positions: readonly (readonly string[])[],
  keys: readonly UniqueKey[],
): string | undefined {
  for (const key of keys) {
    if (coversPositions(key.columns, positions)) return key.name;
    if (!key.columns.includes(TENANT_KEY)) continue;
    const rest = key.columns.filter((c) => c !== TENANT_KEY);
    if (rest.length === key.columns.length - 1 && coversPositions(rest, positions) && orgIdMayJoin(match, table, rest)) {
      return key.name;
    }
  }
  return undefined;
}

function earliestAlias(candidates: CatalogTable[], aliases: readonly string[]): CatalogTable | undefined {
  let best: CatalogTable | undefined;
  let bestRank = Infinity;
  for (const t of candidates) {
    const rank = aliases.indexOf(norm(t.name));
    if (rank >= 0 && rank < bestRank) {
      best = t;
      bestRank = rank;
    }
  }
  return best;
}

/** FKs to both sides (two distinct constraints) and a non-partial unique key on exactly their columns. */
function hasJunctionKey(table: CatalogTable, a: string, b: string): boolean {
  const toA = table.foreignKeys.filter((fk) => norm(fk.refTable) === norm(a) && !isAuditForeignKey(fk));
  const toB = table.foreignKeys.filter((fk) => norm(fk.refTable) === norm(b) && !isAuditForeignKey(fk));
  const keys = uniqueKeys(table).filter((k) => !k.partial);
  for (const fa of toA) {
    for (const fb of toB) {
      if (fa === fb) continue;
      const columns = [...fkKeyColumns(fa), ...fkKeyColumns(fb)];
      if (keys.some((k) => sameSet(k.columns, columns) || sameSet(k.columns, [...columns, TENANT_KEY]))) return true;
    }
  }
  return false;
}

function hasTenantSide(gold: Gold, m: GoldManyToMany): boolean {
  return [m.a, m.b].some((side) => gold.entities.find((e) => sameList(e.tables, side))?.tenantScoped === true);
}

function mostReferencedByTenantKey(tables: CatalogTable[]): string | undefined {
  const counts = new Map<string, number>();
  for (const t of tables) {
    for (const fk of t.foreignKeys) if (isTenantForeignKey(fk)) counts.set(norm(fk.refTable), (counts.get(norm(fk.refTable)) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [name, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = name;
  return best;
}

function findConventionTables(tables: CatalogTable[], roles: Map<string, TableRole>, root: string | undefined): string[] {
  const users = new Set<string>();
  for (const t of tables) for (const fk of t.foreignKeys) if (isAuditForeignKey(fk)) users.add(norm(fk.refTable));
  const conventional = (name: string): boolean => name === root || users.has(name);
  const out: string[] = [];
  for (const t of tables) {
    const name = norm(t.name);
    if (roles.has(name)) continue;
    const business = t.foreignKeys.filter((fk) => !isAuditForeignKey(fk));
    const isMembership =
      business.length > 0 &&
      business.every((fk) => conventional(norm(fk.refTable))) &&
      business.some((fk) => users.has(norm(fk.refTable))) &&
      business.some((fk) => norm(fk.refTable) === root);
    if (conventional(name) || isMembership) out.push(name);
  }
  return out;
}
