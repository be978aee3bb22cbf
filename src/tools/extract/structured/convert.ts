/**
 * Structured JSON model → the extract node's output: business entities and fields, stated relations,
 * natural keys, partial uniques, query patterns and reference rows. Conventions (ids, audit columns, FK
 * columns, org_id) are added by the later passes, exactly as for a PRD.
 */
import { InputError, issuesFromZod, type InputIssue } from '../../../errors.ts';
import {
  DataModel, type Entity, type Field, type Index, type Predicate, type QueryPattern, type ReferenceData, type Relation,
  type ReferentialAction, camelCase, columnName, pascalCase, tableName, snakeCase,
} from '../../../model/index.ts';
import { junctionEntityName, junctionKeyFields } from '../../relationships/junction-names.ts';
import { StructuredInput, type StructuredField } from './format.ts';

const ON_DELETE: Record<string, ReferentialAction> = { cascade: 'Cascade', restrict: 'Restrict', setNull: 'SetNull', noAction: 'NoAction' };
const IMPLICIT_FIELDS = ['id', 'createdAt', 'updatedAt', 'createdById'];

export interface ExtractResult {
  model: DataModel;
}

export function extractFromStructured(json: unknown): ExtractResult {
  const parsed = StructuredInput.safeParse(json);
  if (!parsed.success) throw new InputError('The JSON model does not match the structured input format.', issuesFromZod(parsed.error));
  return { model: convert(parsed.data) };
}

