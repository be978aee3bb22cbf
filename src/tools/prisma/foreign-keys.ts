/**
 * Every foreign key the schema declares, resolved once: which fields, which target, which actions, which
 * constraint name. The Prisma emitter writes them as relations; the tenancy SQL rewrites some of them. Both
 * read this plan so that they agree on every name and action.
 */
import type { DataModel, Entity, ReferentialAction, Relation } from '../../model/model.ts';
import { foreignKeyRelations, getEntity, getField, isTenantScoped } from '../../model/lookup.ts';
import { camelCase } from '../../model/names.ts';
import { foreignKeyName, relationName } from './names.ts';

export interface ForeignKey {
  /** The model's relation; undefined for the implicit tenant FK (entity → tenant root). */
  relation: Relation | undefined;
  from: Entity;
  to: Entity;
  /** The relation field on `from`, and the Prisma relation name shared with the back-relation on `to`. */
  field: string;
  relationName: string;
  /** Scalar fields on `from` and the fields they reference on `to`, in key order. */
  fields: string[];
  references: string[];
  columns: string[];
  referencedColumns: string[];
  /** False when any FK field is nullable: Prisma then requires the relation field to be optional. */
  required: boolean;
  oneToOne: boolean;
  /** (org_id, x_id) → (org_id, id): the key cannot point into another tenant. */
  tenantComposite: boolean;
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
  constraintName: string;
}

/**
 * The tenant FK of every tenant-scoped entity is implicit in the model (the tenancy node adds `orgId` to the
 * entity, not a relation), yet DESIGN §3 requires it: organizations own their rows and deleting one cascades.
 * It is planned here unless the model already states it as a relation on the tenant field.
 */
export function foreignKeys(model: DataModel): ForeignKey[] {
  const plan: ForeignKey[] = [];
  for (const entity of model.entities) {
    if (!isTenantScoped(entity)) continue;
    const stated = model.relations.some(
      (r) => r.from === entity.name && r.field === model.tenancy.field && r.cardinality !== 'many-to-many',
    );
    if (!stated) plan.push(tenantForeignKey(model, entity));
  }
  for (const relation of foreignKeyRelations(model)) plan.push(relationForeignKey(model, relation));
  return plan;
}

function tenantForeignKey(model: DataModel, entity: Entity): ForeignKey {
  const root = getEntity(model, model.tenancy.rootEntity);
  const tenantField = findTenantField(model, entity, `tenant-scoped entity "${entity.name}"`);
  const idField = primaryKeyField(root);
  // The relation field is named after the root unless the entity already uses that name.
  const taken = new Set([...entity.fields.map((f) => f.name), ...model.relations.filter((r) => r.from === entity.name).map((r) => r.name)]);
  const field = [camelCase(root.name), 'tenant', `${camelCase(root.name)}Tenant`].find((name) => !taken.has(name))!;
  return {
    relation: undefined,
    from: entity,
    to: root,
    field,
    relationName: relationName(entity.name, field),
    fields: [tenantField],
    references: [idField],
    columns: [getField(entity, tenantField).column],
    referencedColumns: [getField(root, idField).column],
    required: true,
    oneToOne: false,
    tenantComposite: false,
    onDelete: 'Cascade',
    onUpdate: 'Cascade',
    constraintName: foreignKeyName(entity.table, [getField(entity, tenantField).column]),
  };
}

function relationForeignKey(model: DataModel, relation: Relation): ForeignKey {
  const from = getEntity(model, relation.from);
  const to = getEntity(model, relation.to);
  const what = `relation ${relation.from}.${relation.name} → ${relation.to}`;
  const fkField = getField(from, relation.field!);
  const idField = primaryKeyField(to);
  let fields = [fkField.name];
  let references = [idField];
  if (relation.tenantComposite) {
    fields = [findTenantField(model, from, `${what} (tenant-composite) source`), fkField.name];
    references = [findTenantField(model, to, `${what} (tenant-composite) target`), idField];
  }
  const columns = fields.map((f) => getField(from, f).column);
  const required = fields.every((f) => getField(from, f).required);
  const onDelete = relation.onDelete ?? (required ? 'Restrict' : 'SetNull');
  const onUpdate = relation.onUpdate ?? 'Cascade';
  if (relation.tenantComposite && (onUpdate === 'SetNull' || onUpdate === 'SetDefault')) {
    // PostgreSQL takes a column list for ON DELETE only; ON UPDATE SET NULL would null the NOT NULL tenant key.
    throw new Error(`${what}: onUpdate ${onUpdate} cannot be expressed on a tenant-composite foreign key; use Cascade or Restrict`);
  }
  return {
    relation,
    from,
    to,
    field: relation.name,
    relationName: relationName(from.name, relation.name),
    fields,
    references,
    columns,
    referencedColumns: references.map((f) => getField(to, f).column),
    required,
    oneToOne: relation.cardinality === 'one-to-one',
    tenantComposite: relation.tenantComposite,
    onDelete,
    onUpdate,
    constraintName: foreignKeyName(from.table, columns),
  };
}

export function primaryKeyField(entity: Entity): string {
  const ids = entity.fields.filter((f) => f.role === 'id');
  if (ids.length !== 1) throw new Error(`Entity "${entity.name}" must have exactly one id field (found ${ids.length})`);
  return ids[0]!.name;
}

function findTenantField(model: DataModel, entity: Entity, what: string): string {
  const field = entity.fields.find((f) => f.name === model.tenancy.field);
  if (!field) throw new Error(`${what}: entity "${entity.name}" has no tenant field "${model.tenancy.field}"`);
  return field.name;
}
