/**
 * The existing schema → the data model, in the shape the extract node hands to the passes: every table an
 * entity with its own table, column names and types, its foreign keys as relations, its keys and indexes,
 * and the tenant key it already uses. The passes then add what our conventions require and the schema
 * lacks; every such departure is a finding here, so the user sees what will differ from their tables.
 */
import {
  DataModel, type Entity, type Field, type FieldDefault, type Finding, type Index, type Relation, type Tenancy,
  camelCase, identifierProblem, pascalCase, snakeCase,
} from '../../model/index.ts';
import { parsePredicate } from './predicate.ts';
import { detectTenantKey, tableKinds, type TenantKey } from './tenant-key.ts';
import type { ColumnType, ExistingColumn, ExistingSchema, ExistingTable } from './types.ts';

export interface ExistingModel {
  model: DataModel;
  /** The schema has its own tenant key (model.tenancy then names it). */
  tenantKeyFound: boolean;
  findings: Finding[];
}

const AUDIT_COLUMNS: Record<string, { name: string; role: Field['role'] }> = {
  created_at: { name: 'createdAt', role: 'audit' },
  updated_at: { name: 'updatedAt', role: 'audit' },
  created_by: { name: 'createdById', role: 'audit' },
  created_by_id: { name: 'createdById', role: 'audit' },
  deleted_at: { name: 'deletedAt', role: 'soft-delete' },
};
const PRISMA_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export function existingToModel(schema: ExistingSchema): ExistingModel {
  const findings: Finding[] = schema.problems.map((p) =>
    note('existing-not-understood', 'warning', 'input', p.line ? `${schema.file}:${p.line}` : schema.file, p.message, 'Check that part of the file; it was not carried over.'),
  );
  const key = detectTenantKey(schema);
  const { kinds, gainsTenantKey } = tableKinds(schema, key);
  const tenancy = tenancyOf(schema, key);
  const entityNames = uniqueNames(schema.tables.map((t) => (PRISMA_NAME.test(t.name) ? t.name : pascalCase(t.name) || pascalCase(t.table))));
  const entityOf = new Map(schema.tables.map((t, i) => [t.table, entityNames[i]!]));
  const at = (line: number | undefined): string => (line ? `${schema.file}:${line}` : schema.file);
  const provenance = (ref: string) => ({ source: 'existing' as const, ref });

  const entities: Entity[] = [];
  const relations: Relation[] = [];
  const indexes: Index[] = [];
  /** Per table: column → field name, for indexes and relations. */
  const fieldOf = new Map<string, Map<string, string>>();
  const idColumn = new Map<string, string>();
  const missingAudit = new Map<string, string[]>();
  const naiveTimestamps: string[] = [];

  for (const t of schema.tables) {
    const name = entityOf.get(t.table)!;
    const kind = kinds.get(t.table)!;
    const table = physical(t.table, `table ${t.table}`);
    const pk = t.columns.filter((c) => c.primaryKey);
    const surrogate = pk.length === 1 && ['uuid', 'integer', 'bigint'].includes(pk[0]!.type.type) ? pk[0] : undefined;
    if (surrogate) idColumn.set(t.table, surrogate.column);
    const columns = new Map<string, string>();
    fieldOf.set(t.table, columns);
    const taken = new Set<string>();
    const fields: Field[] = [];
    let softDelete = false;

    for (const c of t.columns) {
      const column = physical(c.column, `column ${t.table}.${c.column}`);
      if (key && c.column === key.column) {
        columns.set(c.column, tenancy.field);
        if (c.nullable) findings.push(note('existing-tenant-key-nullable', 'warning', 'security', `${t.table}.${c.column}`, `${t.table}.${c.column} is nullable; a row without a tenant is visible to no one under RLS.`, 'The schema makes it NOT NULL; backfill rows without a tenant first.'));
        continue;
      }
      const audit = AUDIT_COLUMNS[c.column];
      let field: Field;
      if (c === surrogate) {
        field = { name: 'id', column, type: 'uuid', required: true, role: 'id', default: { kind: 'uuid' }, provenance: provenance(at(c.line)) };
        if (c.type.type !== 'uuid')
          findings.push(note('existing-integer-id', 'warning', 'integrity', `${t.table}.${c.column}`, `${t.table}.${c.column} is ${c.type.source}; our convention is a uuid primary key with a database default (gen_random_uuid()), and the schema uses one. Foreign keys to it become uuid too.`, 'Migrating an existing database needs a uuid column backfilled beside the integer key and the foreign keys rewritten; a new database needs nothing.'));
      } else if (audit && !fields.some((f) => f.name === audit.name)) {
        field = { ...attribute(c, column, t), name: audit.name, role: audit.role, ...(audit.name === 'createdById' ? { type: 'uuid' as const, maxLength: undefined } : {}) };
        if (audit.role === 'soft-delete') softDelete = true;
      } else {
        field = attribute(c, column, t);
      }
      if (field.type === 'datetime' && c.type.timezone === false) naiveTimestamps.push(`${t.table}.${c.column}`);
      if (c.type.unsupported)
        findings.push(note('existing-unsupported-type', 'warning', 'input', `${t.table}.${c.column}`, `${t.table}.${c.column} is ${c.type.source}, which the data model cannot state; the schema uses text.`, 'Change the column by hand after generation if you need the original type.'));
      field.name = uniqueName(field.name, taken);
      columns.set(c.column, field.name);
      fields.push(field);
    }
    // A natural primary key (a code) stays a unique column; the entity gets a uuid id like every other.
    const naturalKey = pk.length === 1 && !surrogate ? pk[0] : undefined;
    if (naturalKey || pk.length > 1) {
      const keyColumns = pk.filter((c) => c.column !== key?.column).map((c) => columns.get(c.column)!);
      const scopedKey = pk.some((c) => c.column === key?.column) ? [tenancy.field, ...keyColumns] : keyColumns;
      indexes.push({ entity: name, fields: scopedKey, unique: true, where: [], source: kind === 'junction' ? 'junction' : 'natural-key', why: `the existing primary key (${pk.map((c) => c.column).join(', ')})`, provenance: provenance(at(t.line)) });
      findings.push(note('existing-primary-key-replaced', 'info', 'naming', t.table, `${t.table} has the primary key (${pk.map((c) => c.column).join(', ')}); the schema gives it a uuid id and keeps (${pk.map((c) => c.column).join(', ')}) unique.`, 'Nothing to do for a new database; on an existing one, add and backfill the id column.'));
    }
    const present = new Set(fields.map((f) => f.name));
    const absent = [['createdAt', 'created_at'], ['updatedAt', 'updated_at'], ['createdById', 'created_by']].filter(([f]) => !present.has(f!)).map(([, c]) => c!);
    if (absent.length) missingAudit.set(t.table, absent);
    entities.push({ name, table, kind, fields, softDelete, provenance: provenance(at(t.line)) });
  }

  const byTable = new Map(schema.tables.map((t, i) => [t.table, entities[i]!]));
  for (const t of schema.tables) {
    const entity = byTable.get(t.table)!;
    for (const fk of t.foreignKeys) {
      const relation = relationOf(t, entity, fk);
      if (relation) relations.push(relation);
    }
    for (const c of t.columns.filter((c) => c.unique || c.indexed)) {
      const field = fieldOf.get(t.table)!.get(c.column)!;
      if (field === 'id') continue;
      indexes.push({ entity: entity.name, fields: [field], unique: c.unique, where: [], source: c.unique ? 'natural-key' : 'query-pattern', why: `kept from the existing schema (${c.column})`, provenance: provenance(at(c.line)) });
    }
    for (const ix of t.indexes) {
      const fields = ix.columns.map((c) => fieldOf.get(t.table)!.get(c));
      const label = ix.name ?? `(${ix.columns.join(', ')})`;
      if (fields.some((f) => !f)) {
        findings.push(note('existing-index-skipped', 'warning', 'input', `${t.table}.${label}`, `Index ${label} on ${t.table} names a column the table does not have; not carried over.`, 'Fix the index in the source.'));
        continue;
      }
      const where = ix.where === undefined ? [] : parsePredicate(ix.where, (c) => fieldOf.get(t.table)!.get(c));
      if (!where) {
        findings.push(note('existing-index-skipped', 'warning', 'input', `${t.table}.${label}`, `The predicate of partial index ${label} (${ix.where}) is not one the model can state (column IS [NOT] NULL, column = value, joined by AND); the index is not carried over.`, 'Add it by hand in a later migration, and declare it in schema.prisma so Prisma keeps it.'));
        continue;
      }
      if (fields.length === 1 && fields[0] === 'id' && where.length === 0) continue;
      const name = ix.name && !identifierProblem(ix.name) ? ix.name : undefined;
      indexes.push({
        entity: entity.name, fields: fields as string[], unique: ix.unique, where, name,
        source: where.length ? 'partial' : ix.unique ? 'natural-key' : 'query-pattern', why: `kept from the existing schema (${label})`, provenance: provenance(at(ix.line)),
      });
    }
  }

  summarize();
  const model = DataModel.parse({ name: 'app', tenancy, entities, relations, indexes });
  return { model, tenantKeyFound: !!key, findings };

  function attribute(c: ExistingColumn, column: string, t: ExistingTable): Field {
    const type = c.type;
    const field: Field = {
      name: fieldName(c.attribute), column, type: type.type, required: !c.nullable, role: 'attribute',
      maxLength: type.type === 'string' ? type.maxLength : undefined,
      precision: type.type === 'decimal' ? type.precision : undefined,
      scale: type.type === 'decimal' ? type.scale : undefined,
      description: c.description, provenance: provenance(at(c.line)),
    };
    if (type.enum) Object.assign(field, enumOf(type, t, c));
    const value = c.default ? checkedDefault(c.default, field) : undefined;
    if (c.default && !value)
      findings.push(note('existing-default-dropped', 'info', 'input', `${t.table}.${c.column}`, `The default of ${t.table}.${c.column} is not a constant the schema can state for a ${field.type}; it is left to the application.`, 'Set it in application code, or add a database default by hand.'));
    field.default = value;
    return field;
  }

  function enumOf(type: ColumnType, t: ExistingTable, c: ExistingColumn): Pick<Field, 'enumName' | 'enumValues'> {
    const dbName = type.enum!.name || `${t.table}_${c.column}`;
    let enumName = pascalCase(dbName);
    if (entityNames.includes(enumName)) enumName = `${enumName}Kind`;
    if (snakeCase(enumName) !== dbName)
      findings.push(note('existing-enum-renamed', 'warning', 'naming', `${t.table}.${c.column}`, `The enum type of ${t.table}.${c.column} is ${type.enum!.name ? `"${type.enum!.name}"` : 'unnamed'}; the schema names it "${snakeCase(enumName)}".`, 'Rename the type in the database (ALTER TYPE … RENAME TO …) before applying the migration to it.'));
    return { enumName, enumValues: type.enum!.values };
  }

  function relationOf(t: ExistingTable, entity: Entity, fk: ExistingTable['foreignKeys'][number]): Relation | undefined {
    const columns = fieldOf.get(t.table)!;
    const target = byTable.get(fk.table);
    const own = fk.columns.filter((c) => c !== key?.column);
    const ownRefs = fk.references.filter((_, i) => fk.columns[i] !== key?.column);
    if (own.length === 0) return undefined; // the tenant FK itself: the tenancy pass declares it
    const label = `${t.table}(${fk.columns.join(', ')}) → ${fk.table}(${fk.references.join(', ')})`;
    const field = columns.get(own[0]!)!;
    if (field === 'createdById' && target?.name === tenancy.userEntity) return undefined; // the audit relation: conventions add it
    if (!target || own.length !== 1 || ownRefs[0] !== idColumn.get(fk.table)) {
      findings.push(note('existing-foreign-key-kept-as-column', 'warning', 'integrity', `${t.table}.${own.join(',')}`, `The foreign key ${label} does not reference the primary key of a table in this schema; its columns stay plain columns without a constraint.`, 'Reference the target\'s primary key, or add the constraint by hand.'));
      return undefined;
    }
    const f = entity.fields.find((x) => x.name === field)!;
    f.role = 'foreign-key';
    f.type = 'uuid';
    f.maxLength = undefined;
    f.default = undefined;
    const fieldNames = new Set(entity.fields.map((x) => x.name));
    const base = fk.relation && PRISMA_NAME.test(fk.relation) ? camelCase(fk.relation) : camelCase(own[0]!.replace(/_?id$/i, '')) || `${field}Ref`;
    let name = fieldNames.has(base) || base === 'createdBy' ? `${base}Ref` : base;
    while (relations.some((r) => r.from === entity.name && r.name === name)) name = `${name}2`;
    const unique = t.columns.some((c) => c.column === own[0] && c.unique) || t.indexes.some((ix) => ix.unique && !ix.where && ix.columns.filter((c) => c !== key?.column).join() === own[0]);
    const onDelete = fk.onDelete === 'SetNull' && f.required ? undefined : fk.onDelete;
    return {
      name, from: entity.name, to: target.name, cardinality: unique ? 'one-to-one' : 'many-to-one', field, required: f.required,
      onDelete, onUpdate: fk.onUpdate === 'SetNull' || fk.onUpdate === 'SetDefault' ? undefined : fk.onUpdate,
      why: fk.onDelete ? `kept from the existing schema (${label})` : undefined, tenantComposite: false, provenance: provenance(at(fk.line)),
    };
  }

  function physical(name: string, what: string): string {
    if (!identifierProblem(name)) return name;
    const fixed = snakeCase(name).slice(0, 63);
    findings.push(note('existing-name-changed', 'warning', 'naming', name, `The ${what} cannot be used as is (${identifierProblem(name)}); the schema uses "${fixed}".`, 'Rename it in the database, or map the new name back by hand.'));
    return fixed;
  }

  function summarize(): void {
    if (key && key.column !== 'org_id')
      findings.push(note('existing-tenant-key', 'info', 'naming', key.column, `The existing tables use ${key.column} as the tenant key${key.root ? ` (→ ${key.root.table})` : ''}; the schema and its RLS policies keep that name (session setting ${tenancy.setting}).`, 'Nothing to do.'));
    if (!key)
      findings.push(note('existing-no-tenant-key', 'warning', 'security', schema.file, 'No tenant key found in the existing tables (a column such as org_id referencing one table from many); every table becomes tenant data with org_id and RLS.', 'If the application is multi-tenant with another key, name it org_id, tenant_id, account_id or workspace_id.'));
    for (const table of gainsTenantKey)
      findings.push(note('existing-missing-tenant-key', 'warning', 'security', table, `${table} has no ${tenancy.column} but its rows belong to a tenant (${kinds.get(table) === 'junction' ? 'it links tenant rows' : 'a required reference to tenant data'}); the schema adds ${tenancy.column} with RLS.`, `Backfill ${table}.${tenancy.column} from the row it belongs to before making it NOT NULL on an existing database.`));
    const global = schema.tables.filter((t) => kinds.get(t.table) === 'global').map((t) => t.table);
    if (key && global.length)
      findings.push(note('existing-global-table', 'info', 'security', global.join(', '), `${global.join(', ')} ${global.length === 1 ? 'has' : 'have'} no tenant key and ${global.length === 1 ? 'is' : 'are'} kept shared by all tenants (no RLS).`, `If ${global.length === 1 ? 'it holds' : 'they hold'} tenant data, add ${key.column}.`));
    if (naiveTimestamps.length)
      findings.push(note('existing-timestamp-without-time-zone', 'warning', 'integrity', naiveTimestamps.join(', '), `${naiveTimestamps.join(', ')} ${naiveTimestamps.length === 1 ? 'is' : 'are'} timestamp without time zone; our convention is timestamptz(3) and the schema uses it.`, 'On an existing database, convert with ALTER COLUMN … TYPE timestamptz USING … AT TIME ZONE \'UTC\' (the zone the values were written in).'));
    const audit = new Map<string, string[]>();
    for (const [table, cols] of missingAudit) for (const c of cols) audit.set(c, [...(audit.get(c) ?? []), table]);
    for (const [column, tables] of audit)
      findings.push(note('existing-missing-audit-column', 'info', 'integrity', tables.join(', '), `${tables.length} table(s) lack ${column}; the schema adds it (every table carries created_at, updated_at and created_by).`, 'Nothing to do for a new database; on an existing one the migration adds the column.'));
  }
}

