/** DANGLING_REFERENCE (ours): every name a relation, index or query pattern uses exists in the model; the emitter cannot place what is not there. */
import { findEntity, findField, type DataModel, type Finding, type NodeName } from '../../../model/index.ts';
import { violation, type Rule } from './rule.ts';

export const danglingReference: Rule = {
  id: 'dangling-reference',
  level: 'error',
  category: 'integrity',
  owner: 'indexes',
  reads: 'model',
  title: 'Relations, indexes and query patterns name only entities and fields that exist',
  remedy: 'Declare the missing entity or field, or drop the reference',
  check: ({ model }) => [...relations(model), ...indexes(model), ...patterns(model)],
};

function missing(target: string, message: string, owner: NodeName, fix: string): Finding {
  return violation(danglingReference, { target, message, owner, fix });
}

function relations(model: DataModel): Finding[] {
  return model.relations.flatMap((r) =>
    [r.from, r.to]
      .filter((end) => !findEntity(model, end))
      .map((end) => missing(`${r.from}.${r.name}`, `relation "${r.name}" names unknown entity "${end}"`, 'relationships', `Declare entity "${end}" or remove the relation.`)),
  );
}

function indexes(model: DataModel): Finding[] {
  return model.indexes.flatMap((ix) => {
    const entity = findEntity(model, ix.entity);
    if (!entity) return [missing(ix.entity, `an index names unknown entity "${ix.entity}"`, 'indexes', 'Remove the index.')];
    return [...ix.fields, ...ix.where.map((p) => p.field)]
      .filter((f) => !findField(entity, f))
      .map((f) => missing(`${entity.table}.${f}`, `index (${ix.fields.join(', ')}) on ${entity.table} uses unknown field "${f}"`, 'indexes', `Add field "${f}" to ${entity.name} or drop it from the index.`));
  });
}

function patterns(model: DataModel): Finding[] {
  return model.queryPatterns.flatMap((q) => {
    const entity = findEntity(model, q.entity);
    if (!entity) return [missing(q.entity || '(none)', `query pattern "${q.description}" names unknown entity "${q.entity}"`, 'indexes', 'Point the pattern at an existing entity.')];
    const used = [...q.equality, ...(q.range ? [q.range] : []), ...q.orderBy.map((o) => o.field), ...q.where.map((p) => p.field)];
    return used
      .filter((f) => !findField(entity, f))
      .map((f) => missing(`${entity.table}.${f}`, `query pattern "${q.description}" uses unknown field "${f}" of ${entity.table}`, 'indexes', `Add field "${f}" to ${entity.name} or fix the pattern.`));
  });
}
