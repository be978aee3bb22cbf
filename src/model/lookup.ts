/** Look-ups over the data model that every pass needs; they throw with a clear message on a dangling name. */
import type { DataModel, Entity, Field, Relation } from './model.ts';

export function findEntity(model: DataModel, name: string): Entity | undefined {
  return model.entities.find((e) => e.name === name);
}

export function getEntity(model: DataModel, name: string): Entity {
  const entity = findEntity(model, name);
  if (!entity) throw new Error(`Unknown entity "${name}" (known: ${model.entities.map((e) => e.name).join(', ')})`);
  return entity;
}

export function findField(entity: Entity, name: string): Field | undefined {
  return entity.fields.find((f) => f.name === name);
}

export function getField(entity: Entity, name: string): Field {
  const field = findField(entity, name);
  if (!field) throw new Error(`Entity "${entity.name}" has no field "${name}"`);
  return field;
}

export function isTenantScoped(entity: Entity): boolean {
  return entity.kind === 'tenant' || entity.kind === 'junction';
}

/** Relations that own a foreign key (many-to-one and one-to-one). */
export function foreignKeyRelations(model: DataModel): Relation[] {
  return model.relations.filter((r) => r.cardinality !== 'many-to-many' && r.field !== undefined);
}

/** The physical columns of a foreign key, tenant key first when it is composite. */
export function foreignKeyColumns(model: DataModel, relation: Relation): string[] {
  const from = getEntity(model, relation.from);
  const fields = relation.tenantComposite ? [model.tenancy.field, relation.field!] : [relation.field!];
  return fields.map((f) => getField(from, f).column);
}

/** A reference between two tenant-scoped entities is a composite (org_id, x_id) FK, so it cannot cross tenants. */
export function isCompositeTenantRelation(model: DataModel, relation: Relation): boolean {
  if (relation.cardinality === 'many-to-many') return false;
  const from = findEntity(model, relation.from);
  const to = findEntity(model, relation.to);
  return !!from && !!to && isTenantScoped(from) && isTenantScoped(to);
}

/** The FK fields of a relation as the database will see them: the tenant key first when composite. */
export function foreignKeyFields(model: DataModel, relation: Relation): string[] {
  return isCompositeTenantRelation(model, relation) ? [model.tenancy.field, relation.field!] : [relation.field!];
}