function convert(input: StructuredInput): DataModel {
  const issues: InputIssue[] = [];
  const tenantKey = input.tenancy.tenantKey;
  const rootName = pascalCase(input.tenancy.tenantEntity);
  const renameTenantKey = (name: string): string => (name === tenantKey ? 'orgId' : camelCase(name));
  const ref = (path: string) => ({ source: 'model' as const, ref: path });

  const names = new Set<string>();
  const entities: Entity[] = input.entities.map((e, i) => {
    const name = pascalCase(e.name);
    if (names.has(name)) issues.push({ path: `entities[${i}].name`, message: `entity "${e.name}" is declared twice` });
    names.add(name);
    const kind = name === rootName ? 'tenant-root' : e.scope === 'reference' ? 'reference' : e.scope === 'global' ? 'global' : 'tenant';
    const fields = e.fields.map((f, j) => toField(f, `entities[${i}].fields[${j}]`));
    const seen = new Set<string>();
    fields.forEach((f, j) => {
      if (seen.has(f.name)) issues.push({ path: `entities[${i}].fields[${j}].name`, message: `field "${f.name}" is declared twice in ${name}` });
      if (f.name === 'orgId' || IMPLICIT_FIELDS.includes(f.name))
        issues.push({ path: `entities[${i}].fields[${j}].name`, message: `"${f.name}" is added by schemawright on every table; remove it from the input` });
      seen.add(f.name);
    });
    if (e.softDelete && !fields.some((f) => f.name === 'deletedAt'))
      fields.push({ name: 'deletedAt', column: 'deleted_at', type: 'datetime', required: false, role: 'soft-delete', provenance: ref(`entities[${i}].softDelete`) });
    return { name, table: tableName(name), kind, description: e.description, fields, softDelete: e.softDelete ?? false, provenance: ref(`entities[${i}]`) };
  });
  const byName = new Map(entities.map((e) => [e.name, e]));

  const relations: Relation[] = [];
  const fkFields = new Map<string, Set<string>>(); // entity → FK field names it will own
  input.relationships.forEach((r, i) => {
    const path = `relationships[${i}]`;
    const from = pascalCase(r.from);
    const to = pascalCase(r.to);
    if (!byName.has(from)) issues.push({ path: `${path}.from`, message: `unknown entity "${r.from}"` });
    if (!byName.has(to)) issues.push({ path: `${path}.to`, message: `unknown entity "${r.to}"` });
    if (r.cardinality === 'many-to-many') {
      const through = r.through ? pascalCase(r.through.name) : junctionEntityName(from, to, r.name);
      const [nearKey, farKey] = junctionKeyFields(from, to, r.name);
      if (byName.has(through)) issues.push({ path: `${path}.through.name`, message: `junction "${through}" clashes with an entity of that name` });
      const junction: Entity = {
        name: through, table: tableName(through), kind: 'junction', softDelete: false, provenance: ref(path),
        fields: (r.through?.fields ?? []).map((f, j) => toField(f, `${path}.through.fields[${j}]`)),
      };
      entities.push(junction);
      byName.set(through, junction);
      fkFields.set(through, new Set([nearKey, farKey]));
      relations.push({ name: camelCase(r.name ?? tableName(to)), from, to, cardinality: 'many-to-many', through, required: false, tenantComposite: false, provenance: ref(path) });
      return;
    }
    const field = camelCase(r.field);
    const owner = byName.get(from);
    if (owner?.fields.some((f) => f.name === field))
      issues.push({ path: `${path}.field`, message: `"${r.field}" is both a field of ${from} and this relationship's foreign key; declare it once, in the relationship` });
    if (!fkFields.has(from)) fkFields.set(from, new Set());
    fkFields.get(from)!.add(field);
    relations.push({
      name: r.name ? camelCase(r.name) : field.replace(/Id$/, '') || field,
      from, to, cardinality: r.cardinality, field, required: r.required,
      onDelete: r.onDelete ? ON_DELETE[r.onDelete] : undefined,
      why: r.onDelete ? `stated in the model (${path}.onDelete)` : undefined,
      tenantComposite: false, provenance: ref(path),
    });
  });

  /** Fields an index or pattern on `entity` may name: attributes, FK fields, the tenant key and the implicit columns. */
  const knownFields = (entity: string): Set<string> =>
    new Set([...(byName.get(entity)?.fields.map((f) => f.name) ?? []), ...(fkFields.get(entity) ?? []), 'orgId', ...IMPLICIT_FIELDS]);
  const checkFields = (entity: string, fields: string[], path: string): void => {
    const known = knownFields(entity);
    fields.forEach((f, k) => {
      if (!known.has(f)) issues.push({ path: `${path}[${k}]`, message: `${entity} has no field "${f}" (known: ${[...known].join(', ')})` });
    });
  };
  const scoped = (entity: Entity): boolean => entity.kind === 'tenant' || entity.kind === 'junction';

  const indexes: Index[] = [];
  input.entities.forEach((e, i) => {
    const entity = byName.get(pascalCase(e.name))!;
    e.fields.forEach((f, j) => {
      if (!f.unique) return;
      const global = f.uniqueScope === 'global' || !scoped(entity);
      indexes.push({
        entity: entity.name, fields: global ? [camelCase(f.name)] : ['orgId', camelCase(f.name)], unique: true, where: softDeleteScope(entity),
        source: 'natural-key', why: global ? `${f.name} is globally unique` : `${f.name} is unique within the organization`, provenance: ref(`entities[${i}].fields[${j}].unique`),
      });
    });
    e.uniqueTogether.forEach((combo, j) => {
      const fields = combo.map(renameTenantKey);
      checkFields(entity.name, fields, `entities[${i}].uniqueTogether[${j}]`);
      indexes.push({ entity: entity.name, fields, unique: true, where: softDeleteScope(entity), source: 'natural-key', why: `${combo.join(' + ')} is unique`, provenance: ref(`entities[${i}].uniqueTogether[${j}]`) });
    });
  });

  input.constraints.forEach((c, i) => {
    const path = `constraints[${i}]`;
    const entity = pascalCase(c.entity);
    if (!byName.has(entity)) return void issues.push({ path: `${path}.entity`, message: `unknown entity "${c.entity}"` });
    const fields = c.fields.map(renameTenantKey);
    checkFields(entity, fields, `${path}.fields`);
    const where: Predicate[] = Object.entries(c.where ?? {}).map(([field, value]) =>
      value === null ? { field: camelCase(field), op: 'isNull' } : { field: camelCase(field), op: 'eq', value },
    );
    checkFields(entity, where.map((p) => p.field), `${path}.where`);
    indexes.push({
      entity, fields, unique: true, where, source: where.length ? 'partial' : 'natural-key',
      why: c.description ?? `${c.fields.join(' + ')} is unique`, provenance: ref(path),
    });
  });

  const queryPatterns: QueryPattern[] = input.queryPatterns.map((q, i) => {
    const path = `queryPatterns[${i}]`;
    let entity = q.entity ? pascalCase(q.entity) : '';
    if (q.relationship) {
      const m2m = relations.find((r) => r.cardinality === 'many-to-many' && r.name === camelCase(q.relationship!));
      if (!m2m) issues.push({ path: `${path}.relationship`, message: `no many-to-many relationship named "${q.relationship}"` });
      entity = m2m?.through ?? '';
    } else if (!byName.has(entity)) issues.push({ path: `${path}.entity`, message: `unknown entity "${q.entity}"` });
    const equality = q.filter.map(renameTenantKey);
    const orderBy = q.orderBy.map((o) => ({ field: renameTenantKey(o.field), direction: o.direction }));
    const range = q.range ? renameTenantKey(q.range) : undefined;
    if (entity) {
      checkFields(entity, equality, `${path}.filter`);
      checkFields(entity, orderBy.map((o) => o.field), `${path}.orderBy`);
      if (range) checkFields(entity, [range], `${path}.range`);
    }
    return { entity, description: q.description || `query ${i + 1}`, equality, range, orderBy, where: [], provenance: ref(path) };
  });

  const referenceData: ReferenceData[] = [];
  input.entities.forEach((e, i) => {
    if (!e.rows?.length) return;
    const entity = byName.get(pascalCase(e.name))!;
    const rows = e.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [camelCase(k), v])));
    rows.forEach((row, j) => checkFields(entity.name, Object.keys(row), `entities[${i}].rows[${j}]`));
    referenceData.push({ entity: entity.name, rows, provenance: ref(`entities[${i}].rows`) });
  });

  if (issues.length) throw new InputError('The JSON model is inconsistent.', issues);
  const parsed = DataModel.safeParse({
    name: snakeCase(input.product ?? 'app') || 'app',
    tenancy: { rootEntity: rootName },
    entities, relations, indexes, queryPatterns, referenceData,
  });
  if (!parsed.success) throw new InputError('The JSON model could not be converted.', issuesFromZod(parsed.error));
  return parsed.data;

  function toField(f: StructuredField, path: string): Field {
    const name = camelCase(f.name);
    const enumValues = f.values?.map((v) => snakeCase(v));
    return {
      name, column: columnName(name), type: f.type, required: f.required, role: 'attribute',
      default: f.default === undefined ? undefined : { kind: 'value', value: f.type === 'enum' && typeof f.default === 'string' ? snakeCase(f.default) : f.default },
      maxLength: f.maxLength, precision: f.precision, scale: f.scale, enumValues, description: f.description, provenance: ref(path),
    };
  }
}

function softDeleteScope(entity: Entity): Predicate[] {
  return entity.softDelete ? [{ field: 'deletedAt', op: 'isNull' }] : [];
}

