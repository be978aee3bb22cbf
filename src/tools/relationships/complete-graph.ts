/**
 * Completes the entity graph the PRD implies but rarely spells out: the tenant root, the people who sign in,
 * and memberships when those people are global. Added entities say which rule added them.
 */
import { type DataModel, type Field, tableName } from '../../model/index.ts';

const rule = (ref: string) => ({ source: 'rule' as const, ref });

export function completeGraph(model: DataModel): DataModel {
  const entities = [...model.entities];
  const relations = [...model.relations];
  const indexes = [...model.indexes];
  const { rootEntity, userEntity, field: tenantField } = model.tenancy;

  const root = entities.find((e) => e.name === rootEntity || e.kind === 'tenant-root');
  if (!root) {
    entities.unshift({
      name: rootEntity, table: tableName(rootEntity), kind: 'tenant-root', softDelete: false,
      fields: [attribute('name', 'string', true)], provenance: rule('convention: every tenant table belongs to an organization'),
    });
  } else if (root.kind !== 'tenant-root' || root.name !== rootEntity) {
    entities[entities.indexOf(root)] = { ...root, kind: 'tenant-root' };
  }
  const tenancy = { ...model.tenancy, rootEntity: root?.name ?? rootEntity };
  // A tenant row's organization is its org_id; a stated "belongs to the organization" relation would repeat it.
  const scoped = new Set(entities.filter((e) => e.kind === 'tenant' || e.kind === 'junction').map((e) => e.name));
  for (let i = relations.length - 1; i >= 0; i--) {
    const r = relations[i]!;
    if (r.to === tenancy.rootEntity && scoped.has(r.from) && r.cardinality !== 'many-to-many') relations.splice(i, 1);
  }

  let user = entities.find((e) => e.name === userEntity);
  if (!user) {
    user = {
      name: userEntity, table: tableName(userEntity), kind: 'tenant', softDelete: false,
      fields: [attribute('email', 'string', true, 320), attribute('name', 'string', false)],
      provenance: rule('convention: created_by on every table references the people who sign in'),
    };
    entities.splice(1, 0, user);
    indexes.push({ entity: userEntity, fields: [tenantField, 'email'], unique: true, where: [], source: 'natural-key', why: 'a person signs in with one email per organization', provenance: user.provenance });
  }

  // Global users reach an organization through a membership, which carries their role there.
  if (user.kind === 'global') {
    if (!entities.some((e) => e.name === 'Membership')) {
      entities.push({
        name: 'Membership', table: 'memberships', kind: 'tenant', softDelete: false, fields: [],
        provenance: rule('convention: global users belong to organizations through memberships'),
      });
    }
    const membership = entities.find((e) => e.name === 'Membership');
    if (membership && !relations.some((r) => r.from === membership.name && r.to === user!.name)) {
      relations.push({
        name: camelName(user.name), from: membership.name, to: user.name, cardinality: 'many-to-one', field: `${camelName(user.name)}Id`,
        required: true, onDelete: 'Cascade', why: 'a membership lives and dies with its user', tenantComposite: false, provenance: membership.provenance,
      });
      indexes.push({ entity: membership.name, fields: [tenantField, `${camelName(user.name)}Id`], unique: true, where: [], source: 'natural-key', why: 'a user is a member of an organization once', provenance: membership.provenance });
    }
  }
  return { ...model, tenancy, entities, relations, indexes };
}

function attribute(name: string, type: Field['type'], required: boolean, maxLength?: number): Field {
  return { name, column: name, type, required, role: 'attribute', maxLength, provenance: rule('convention') };
}

function camelName(entity: string): string {
  return entity.charAt(0).toLowerCase() + entity.slice(1);
}

