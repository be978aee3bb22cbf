/** relationships: cardinalities, FK fields, junctions, audit references and referential actions. */
import { DataModel } from '../model/index.ts';
import { resolveRelationships } from '../tools/relationships/index.ts';
import { defineNode } from './node-context.ts';

export const relationshipsNode = defineNode('relationships', async (state) => {
  const model = DataModel.parse(resolveRelationships(state.model!));
  const fks = model.relations.filter((r) => r.cardinality !== 'many-to-many').length;
  return { update: { model }, summary: `${fks} foreign keys, ${model.entities.filter((e) => e.kind === 'junction').length} junctions` };
});
