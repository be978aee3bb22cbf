/**
 * SQLAlchemy column types and 2.0 `Mapped[...]` annotations → the data model's logical types. The names are
 * SQLAlchemy's generic and PostgreSQL dialect types; anything else is reported and stands in as text.
 */
import type { ColumnType } from '../types.ts';
import { lastName, type PyExpr } from './syntax.ts';

/** A Python enum class of the file: its member names and values, in order. */
export interface PyEnum {
  name: string;
  members: Array<{ name: string; value: string | number | undefined }>;
}

export interface TypeContext {
  /** Local name → imported name (`SAEnum` → `Enum`). */
  resolve(e: PyExpr): string | undefined;
  enums: ReadonlyMap<string, PyEnum>;
}

const SIMPLE: Record<string, ColumnType['type']> = {
  Integer: 'integer', INTEGER: 'integer', INT: 'integer', SmallInteger: 'integer', SMALLINT: 'integer',
  BigInteger: 'bigint', BIGINT: 'bigint',
  Text: 'text', TEXT: 'text', UnicodeText: 'text', CITEXT: 'text',
  Float: 'float', FLOAT: 'float', REAL: 'float', Double: 'float', DOUBLE: 'float', DOUBLE_PRECISION: 'float',
  Boolean: 'boolean', BOOLEAN: 'boolean',
  Date: 'date', DATE: 'date',
  Time: 'time', TIME: 'time',
  Uuid: 'uuid', UUID: 'uuid',
  JSON: 'json', JSONB: 'json',
};
const STRINGS = new Set(['String', 'VARCHAR', 'Unicode', 'NVARCHAR', 'CHAR', 'NCHAR']);
const DECIMALS = new Set(['Numeric', 'NUMERIC', 'DECIMAL']);
const DATETIMES = new Set(['DateTime', 'DATETIME', 'TIMESTAMP']);

/** A SQLAlchemy type expression (`String(120)`, `sa.Numeric(12, 2)`, `Enum(Stage, name="stage")`), or undefined if it is not one. */
export function sqlalchemyType(e: PyExpr, ctx: TypeContext, source: string): ColumnType | undefined {
  const call = e.kind === 'call' ? e : undefined;
  const name = ctx.resolve(call ? call.callee : e);
  if (!name) return undefined;
  const args = call?.args ?? [];
  const kw = call?.kwargs ?? new Map<string, PyExpr>();
  const num = (x: PyExpr | undefined): number | undefined => (x?.kind === 'num' && Number.isInteger(x.value) && x.value > 0 ? x.value : undefined);
  const simple = SIMPLE[name];
  if (simple) return { type: simple, source };
  if (STRINGS.has(name)) {
    const length = num(args[0] ?? kw.get('length'));
    return length ? { type: 'string', maxLength: length, source } : { type: 'string', source };
  }
  if (DECIMALS.has(name)) {
    const precision = num(args[0] ?? kw.get('precision'));
    const scaleExpr = args[1] ?? kw.get('scale');
    const scale = scaleExpr?.kind === 'num' && Number.isInteger(scaleExpr.value) && scaleExpr.value >= 0 ? scaleExpr.value : undefined;
    return { type: 'decimal', precision, scale: precision === undefined ? undefined : scale, source };
  }
  if (DATETIMES.has(name)) {
    const tz = kw.get('timezone') ?? args[0];
    return { type: 'datetime', timezone: tz?.kind === 'bool' && tz.value, source };
  }
  if (name === 'TIMESTAMPTZ') return { type: 'datetime', timezone: true, source };
  if (name === 'Enum' && call) return enumType(call, ctx, source);
  if (['ARRAY', 'LargeBinary', 'BYTEA', 'Interval', 'INTERVAL', 'INET', 'CIDR', 'TSVECTOR', 'PickleType', 'Geometry'].includes(name))
    return { type: 'text', source, unsupported: true };
  return undefined;
}

