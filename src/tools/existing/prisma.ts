/**
 * An existing schema.prisma → the existing schema, through Prisma's own parser (getDMMF, WASM, offline):
 * models with their @@map/@map names, native types, defaults, relations, @@unique/@@index with their names.
 * getDMMF does not report partial-index predicates, so `where: raw("...")` is read from the text beside it.
 */
import internals from '@prisma/internals';
import type { FieldDefault, ReferentialAction } from '../../model/model.ts';
import { InputError } from '../../errors.ts';
import type { ColumnType, ExistingColumn, ExistingForeignKey, ExistingIndex, ExistingSchema, ExistingTable, ReadProblem } from './types.ts';

type Dmmf = Awaited<ReturnType<typeof internals.getDMMF>>;
type DmmfModel = Dmmf['datamodel']['models'][number];
type DmmfField = DmmfModel['fields'][number];
type DmmfEnum = Dmmf['datamodel']['enums'][number];

const ACTIONS: ReadonlySet<string> = new Set(['Cascade', 'Restrict', 'NoAction', 'SetNull', 'SetDefault']);

export async function parsePrismaSchema(text: string, file = 'schema.prisma'): Promise<ExistingSchema> {
  let dmmf: Dmmf;
  try {
    dmmf = await internals.getDMMF({ datamodel: [[file, text]] });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\x1b\[[0-9;]*m/g, '');
    throw new InputError(`${file} is not a valid Prisma schema.`, [{ path: file, message: message.trim().split('\n').slice(0, 12).join('\n') }]);
  }
  const problems: ReadProblem[] = [];
  const enums = new Map(dmmf.datamodel.enums.map((e) => [e.name, e]));
  const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
  const predicates = partialIndexPredicates(text);
  const tableOf = (m: DmmfModel): string => m.dbName ?? m.name;
  const columnOf = (m: DmmfModel, field: string): string => {
    const f = m.fields.find((x) => x.name === field);
    return f?.dbName ?? field;
  };

  const tables = dmmf.datamodel.models.map((model): ExistingTable => {
    const primaryKey = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
    const columns: ExistingColumn[] = [];
    for (const field of model.fields) {
      if (field.kind === 'object') continue;
      if (field.kind === 'unsupported' || field.isList) {
        problems.push({ message: `${model.name}.${field.name}: ${field.isList ? 'scalar lists' : `type ${field.type}`} cannot be carried over; read as text` });
      }
      const type = field.kind === 'enum' ? enumType(enums.get(field.type)) : scalarType(field);
      columns.push({
        attribute: field.name, column: field.dbName ?? field.name, type, nullable: !field.isRequired,
        primaryKey: primaryKey.includes(field.name), unique: false, indexed: false,
        default: defaultOf(field, enums.get(field.type)), description: field.documentation,
      });
    }
    const foreignKeys: ExistingForeignKey[] = model.fields
      .filter((f) => f.kind === 'object' && (f.relationFromFields?.length ?? 0) > 0)
      .map((f) => {
        const target = models.get(f.type)!;
        const back = target.fields.find((b) => b.kind === 'object' && b.relationName === f.relationName && b !== f);
        return {
          columns: f.relationFromFields!.map((x) => columnOf(model, x)),
          table: tableOf(target),
          references: (f.relationToFields ?? []).map((x) => columnOf(target, x)),
          onDelete: action(f.relationOnDelete), onUpdate: action(f.relationOnUpdate),
          relation: f.name, oneToOne: back ? !back.isList : false,
        };
      });
    const indexes: ExistingIndex[] = dmmf.datamodel.indexes
      .filter((ix) => ix.model === model.name && (ix.type === 'unique' || ix.type === 'normal'))
      .map((ix) => ({
        columns: ix.fields.map((f) => columnOf(model, f.name)), unique: ix.type === 'unique', name: ix.dbName ?? undefined,
        where: ix.dbName ? predicates.get(ix.dbName) : undefined,
      }));
    return { name: model.name, table: tableOf(model), columns, foreignKeys, indexes };
  });
  return { kind: 'prisma', file, tables, problems };
}