function tenancyOf(schema: ExistingSchema, key: TenantKey | undefined): Tenancy {
  const users = schema.tables.find((t) => t.table === 'users' || t.name === 'User');
  const defaults: Tenancy = { rootEntity: 'Organization', userEntity: 'User', field: 'orgId', column: 'org_id', setting: 'app.current_org_id', appRole: 'app_user' };
  if (!key) return { ...defaults, userEntity: users?.name ?? defaults.userEntity };
  return {
    ...defaults,
    rootEntity: key.root?.name ?? defaults.rootEntity,
    userEntity: users?.name ?? defaults.userEntity,
    field: camelCase(key.column),
    column: key.column,
    setting: `app.current_${snakeCase(key.column)}`,
  };
}

/** A constant default the emitter accepts for the field's type, or undefined. */
function checkedDefault(value: FieldDefault, field: Field): FieldDefault | undefined {
  if (value.kind === 'now') return field.type === 'datetime' || field.type === 'date' ? value : undefined;
  if (value.kind === 'uuid') return field.type === 'uuid' ? value : undefined;
  const v = value.value;
  switch (field.type) {
    case 'integer':
    case 'bigint': {
      const n = typeof v === 'string' ? Number(v) : v;
      return typeof n === 'number' && Number.isSafeInteger(n) ? { kind: 'value', value: n } : undefined;
    }
    case 'decimal':
    case 'float': {
      const n = typeof v === 'string' ? Number(v) : v;
      return typeof n === 'number' && Number.isFinite(n) ? { kind: 'value', value: n } : undefined;
    }
    case 'boolean':
      return typeof v === 'boolean' ? value : v === 'true' || v === 'false' ? { kind: 'value', value: v === 'true' } : undefined;
    case 'enum':
      return typeof v === 'string' && (field.enumValues ?? []).includes(v) ? value : undefined;
    case 'string':
    case 'text':
      return typeof v === 'string' && (field.maxLength === undefined || [...v].length <= field.maxLength) ? value : undefined;
    case 'uuid':
      return typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) ? value : undefined;
    default:
      return undefined;
  }
}

/** "metadata_" → "metadata", "fullName" → "fullName", "full_name" → "fullName". */
function fieldName(attribute: string): string {
  const name = camelCase(attribute);
  return PRISMA_NAME.test(name) ? name : `f${pascalCase(attribute)}`;
}

function uniqueName(name: string, taken: Set<string>): string {
  let out = name;
  for (let n = 2; taken.has(out); n++) out = `${name}${n}`;
  taken.add(out);
  return out;
}

function uniqueNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((n) => uniqueName(n, taken));
}

export function note(ruleId: string, level: Finding['level'], category: Finding['category'], target: string, message: string, fix: string): Finding {
  return { ruleId, level, category, target, message, fix };
}
