/**
 * A SQLAlchemy models file → the existing schema. Reads declarative classes in both styles (1.x
 * `Column(...)`, 2.0 `Mapped[...] = mapped_column(...)`), mixins and `declared_attr`, module-level `Table(...)`
 * association tables, ForeignKey / ForeignKeyConstraint, relationship(), `__table_args__` constraints and
 * indexes, module-level Index(...) and Enum types (Python enum classes or literal labels).
 * Nothing is executed: the file is parsed (syntax.ts) and only literal arguments are understood; what is not
 * understood is reported as a problem with its line.
 */
import type { FieldDefault, ReferentialAction } from '../../../model/model.ts';
import { entityName } from '../../../model/names.ts';
import type { ColumnType, ExistingColumn, ExistingForeignKey, ExistingSchema, ExistingTable, ReadProblem } from '../types.ts';
import { dottedName, lastName, parsePython, type PyExpr, type PyStatement } from './syntax.ts';
import { annotationType, describe, mappedInner, sqlalchemyType, unwrapOptional, type PyEnum, type TypeContext } from './types.ts';

type Call = Extract<PyExpr, { kind: 'call' }>;

const ENUM_BASES = new Set(['Enum', 'StrEnum', 'IntEnum', 'Flag', 'IntFlag']);
const ACTIONS: Record<string, ReferentialAction> = {
  CASCADE: 'Cascade', 'SET NULL': 'SetNull', RESTRICT: 'Restrict', 'NO ACTION': 'NoAction', 'SET DEFAULT': 'SetDefault',
};

/** A relationship() as declared, resolved against the foreign keys once every table is known. */
interface DeclaredRelationship {
  attribute: string;
  target?: string;
  foreignKeys: string[];
  uselist?: boolean;
  secondary: boolean;
  line: number;
}

interface ClassInfo {
  name: string;
  bases: string[];
  body: PyStatement[];
  line: number;
}

interface TableDraft extends ExistingTable {
  relationships: DeclaredRelationship[];
  primaryKey: string[];
}

