/** What several rules need to know about the applied schema: which tables are tenant-scoped, index keys, names. */
import { findEntity, isTenantScoped, type DataModel, type Entity } from '../../../model/index.ts';
import type { CatalogForeignKey, CatalogIndex, CatalogPolicy, CatalogTable } from '../../database/catalog.ts';
import { quoteCatalogIdent } from '../../database/read-catalog.ts';
import type { RuleContext } from './rule.ts';

export { quoteCatalogIdent as q } from '../../database/read-catalog.ts';

export function rootTable(model: DataModel): string {
  return findEntity(model, model.tenancy.rootEntity)?.table ?? 'organizations';
}

/**
 * Tenant tables: the ones the model declares tenant-scoped plus every other table that carries the tenant
 * column (the evals' RLS-coverage set), the tenant root excepted. Declared ones are judged even when the
 * column is missing, so that a lost org_id is reported rather than silently exempting the table.
 */
export function tenantTables({ model, catalog }: RuleContext): CatalogTable[] {
  const declared = new Set(model.entities.filter(isTenantScoped).map((e) => e.table));
  const root = rootTable(model);
  return (catalog?.tables ?? []).filter(
    (t) => t.name !== root && (declared.has(t.name) || t.columns.some((c) => c.name === model.tenancy.column)),
  );
}

export function entityOfTable(model: DataModel, table: string): Entity | undefined {
  return model.entities.find((e) => e.table === table);
}

/** The model's field names for physical columns, for Prisma patches; a column the model does not know stays as is. */
export function fieldNames(model: DataModel, table: string, columns: readonly string[]): string[] {
  const entity = entityOfTable(model, table);
  return columns.map((c) => entity?.fields.find((f) => f.column === c)?.name ?? c);
}

export function modelName(model: DataModel, table: string): string {
  return entityOfTable(model, table)?.name ?? `the model mapped to "${table}"`;
}

export function fkTarget(table: CatalogTable, fk: CatalogForeignKey): string {
  return fk.columns.length === 1 ? `${table.name}.${fk.columns[0]}` : `${table.name}(${fk.columns.join(', ')})`;
}

/** The access method, from pg_get_indexdef ("… USING btree (…)"). */
export function indexMethod(index: CatalogIndex): string {
  return /\sUSING\s+(\w+)\s*\(/.exec(index.definition)?.[1] ?? 'btree';
}

/**
 * The key expressions as PostgreSQL prints them ("org_id", "lower((email)::text)", "created_at DESC"), so
 * that two indexes over the same expression compare equal and a plain column never matches an expression.
 */
export function indexKeys(index: CatalogIndex): string[] {
  const start = /\sUSING\s+\w+\s*\(/.exec(index.definition);
  if (!start) return index.columns;
  return keyList(index.definition.slice(start.index + start[0].length));
}

/** INCLUDE columns make an index serve index-only scans a shorter key cannot: such an index is never redundant. */
export function hasInclude(index: CatalogIndex): boolean {
  return /\)\s+INCLUDE\s*\(/.test(index.definition);
}

/** The comma-separated items before the bracket that closes the key list, quoted text skipped. */
function keyList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const token of text.matchAll(/'(?:[^']|'')*'|"(?:[^"]|"")*"|[(),]|[^'"(),]+/g)) {
    const t = token[0];
    if (t === '(') depth++;
    if (t === ')' && depth-- === 0) break;
    if (t === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
    } else {
      current += t;
    }
  }
  if (current.trim()) items.push(current.trim());
  return items;
}

/** True when the index's first key columns are exactly `columns`, in any order. */
export function leadsWith(indexColumns: readonly string[], columns: readonly string[]): boolean {
  const leading = new Set(indexColumns.slice(0, columns.length));
  return leading.size === columns.length && columns.every((c) => leading.has(c));
}

/** Identifiers of `table` an SQL expression mentions (string literals skipped, quoted names unquoted). */
export function columnsIn(expression: string, table: CatalogTable): string[] {
  const names = new Set(table.columns.map((c) => c.name));
  const used = new Set<string>();
  // Literals, type casts ("::text" next to a column named text), aliases and function names are no column references.
  for (const m of expression.matchAll(/'(?:[^']|'')*'|\b[Aa][Ss]\s+(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)|::\s*(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)|"((?:[^"]|"")+)"(?!\s*\()|([A-Za-z_][A-Za-z0-9_$]*)(?!\s*\(|[\w$])/g)) {
    const name = m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2];
    if (name !== undefined && names.has(name)) used.add(name);
  }
  return [...used];
}

/** ALTER POLICY with the clauses its command takes (INSERT: WITH CHECK only; SELECT, DELETE: USING only). */
export function alterPolicySql(table: string, policy: CatalogPolicy, predicate: string): string {
  const using = policy.command === 'INSERT' ? '' : ` USING (${predicate})`;
  const check = policy.command === 'SELECT' || policy.command === 'DELETE' ? '' : ` WITH CHECK (${predicate})`;
  return `ALTER POLICY ${quoteCatalogIdent(policy.name)} ON ${quoteCatalogIdent(table)}${using}${check};`;
}