function enumType(call: Extract<PyExpr, { kind: 'call' }>, ctx: TypeContext, source: string): ColumnType | undefined {
  const named = call.kwargs.get('name');
  const dbName = named?.kind === 'str' ? named.value : undefined;
  const first = call.args[0];
  const pyEnum = first && first.kind !== 'str' ? ctx.enums.get(lastName(first) ?? '') : undefined;
  if (pyEnum) {
    // SQLAlchemy stores a Python enum's member names unless values_callable says otherwise.
    const byValue = call.kwargs.has('values_callable');
    return { type: 'enum', enum: { name: dbName ?? pyEnum.name.toLowerCase(), values: enumLabels(pyEnum, byValue) }, source };
  }
  const values = call.args.filter((a): a is { kind: 'str'; value: string } => a.kind === 'str').map((a) => a.value);
  if (values.length === 0) return undefined;
  return { type: 'enum', enum: { name: dbName ?? '', values }, source };
}

function enumLabels(e: PyEnum, byValue: boolean): string[] {
  return e.members.map((m) => (byValue && m.value !== undefined ? String(m.value) : m.name));
}

const ANNOTATIONS: Record<string, ColumnType['type']> = {
  int: 'integer', str: 'string', bool: 'boolean', float: 'float', Decimal: 'decimal', datetime: 'datetime', date: 'date',
  time: 'time', UUID: 'uuid', dict: 'json', list: 'json', Any: 'json',
};

/**
 * The column a `Mapped[...]` annotation implies when mapped_column() names no type: the inner type, and
 * whether Optional / `| None` makes it nullable.
 */
export function annotationType(annotation: PyExpr, ctx: TypeContext): { type?: ColumnType; nullable: boolean } | undefined {
  const inner = mappedInner(annotation, ctx);
  if (!inner) return undefined;
  const { expr, nullable } = unwrapOptional(inner, ctx);
  const source = describe(expr);
  const base = expr.kind === 'subscript' ? expr.object : expr;
  const name = ctx.resolve(base);
  if (!name) return { nullable };
  const pyEnum = ctx.enums.get(name);
  // SQLAlchemy 2.0 maps a Python enum annotation to Enum(cls): type name = class name lower-cased, labels = member names.
  if (pyEnum) return { type: { type: 'enum', enum: { name: pyEnum.name.toLowerCase(), values: enumLabels(pyEnum, false) }, source }, nullable };
  const type = ANNOTATIONS[name];
  if (type === 'datetime') return { type: { type, timezone: false, source }, nullable };
  if (type) return { type: { type, source }, nullable };
  if (name === 'bytes') return { type: { type: 'text', source, unsupported: true }, nullable };
  return { nullable };
}

/** `Mapped[X]` → X; anything else → undefined. */
export function mappedInner(annotation: PyExpr, ctx: TypeContext): PyExpr | undefined {
  if (annotation.kind !== 'subscript' || ctx.resolve(annotation.object) !== 'Mapped') return undefined;
  return annotation.items[0];
}

export function unwrapOptional(e: PyExpr, ctx: TypeContext): { expr: PyExpr; nullable: boolean } {
  if (e.kind === 'union') {
    const rest = e.items.filter((i) => i.kind !== 'none');
    return { expr: rest[0] ?? e, nullable: rest.length < e.items.length };
  }
  if (e.kind === 'subscript' && ctx.resolve(e.object) === 'Optional' && e.items[0]) return { expr: e.items[0], nullable: true };
  if (e.kind === 'subscript' && ctx.resolve(e.object) === 'Union') {
    const rest = e.items.filter((i) => i.kind !== 'none');
    return { expr: rest[0] ?? e, nullable: rest.length < e.items.length };
  }
  return { expr: e, nullable: false };
}

export function describe(e: PyExpr): string {
  switch (e.kind) {
    case 'name':
      return e.id;
    case 'attr':
      return `${describe(e.object)}.${e.name}`;
    case 'subscript':
      return `${describe(e.object)}[${e.items.map(describe).join(', ')}]`;
    case 'call':
      return `${describe(e.callee)}(${[...e.args.map(describe), ...[...e.kwargs].map(([k, v]) => `${k}=${describe(v)}`)].join(', ')})`;
    case 'str':
      return JSON.stringify(e.value);
    case 'num':
      return String(e.value);
    case 'bool':
      return e.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'seq':
      return `(${e.items.map(describe).join(', ')})`;
    case 'union':
      return e.items.map(describe).join(' | ');
    case 'dict':
      return '{…}';
    case 'lambda':
      return `lambda: ${describe(e.body)}`;
    case 'other':
      return e.text;
  }
}