export function parseSqlalchemy(text: string, file = 'models.py'): ExistingSchema {
  const module = parsePython(text);
  const problems: ReadProblem[] = [...module.problems];
  const aliases = new Map<string, string>();
  const enums = new Map<string, PyEnum>();
  const classes = new Map<string, ClassInfo>();
  const tableVars = new Map<string, string>(); // Python variable of a Table(...) → table name

  for (const s of module.statements) {
    if (s.kind === 'import') for (const n of s.names) aliases.set(n.alias, n.name.split('.').at(-1)!);
  }
  const resolve = (e: PyExpr): string | undefined => {
    if (e.kind === 'name') return aliases.get(e.id) ?? e.id;
    return lastName(e);
  };
  for (const s of module.statements) {
    if (s.kind !== 'class') continue;
    const bases = s.bases.map((b) => resolve(b)).filter((b): b is string => !!b);
    if (bases.some((b) => ENUM_BASES.has(b)) && !s.body.some((b) => b.kind === 'assign' && b.targets.includes('__tablename__'))) {
      enums.set(s.name, { name: s.name, members: enumMembers(s.body) });
    } else {
      classes.set(s.name, { name: s.name, bases: s.bases.map((b) => lastName(b) ?? '').filter(Boolean), body: s.body, line: s.line });
    }
  }
  const ctx: TypeContext = { resolve, enums };

  const drafts: TableDraft[] = [];
  for (const info of classes.values()) {
    const own = info.body.find((b) => b.kind === 'assign' && b.targets.includes('__tablename__'));
    const abstract = info.body.some((b) => b.kind === 'assign' && b.targets.includes('__abstract__') && b.value?.kind === 'bool' && b.value.value);
    if (!own || own.kind !== 'assign' || abstract) continue;
    if (own.value?.kind !== 'str') {
      problems.push({ line: own.line, message: `${info.name}.__tablename__ is not a string literal; the class is skipped` });
      continue;
    }
    drafts.push(readClass(info, own.value.value));
  }
  for (const s of module.statements) {
    if (s.kind !== 'assign' || s.value?.kind !== 'call' || resolve(s.value.callee) !== 'Table') continue;
    const draft = readTable(s.value);
    if (draft) {
      drafts.push(draft);
      for (const t of s.targets) tableVars.set(t, draft.table);
    }
  }
  for (const s of module.statements) {
    const call = s.kind === 'expr' ? s.value : s.kind === 'assign' ? s.value : undefined;
    if (call?.kind === 'call' && resolve(call.callee) === 'Index') moduleIndex(call);
  }
  bindRelationships();
  return { kind: 'sqlalchemy', file, tables: drafts.map(({ relationships: _r, primaryKey: _p, ...table }) => table), problems };

  /** Own statements after those of the mixins and bases, as SQLAlchemy copies mixin columns onto the class. */
  function statementsOf(info: ClassInfo, seen = new Set<string>()): PyStatement[] {
    seen.add(info.name);
    const inherited = info.bases.flatMap((b) => {
      const base = classes.get(b);
      return base && !seen.has(b) ? statementsOf(base, seen) : [];
    });
    return [...info.body, ...inherited];
  }

  function readClass(info: ClassInfo, table: string): TableDraft {
    const draft: TableDraft = { name: info.name, table, columns: [], foreignKeys: [], indexes: [], relationships: [], primaryKey: [], line: info.line };
    const attributes = new Set<string>();
    const tableArgs: PyExpr[] = [];
    for (const s of statementsOf(info)) {
      if (s.kind === 'def' && s.decorators.some((d) => resolve(d) === 'declared_attr' || resolve(d) === 'directive') && s.returns) {
        if (!attributes.has(s.name)) member(draft, s.name, undefined, s.returns, s.line);
        attributes.add(s.name);
        continue;
      }
      if (s.kind !== 'assign' || s.targets.length !== 1) continue;
      const target = s.targets[0]!;
      if (target === '__table_args__') {
        if (s.value && !tableArgs.length) tableArgs.push(s.value);
        continue;
      }
      if (target.startsWith('__') || attributes.has(target)) continue;
      attributes.add(target);
      member(draft, target, s.annotation, s.value, s.line);
    }
    for (const args of tableArgs) {
      for (const item of args.kind === 'seq' ? args.items : [args]) if (item.kind === 'call') tableItem(draft, item);
    }
    finishPrimaryKey(draft);
    return draft;
  }

  /** A class attribute: a column, a relationship, or something else (ignored). */
  function member(draft: TableDraft, attribute: string, annotation: PyExpr | undefined, value: PyExpr | undefined, line: number): void {
    let call = value?.kind === 'call' ? value : undefined;
    // deferred(Column(...)) and similar wrappers hold the column as their first argument.
    if (call && ['deferred', 'column_property'].includes(resolve(call.callee) ?? '') && call.args[0]?.kind === 'call') call = call.args[0];
    const callee = call ? resolve(call.callee) : undefined;
    if (callee === 'relationship' || callee === 'relation') return void draft.relationships.push(relationshipOf(attribute, annotation, call!, line));
    if (callee === 'Column' || callee === 'mapped_column') return void column(draft, attribute, annotation, call!, line);
    if (!value && annotation && mappedInner(annotation, ctx)) return void column(draft, attribute, annotation, undefined, line);
  }

  function column(draft: TableDraft, attribute: string, annotation: PyExpr | undefined, call: Call | undefined, line: number): void {
    const args = [...(call?.args ?? [])];
    const kw = call?.kwargs ?? new Map<string, PyExpr>();
    const named = args[0]?.kind === 'str' ? (args.shift() as { value: string }).value : undefined;
    const nameKw = kw.get('name');
    const columnName = named ?? (nameKw?.kind === 'str' ? nameKw.value : attribute);
    const fromAnnotation = annotation ? annotationType(annotation, ctx) : undefined;
    let type: ColumnType | undefined;
    const typeKw = kw.get('type_');
    for (const arg of typeKw ? [typeKw, ...args] : args) {
      const argName = resolve(arg.kind === 'call' ? arg.callee : arg);
      if (argName === 'ForeignKey' && arg.kind === 'call') {
        const fk = foreignKey(arg, [columnName]);
        if (fk) draft.foreignKeys.push(fk);
        continue;
      }
      if (argName === 'Sequence' || argName === 'Identity') continue;
      const t = sqlalchemyType(arg, ctx, describe(arg));
      if (t) type = t;
      else problems.push({ line, message: `${draft.name}.${attribute}: argument ${describe(arg)} not understood; ignored` });
    }
    type ??= fromAnnotation?.type;
    const isFk = draft.foreignKeys.some((fk) => fk.columns.length === 1 && fk.columns[0] === columnName);
    if (!type && !isFk) problems.push({ line, message: `${draft.name}.${attribute}: no column type found; read as text` });
    type ??= { type: isFk ? 'uuid' : 'text', source: isFk ? 'the type of the referenced column' : '(none)' };
    const flag = (k: string): boolean | undefined => {
      const v = kw.get(k);
      return v?.kind === 'bool' ? v.value : undefined;
    };
    const primaryKey = flag('primary_key') ?? false;
    // Column(): nullable unless a primary key. mapped_column(): the annotation's Optional decides.
    const nullable = flag('nullable') ?? (primaryKey ? false : fromAnnotation ? fromAnnotation.nullable : true);
    const commentKw = kw.get('comment') ?? kw.get('doc');
    const existing: ExistingColumn = {
      attribute, column: columnName, type, nullable, primaryKey,
      unique: flag('unique') ?? false, indexed: flag('index') ?? false,
      default: defaultOf(kw.get('server_default'), true) ?? defaultOf(kw.get('default'), false),
      description: commentKw?.kind === 'str' ? commentKw.value : undefined, line,
    };
    draft.columns.push(existing);
    if (primaryKey) draft.primaryKey.push(columnName);
  }

  function foreignKey(call: Call, columns: string[]): ExistingForeignKey | undefined {
    const ref = call.args[0];
    const target = ref ? columnReference(ref) : undefined;
    if (!target) {
      problems.push({ line: call.line, message: `ForeignKey(${ref ? describe(ref) : ''}) does not name a table.column; ignored` });
      return undefined;
    }
    return { columns, table: target.table, references: [target.column], onDelete: action(call.kwargs.get('ondelete')), onUpdate: action(call.kwargs.get('onupdate')), line: call.line };
  }

  /** "users.id", "public.users.id", User.id or users_table.c.id → table and column. */
  function columnReference(e: PyExpr): { table: string; column: string } | undefined {
    if (e.kind === 'str') {
      const parts = e.value.split('.');
      if (parts.length < 2) return undefined;
      const [table, column] = parts.slice(-2) as [string, string];
      return { table: classTable(table) ?? table, column };
    }
    if (e.kind === 'attr') {
      const owner = e.object.kind === 'attr' && e.object.name === 'c' ? dottedName(e.object.object) : dottedName(e.object);
      if (!owner) return undefined;
      const table = tableVars.get(owner) ?? classTable(owner) ?? owner;
      return { table, column: e.name };
    }
    return undefined;
  }

  function classTable(name: string): string | undefined {
    const info = classes.get(name);
    const own = info?.body.find((b) => b.kind === 'assign' && b.targets.includes('__tablename__'));
    return own?.kind === 'assign' && own.value?.kind === 'str' ? own.value.value : undefined;
  }

  function action(e: PyExpr | undefined): ReferentialAction | undefined {
    if (e?.kind !== 'str') return undefined;
    const found = ACTIONS[e.value.toUpperCase().replace(/\s+/g, ' ').trim()];
    if (!found) problems.push({ message: `referential action ${JSON.stringify(e.value)} not understood; the default rule applies` });
    return found;
  }

  function defaultOf(e: PyExpr | undefined, server: boolean): FieldDefault | undefined {
    if (!e) return undefined;
    if (e.kind === 'str') return server ? sqlDefault(e.value) : { kind: 'value', value: e.value };
    if (e.kind === 'num' || e.kind === 'bool') return { kind: 'value', value: e.value };
    if (e.kind === 'call') {
      const fn = resolve(e.callee);
      if (fn === 'text' && e.args[0]?.kind === 'str') return sqlDefault(e.args[0].value);
      if (fn === 'now' || fn === 'current_timestamp' || fn === 'utcnow') return { kind: 'now' };
      if (fn === 'gen_random_uuid' || fn === 'uuid_generate_v4') return { kind: 'uuid' };
      return undefined;
    }
    if (e.kind === 'attr' || e.kind === 'name') {
      const fn = resolve(e);
      if (fn === 'uuid4' || fn === 'uuid1') return { kind: 'uuid' };
      if (fn === 'utcnow' || fn === 'now') return { kind: 'now' };
      if (e.kind === 'attr' && e.object.kind === 'name' && enums.has(e.object.id)) return { kind: 'value', value: e.name };
    }
    return undefined;
  }

  function relationshipOf(attribute: string, annotation: PyExpr | undefined, call: Call, line: number): DeclaredRelationship {
    const first = call.args[0];
    let target = first ? targetName(first) : undefined;
    if (!target && annotation) {
      const inner = mappedInner(annotation, ctx);
      if (inner) {
        const { expr } = unwrapOptional(inner, ctx);
        const element = expr.kind === 'subscript' ? expr.items[0] : expr;
        target = element ? targetName(element) : undefined;
      }
    }
    const fks = call.kwargs.get('foreign_keys');
    const uselist = call.kwargs.get('uselist');
    return {
      attribute, target, line,
      foreignKeys: fks ? referencedAttributes(fks) : [],
      uselist: uselist?.kind === 'bool' ? uselist.value : undefined,
      secondary: call.kwargs.has('secondary'),
    };
  }

  function targetName(e: PyExpr): string | undefined {
    if (e.kind === 'str') return e.value.split('.').at(-1);
    if (e.kind === 'lambda') return targetName(e.body);
    return lastName(e);
  }

  /** foreign_keys=[owner_id], "[Task.owner_id]", "Task.owner_id" or Task.owner_id → attribute names. */
  function referencedAttributes(e: PyExpr): string[] {
    if (e.kind === 'seq') return e.items.flatMap(referencedAttributes);
    if (e.kind === 'str') return e.value.replace(/[[\]\s]/g, '').split(',').filter(Boolean).map((s) => s.split('.').at(-1)!);
    const name = lastName(e);
    return name ? [name] : [];
  }

  function tableItem(draft: TableDraft, call: Call): void {
    const kind = resolve(call.callee);
    const columnsOf = (items: PyExpr[]): string[] | undefined => {
      const names = items.map((i) => (i.kind === 'str' ? i.value : i.kind === 'attr' || i.kind === 'name' ? lastName(i) : undefined));
      return names.every((n): n is string => !!n) ? names.map((n) => columnFor(draft, n)) : undefined;
    };
    const name = call.kwargs.get('name');
    if (kind === 'UniqueConstraint' || kind === 'PrimaryKeyConstraint') {
      const columns = columnsOf(call.args);
      if (!columns?.length) return void problems.push({ line: call.line, message: `${draft.name}: ${describe(call)} not understood; ignored` });
      if (kind === 'PrimaryKeyConstraint') draft.primaryKey = columns;
      else draft.indexes.push({ columns, unique: true, name: name?.kind === 'str' ? name.value : undefined, line: call.line });
      return;
    }
    if (kind === 'Index') return void indexOf(draft, call);
    if (kind === 'ForeignKeyConstraint') {
      const [local, remote] = call.args;
      const columns = local?.kind === 'seq' ? columnsOf(local.items) : undefined;
      const refs = remote?.kind === 'seq' ? remote.items.map(columnReference) : [];
      if (!columns || !refs.length || refs.some((r) => !r) || new Set(refs.map((r) => r!.table)).size !== 1 || refs.length !== columns.length)
        return void problems.push({ line: call.line, message: `${draft.name}: ${describe(call)} not understood; ignored` });
      draft.foreignKeys.push({
        columns, table: refs[0]!.table, references: refs.map((r) => r!.column),
        onDelete: action(call.kwargs.get('ondelete')), onUpdate: action(call.kwargs.get('onupdate')), line: call.line,
      });
      return;
    }
    if (kind === 'CheckConstraint') return void problems.push({ line: call.line, message: `${draft.name}: check constraints are not carried over (${describe(call)})` });
  }

  function indexOf(draft: TableDraft, call: Call): void {
    const [nameArg, ...rest] = call.args;
    const columns: string[] = [];
    for (const item of rest) {
      const col = item.kind === 'str' ? item.value : item.kind === 'attr' ? item.name : undefined;
      if (!col) return void problems.push({ line: call.line, message: `${draft.name}: index ${describe(call)} has an expression column; not carried over` });
      columns.push(columnFor(draft, col));
    }
    if (!columns.length) return;
    const unique = call.kwargs.get('unique');
    const where = call.kwargs.get('postgresql_where');
    let predicate: string | undefined;
    if (where) {
      predicate = where.kind === 'str' ? where.value : where.kind === 'call' && resolve(where.callee) === 'text' && where.args[0]?.kind === 'str' ? where.args[0].value : undefined;
      if (predicate === undefined) return void problems.push({ line: call.line, message: `${draft.name}: index ${describe(call)} has a predicate that is not SQL text; not carried over` });
    }
    draft.indexes.push({ columns, unique: unique?.kind === 'bool' && unique.value, name: nameArg?.kind === 'str' ? nameArg.value : undefined, where: predicate, line: call.line });
  }

  /** Index("ix", Task.status) after the class, or Index("ix", tasks.c.status) after a Table. */
  function moduleIndex(call: Call): void {
    const ref = call.args[1];
    const owner = ref?.kind === 'attr' ? (ref.object.kind === 'attr' && ref.object.name === 'c' ? dottedName(ref.object.object) : dottedName(ref.object)) : undefined;
    const table = owner ? tableVars.get(owner) ?? classTable(owner) : undefined;
    const draft = drafts.find((d) => d.table === table);
    if (!draft) return void problems.push({ line: call.line, message: `${describe(call)}: the indexed table is not in this file; ignored` });
    indexOf(draft, call);
  }

  function readTable(call: Call): TableDraft | undefined {
    const [nameArg, , ...items] = call.args;
    if (nameArg?.kind !== 'str') {
      problems.push({ line: call.line, message: `${describe(call.callee)}(...) without a literal table name; skipped` });
      return undefined;
    }
    const draft: TableDraft = { name: entityName(nameArg.value), table: nameArg.value, columns: [], foreignKeys: [], indexes: [], relationships: [], primaryKey: [], line: call.line };
    for (const item of items) {
      if (item.kind !== 'call') continue;
      if (resolve(item.callee) === 'Column') {
        const name = item.args[0]?.kind === 'str' ? item.args[0].value : undefined;
        if (name) column(draft, name, undefined, item, item.line);
      } else tableItem(draft, item);
    }
    finishPrimaryKey(draft);
    return draft;
  }

  function finishPrimaryKey(draft: TableDraft): void {
    for (const c of draft.columns) {
      c.primaryKey = draft.primaryKey.includes(c.column);
      if (c.primaryKey) c.nullable = false;
    }
  }

  /** Binds each relationship() to the foreign key it navigates, which names the relation and marks one-to-one. */
  function bindRelationships(): void {
    const byClass = new Map(drafts.map((d) => [d.name, d]));
    for (const draft of drafts) {
      for (const rel of draft.relationships) {
        if (rel.secondary) continue;
        const target = rel.target ? byClass.get(rel.target) : undefined;
        if (!target) {
          problems.push({ line: rel.line, message: `${draft.name}.${rel.attribute}: relationship target ${rel.target ?? '(unknown)'} is not a table of this file` });
          continue;
        }
        const fkColumns = rel.foreignKeys.map((a) => columnFor(draft, a));
        const own = draft.foreignKeys.filter((fk) => fk.table === target.table && (fkColumns.length === 0 || fkColumns.every((c) => fk.columns.includes(c))));
        if (own.length === 1) {
          own[0]!.relation ??= rel.attribute;
          if (rel.uselist === false) own[0]!.oneToOne = true;
          continue;
        }
        // The one side of a relation: uselist=False here makes the other table's foreign key one-to-one.
        const back = target.foreignKeys.filter((fk) => fk.table === draft.table);
        if (rel.uselist === false && back.length === 1) back[0]!.oneToOne = true;
      }
    }
  }
}

