/**
 * Many-to-many relations become explicit junction entities with two many-to-one relations and a unique pair:
 * Prisma's implicit `_AToB` tables cannot carry org_id, audit columns or payload.
 */
import type { DataModel, Entity, Index, Relation } from '../../model/index.ts';
import { tableName } from '../../model/index.ts';
import { junctionEntityName, junctionKeyFields } from './junction-names.ts';

export function resolveJunctions(model: DataModel): DataModel {
  const entities = [...model.entities];
  const relations = [...model.relations];
  const indexes = [...model.indexes];
  for (const [i, m2m] of model.relations.entries()) {
    if (m2m.cardinality !== 'many-to-many') continue;
    const name = m2m.through ?? junctionEntityName(m2m.from, m2m.to, m2m.name);
    relations[i] = { ...m2m, through: name };
    let junction = entities.find((e) => e.name === name);
    if (!junction) {
      junction = { name, table: tableName(name), kind: 'junction', fields: [], softDelete: false, provenance: m2m.provenance };
      entities.push(junction);
    } else if (junction.kind !== 'junction') {
      entities[entities.indexOf(junction)] = junction = { ...junction, kind: 'junction' };
    }
    const [nearField, farField] = junctionKeyFields(m2m.from, m2m.to, m2m.name);
    for (const [field, to, role] of [[nearField, m2m.from, 'near'], [farField, m2m.to, 'far']] as const) {
      if (relations.some((r) => r.from === name && r.field === field)) continue;
      relations.push({
        name: field.replace(/Id$/, ''), from: name, to, cardinality: 'many-to-one', field, required: true,
        onDelete: 'Cascade', why: `a ${junction.table} row only links two rows: removing either side removes the link (${role} side)`,
        tenantComposite: false, provenance: m2m.provenance,
      });
    }
    if (!indexes.some((ix) => ix.entity === name && ix.unique && sameSet(ix.fields.filter((f) => f !== model.tenancy.field), [nearField, farField]))) {
      indexes.push(pairKey(junction, nearField, farField, m2m));
    }
  }
  return { ...model, entities, relations, indexes };
}

function pairKey(junction: Entity, near: string, far: string, m2m: Relation): Index {
  return {
    entity: junction.name, fields: [near, far], unique: true, where: [], source: 'junction',
    why: `each ${m2m.from}–${m2m.to} pair is linked once`, provenance: m2m.provenance,
  };
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
