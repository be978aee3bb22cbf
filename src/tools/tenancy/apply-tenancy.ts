/**
 * The tenancy pass (DESIGN §1): organizations is the tenant root; every tenant-scoped table gets
 * org_id uuid NOT NULL → organizations (Cascade), composite FKs between tenant tables, an index led by org_id,
 * and one policy (RLS enabled and forced, see the migration SQL). Global and reference tables carry no org_id.
 */
import type { DataModel, Entity, Field, Index, Policy } from '../../model/index.ts';
import { fitIdentifier, isCompositeTenantRelation, isTenantScoped } from '../../model/index.ts';
import { tenantPredicate } from './policy-sql.ts';
import { uniqueIndexes } from '../indexes/index-shape.ts';

export function applyTenancy(model: DataModel): DataModel {
  const { tenancy } = model;
  const tenantField: Field = {
    name: tenancy.field, column: tenancy.column, type: 'uuid', required: true, role: 'tenant',
    provenance: { source: 'rule', ref: 'tenancy: every tenant-scoped row belongs to one organization' },
  };
  const entities = model.entities.map((e): Entity => {
    const others = e.fields.filter((f) => f.name !== tenancy.field);
    if (!isTenantScoped(e)) return { ...e, fields: others };
    const at = others.findIndex((f) => f.role === 'id') + 1;
    return { ...e, fields: [...others.slice(0, at), tenantField, ...others.slice(at)] };
  });
  const scoped = { ...model, entities };
  const relations = model.relations.map((r) => ({ ...r, tenantComposite: isCompositeTenantRelation(scoped, r) }));

  const indexes: Index[] = model.indexes.map((ix) => {
    const entity = entities.find((e) => e.name === ix.entity);
    // A global table cannot be scoped by a column it does not have: its keys are global.
    if (entity && !isTenantScoped(entity) && ix.fields.includes(tenancy.field)) {
      const fields = ix.fields.filter((f) => f !== tenancy.field);
      return { ...ix, fields: fields.length ? fields : ['id'] };
    }
    return ix;
  });
  for (const entity of entities.filter(isTenantScoped)) {
    if (!indexes.some((ix) => ix.entity === entity.name && ix.where.length === 0 && ix.fields[0] === tenancy.field))
      indexes.push({
        entity: entity.name, fields: [tenancy.field], unique: false, where: [], source: 'tenant',
        why: 'tenant key: the RLS predicate and the FK to organizations', provenance: tenantField.provenance,
      });
  }

  const predicate = tenantPredicate(tenancy);
  const policies: Policy[] = entities.filter(isTenantScoped).map((e) => ({
    entity: e.name, name: fitIdentifier(`${e.table}_tenant_isolation`), command: 'ALL', role: tenancy.appRole, using: predicate, withCheck: predicate,
  }));
  return { ...model, entities, relations, indexes: uniqueIndexes(indexes), policies };
}