/** The column name of an attribute of the class (Column("display_name") assigned to full_name). */
function columnFor(draft: ExistingTable, name: string): string {
  return draft.columns.find((c) => c.column === name)?.column ?? draft.columns.find((c) => c.attribute === name)?.column ?? name;
}

function enumMembers(body: PyStatement[]): PyEnum['members'] {
  return body
    .filter((s): s is Extract<PyStatement, { kind: 'assign' }> => s.kind === 'assign' && s.targets.length === 1 && !s.targets[0]!.startsWith('_'))
    .map((s) => ({ name: s.targets[0]!, value: s.value?.kind === 'str' || s.value?.kind === 'num' ? s.value.value : undefined }));
}

/** A server_default's SQL text → a default we can state, or undefined for an expression we do not model. */
function sqlDefault(sql: string): FieldDefault | undefined {
  const text = sql.trim();
  if (/^(now\(\)|current_timestamp(\(\))?|localtimestamp|timezone\('utc', now\(\)\))$/i.test(text)) return { kind: 'now' };
  if (/^(gen_random_uuid|uuid_generate_v4)\(\)$/i.test(text)) return { kind: 'uuid' };
  if (/^(true|false)$/i.test(text)) return { kind: 'value', value: text.toLowerCase() === 'true' };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { kind: 'value', value: Number(text) };
  const quoted = /^'((?:[^']|'')*)'(::[\w ]+)?$/.exec(text);
  if (quoted) return { kind: 'value', value: quoted[1]!.replace(/''/g, "'") };
  // server_default="free" is the literal text free, which SQLAlchemy quotes itself.
  if (!/[()\s:]/.test(text)) return { kind: 'value', value: text };
  return undefined;
}
