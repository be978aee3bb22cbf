/**
 * Prisma writes a composite FK with onDelete SetNull as ON DELETE SET NULL, which nulls every FK column,
 * org_id included: deleting the referenced row then fails on NOT NULL. PostgreSQL 15's column list nulls only
 * the reference. The column list is added to Prisma's own ADD CONSTRAINT statement, in place: appending a
 * DROP and a second ADD instead doubled the work of every such key (at 200 entities, 1,014 statements and
 * 507 extra constraint builds, a third of the migration's cost). The constraint keeps the name the schema
 * declares, and Prisma's diff reads SET NULL (col) as SetNull, so none of this shows up as drift.
 */
import type { DataModel } from '../../model/model.ts';
import { foreignKeys, type ForeignKey } from '../prisma/foreign-keys.ts';
import { quoteIdent } from '../sql/quote.ts';

/** The composite tenant FKs whose delete action must name the reference columns only. */
export function narrowedForeignKeys(model: DataModel): ForeignKey[] {
  return foreignKeys(model).filter((fk) => fk.tenantComposite && (fk.onDelete === 'SetNull' || fk.onDelete === 'SetDefault'));
}

/** The columns SET NULL / SET DEFAULT acts on: the reference, never the tenant key it shares with the parent. */
function referenceColumns(fk: ForeignKey): string[] {
  return fk.columns.filter((_, i) => fk.fields[i] === fk.relation?.field);
}

export interface NarrowOptions {
  /**
   * Every narrowed key must be in the SQL (the initial migration creates them all); otherwise only the keys
   * the SQL adds are touched (a later migration's diff adds some of them).
   */
  requireAll: boolean;
}

/**
 * Prisma's DDL with `ON DELETE SET NULL` of each composite tenant key narrowed to `ON DELETE SET NULL (col)`.
 * Throws when a key that must be there is not: the migration would otherwise null the tenant key at run time.
 */
export function narrowSetNullForeignKeys(prismaSql: string, model: DataModel, options: NarrowOptions): string {
  let sql = prismaSql;
  const missing: string[] = [];
  for (const fk of narrowedForeignKeys(model)) {
    const action = ` ON DELETE ${fk.onDelete === 'SetNull' ? 'SET NULL' : 'SET DEFAULT'}`;
    const head = `ALTER TABLE ${quoteIdent(fk.from.table)} ADD CONSTRAINT ${quoteIdent(fk.constraintName)} FOREIGN KEY `;
    const start = sql.indexOf(head);
    const end = start < 0 ? -1 : sql.indexOf(';', start);
    const at = end < 0 ? -1 : sql.slice(start, end).lastIndexOf(action);
    if (at < 0) {
      if (options.requireAll || start >= 0) missing.push(fk.constraintName);
      continue;
    }
    const cut = start + at + action.length;
    sql = `${sql.slice(0, cut)} (${referenceColumns(fk).map(quoteIdent).join(', ')})${sql.slice(cut)}`;
  }
  if (missing.length > 0)
    throw new Error(`Prisma's migration has no ON DELETE SET NULL/SET DEFAULT foreign key to narrow for ${missing.join(', ')}`);
  return sql;
}
