/**
 * The columns every table carries (DESIGN §3): a uuid primary key with a database default, created_at and
 * updated_at with database defaults, created_by → the user entity (SetNull), deleted_at for soft delete.
 */
import { type DataModel, type Entity, type Field, type Relation, pascalCase } from '../../model/index.ts';

const convention = { source: 'rule' as const, ref: 'convention: every table' };

const ID: Field = { name: 'id', column: 'id', type: 'uuid', required: true, role: 'id', default: { kind: 'uuid' }, provenance: convention };
const AUDIT: Field[] = [
  { name: 'createdAt', column: 'created_at', type: 'datetime', required: true, role: 'audit', default: { kind: 'now' }, provenance: convention },
  { name: 'updatedAt', column: 'updated_at', type: 'datetime', required: true, role: 'audit', default: { kind: 'now' }, provenance: convention },
  { name: 'createdById', column: 'created_by', type: 'uuid', required: false, role: 'audit', provenance: convention },
];
const DELETED_AT: Field = { name: 'deletedAt', column: 'deleted_at', type: 'datetime', required: false, role: 'soft-delete', provenance: convention };

export function applyConventions(model: DataModel): DataModel {
  const entities = model.entities.map((entity): Entity => {
    const own = entity.fields.filter((f) => f.name !== 'id' && !AUDIT.some((a) => a.name === f.name));
    const withEnums = own.map((f) => (f.type === 'enum' && !f.enumName ? { ...f, enumName: pascalCase(`${entity.name} ${f.name}`) } : f));
    const trash = entity.softDelete && !own.some((f) => f.name === DELETED_AT.name) ? [DELETED_AT] : [];
    // An id or audit field read from an existing schema keeps its column name there (user_id, created).
    const keepColumn = (convention: Field): Field => {
      const column = entity.fields.find((f) => f.name === convention.name)?.column;
      return column && column !== convention.column ? { ...convention, column } : convention;
    };
    return { ...entity, fields: [keepColumn(ID), ...withEnums, ...trash, ...AUDIT.map(keepColumn)] };
  });
  const user = model.tenancy.userEntity;
  const relations: Relation[] = [
    ...model.relations.filter((r) => r.name !== 'createdBy'),
    ...entities.map((e): Relation => ({
      name: 'createdBy', from: e.name, to: user, cardinality: 'many-to-one', field: 'createdById', required: false,
      onDelete: 'SetNull', onUpdate: 'Cascade', why: 'audit: the row outlives the person who created it', tenantComposite: false, provenance: convention,
    })),
  ];
  return { ...model, entities, relations };
}
