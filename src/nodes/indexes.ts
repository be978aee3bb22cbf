/** indexes: FK indexes, natural keys, query-pattern and partial indexes, without redundancy. */
import { DataModel } from '../model/index.ts';
import { planIndexes } from '../tools/indexes/plan-indexes.ts';
import { defineNode } from './node-context.ts';

export const indexesNode = defineNode('indexes', async (state) => {
  const model = DataModel.parse(planIndexes(state.model!));
  return { update: { model }, summary: `${model.indexes.length} indexes` };
});
