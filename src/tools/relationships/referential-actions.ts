/**
 * onDelete / onUpdate for every foreign key. What the PRD states wins; otherwise (DESIGN §1):
 * composition → Cascade, optional reference → SetNull, required reference to an independent aggregate → Restrict.
 * Ids are uuids that never change, so onUpdate is Cascade (Prisma's default, stated explicitly).
 */
import type { DataModel, Relation } from '../../model/index.ts';
import { isCompositeTenantRelation } from '../../model/index.ts';

export function chooseReferentialActions(model: DataModel): DataModel {
  const relations = model.relations.map((r): Relation => {
    if (r.cardinality === 'many-to-many') return r;
    const tenantComposite = isCompositeTenantRelation(model, r);
    if (r.onDelete) return { ...r, onUpdate: r.onUpdate ?? 'Cascade', tenantComposite };
    const [onDelete, why] = ruleFor(r, model);
    return { ...r, onDelete, onUpdate: r.onUpdate ?? 'Cascade', why, tenantComposite };
  });
  return { ...model, relations };
}

function ruleFor(r: Relation, model: DataModel): [Relation['onDelete'], string] {
  if (!r.required) return ['SetNull', 'rule: an optional reference is cleared when its target goes'];
  const target = model.entities.find((e) => e.name === r.to);
  if (target?.kind === 'reference') return ['Restrict', 'rule: reference data in use cannot be removed'];
  if (r.to === model.tenancy.userEntity) return ['Restrict', 'rule: records keep the person they name; deactivate people instead'];
  if (isComposition(r)) return ['Cascade', `rule: a ${r.from} is part of its ${r.to}`];
  return ['Restrict', `rule: ${r.to} is an independent aggregate; delete its ${r.from} rows first`];
}

/** A required FK to the entity the child is named after (InvoiceLine → Invoice) or to itself is a part-of link. */
function isComposition(r: Relation): boolean {
  return r.from === r.to || r.from.startsWith(r.to);
}