function scalarType(field: DmmfField): ColumnType {
  const [native, args = []] = field.nativeType ?? [undefined, []];
  const source = native ? `${field.type} @db.${native}${args.length ? `(${args.join(', ')})` : ''}` : field.type;
  const n = (i: number): number | undefined => (args[i] === undefined ? undefined : Number(args[i]));
  switch (field.type) {
    case 'String':
      if (native === 'Uuid') return { type: 'uuid', source };
      if (native === 'VarChar' || native === 'Char') return { type: 'string', maxLength: n(0), source };
      if (native === 'Text' || native === 'Citext') return { type: 'text', source };
      if (native) return { type: 'text', source, unsupported: true };
      return { type: 'string', source };
    case 'Int':
      return { type: 'integer', source };
    case 'BigInt':
      return { type: 'bigint', source };
    case 'Float':
      return { type: 'float', source };
    // Without @db.Decimal Prisma creates DECIMAL(65,30); keep it, so the column is not changed.
    case 'Decimal':
      return { type: 'decimal', precision: n(0) ?? 65, scale: n(1) ?? 30, source };
    case 'Boolean':
      return { type: 'boolean', source };
    case 'DateTime':
      if (native === 'Date') return { type: 'date', source };
      if (native === 'Time' || native === 'Timetz') return { type: 'time', source };
      return { type: 'datetime', timezone: native === 'Timestamptz', source };
    case 'Json':
      return { type: 'json', source };
    default:
      return { type: 'text', source, unsupported: true };
  }
}

function enumType(e: DmmfEnum | undefined): ColumnType {
  if (!e) return { type: 'text', source: 'enum', unsupported: true };
  return { type: 'enum', enum: { name: e.dbName ?? e.name, values: e.values.map((v) => v.dbName ?? v.name) }, source: e.name };
}

function defaultOf(field: DmmfField, e: DmmfEnum | undefined): FieldDefault | undefined {
  const d = field.default;
  if (d === undefined || Array.isArray(d)) return undefined;
  if (typeof d === 'object') {
    const fn = d as { name: string; args: ReadonlyArray<string | number> };
    if (fn.name === 'now') return { kind: 'now' };
    if (fn.name === 'uuid' || (fn.name === 'dbgenerated' && /^(gen_random_uuid|uuid_generate_v4)\(\)$/.test(String(fn.args[0] ?? '')))) return { kind: 'uuid' };
    const literal = fn.name === 'dbgenerated' ? /^'([0-9a-f-]{36})'::uuid$/i.exec(String(fn.args[0] ?? '')) : null;
    return literal ? { kind: 'value', value: literal[1]! } : undefined;
  }
  if (field.kind === 'enum') {
    const value = e?.values.find((v) => v.name === d);
    return { kind: 'value', value: value?.dbName ?? String(d) };
  }
  if (field.type === 'Decimal' || field.type === 'Float' || field.type === 'Int' || field.type === 'BigInt') return { kind: 'value', value: Number(d) };
  return { kind: 'value', value: d };
}

function action(value: string | undefined): ReferentialAction | undefined {
  return value && ACTIONS.has(value) ? (value as ReferentialAction) : undefined;
}

/** `map: "name", where: raw("...")` on an @@index / @@unique line → name → predicate SQL. */
function partialIndexPredicates(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const STRING = '"((?:[^"\\\\]|\\\\.)*)"';
  for (const line of text.split('\n')) {
    if (!/^\s*@@(index|unique)\(/.test(line)) continue;
    const map = new RegExp(`map:\\s*${STRING}`).exec(line);
    const where = new RegExp(`where:\\s*raw\\(\\s*${STRING}\\s*\\)`).exec(line);
    if (map && where) out.set(JSON.parse(`"${map[1]}"`) as string, JSON.parse(`"${where[1]}"`) as string);
  }
  return out;
}
