/**
 * The statements the coverage proof plans: one per query pattern (equality columns as parameters, the range as
 * `>=`, the pattern's own conditions as literals, its ORDER BY), and one bare SELECT per tenant table, whose
 * only condition is the one its policy adds. Parameters stay unbound: the proof wants the generic plan.
 */
import { findEntity, findField, isTenantScoped, type DataModel, type Entity, type Predicate, type QueryPattern } from '../../../model/index.ts';
import type { Catalog } from '../../database/catalog.ts';
import { quoteCatalogIdent as q } from '../../database/read-catalog.ts';
import { sqlValue } from '../../sql/quote.ts';

export interface PatternColumns {
  equality: string[];
  range: string | undefined;
  /** Range column, then sort columns, without repeats or equality columns. */
  tail: string[];
}

export interface AccessPath {
  kind: 'query-pattern' | 'tenant-policy';
  entity: string;
  table: string;
  description: string;
  sql: string;
  parameters: number;
  /** Physical columns of a query pattern. */
  columns?: PatternColumns;
}

export type Resolved = { ok: true; path: AccessPath } | { ok: false; entity: string; table: string; description: string; error: string };

export function accessPaths(model: DataModel, catalog: Catalog, schema = 'public'): Resolved[] {
  const tables = new Set(catalog.tables.map((t) => t.name));
  const patterns = model.queryPatterns.map((p) => patternPath(model, p, schema));
  const policies = model.entities
    .filter((e) => isTenantScoped(e) && tables.has(e.table))
    .map((e): Resolved => ({
      ok: true,
      path: {
        kind: 'tenant-policy', entity: e.name, table: e.table, description: `${model.tenancy.column} = current tenant`,
        sql: `SELECT * FROM ${q(schema)}.${q(e.table)}`, parameters: 0,
      },
    }));
  return [...patterns, ...policies];
}

function patternPath(model: DataModel, pattern: QueryPattern, schema: string): Resolved {
  const entity = findEntity(model, pattern.entity);
  const base = { entity: pattern.entity, table: entity?.table ?? pattern.entity, description: pattern.description };
  if (!entity) return { ok: false, ...base, error: `the pattern names unknown entity "${pattern.entity}"` };
  const used = [...pattern.equality, ...(pattern.range ? [pattern.range] : []), ...pattern.orderBy.map((o) => o.field), ...pattern.where.map((p) => p.field)];
  const unknown = used.filter((f) => !findField(entity, f));
  if (unknown.length > 0) return { ok: false, ...base, error: `the pattern uses unknown field(s) ${unknown.join(', ')}` };

  const column = (field: string): string => findField(entity, field)!.column;
  const equality = pattern.equality.map(column);
  const range = pattern.range ? column(pattern.range) : undefined;
  const conditions = [
    ...equality.map((c, i) => `${q(c)} = $${i + 1}`),
    ...(range ? [`${q(range)} >= $${equality.length + 1}`] : []),
    ...pattern.where.map((p) => predicateSql(entity, p)),
  ];
  const order = pattern.orderBy.map((o) => `${q(column(o.field))} ${o.direction.toUpperCase()}`);
  const tail = [range, ...pattern.orderBy.map((o) => column(o.field))]
    .filter((c): c is string => c !== undefined && !equality.includes(c))
    .filter((c, i, all) => all.indexOf(c) === i);
  const sql = `SELECT * FROM ${q(schema)}.${q(entity.table)}` +
    (conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '') +
    (order.length ? ` ORDER BY ${order.join(', ')}` : '');
  return {
    ok: true,
    path: { kind: 'query-pattern', ...base, sql, parameters: equality.length + (range ? 1 : 0), columns: { equality, range, tail } },
  };
}

function predicateSql(entity: Entity, p: Predicate): string {
  const column = q(findField(entity, p.field)!.column);
  if (p.op === 'isNull') return `${column} IS NULL`;
  if (p.op === 'isNotNull') return `${column} IS NOT NULL`;
  return `${column} = ${sqlValue(p.value)}`;
}
