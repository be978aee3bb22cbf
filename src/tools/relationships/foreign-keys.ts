/** Every many-to-one and one-to-one relation gets its FK field on the `from` entity, named by the relation. */
import { type DataModel, type Entity, type Field, type Relation, columnName } from '../../model/index.ts';

export function addForeignKeyFields(model: DataModel): DataModel {
  const relations: Relation[] = model.relations.map((r) => (r.cardinality === 'many-to-many' || r.field ? r : { ...r, field: `${r.name}Id` }));
  const entities = model.entities.map((entity): Entity => {
    // "Each invoice is in one currency" can yield both a currency attribute and a currency relation: the
    // relation is the better reading, and Prisma forbids a field and a relation of one name.
    const roles = new Set(relations.filter((r) => r.from === entity.name && r.cardinality !== 'many-to-many').map((r) => r.name));
    const fields = entity.fields.filter((f) => !(f.role === 'attribute' && roles.has(f.name)));
    for (const r of relations) {
      if (r.from !== entity.name || r.cardinality === 'many-to-many' || !r.field) continue;
      const existing = fields.findIndex((f) => f.name === r.field);
      if (existing !== -1) {
        // A field the input declared (or the audit created_by) keeps its column and role; it becomes a uuid FK.
        fields[existing] = { ...fields[existing]!, type: 'uuid', required: r.required };
        continue;
      }
      const fk: Field = { name: r.field, column: columnName(r.field), type: 'uuid', required: r.required, role: 'foreign-key', provenance: r.provenance };
      const trailing = fields.findIndex((f) => f.role === 'audit' || f.role === 'soft-delete');
      fields.splice(trailing === -1 ? fields.length : trailing, 0, fk);
    }
    return { ...entity, fields };
  });
  return { ...model, entities, relations };
}
