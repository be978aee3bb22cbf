/** The pipeline as a LangGraph StateGraph: six nodes in order and a bounded loop from validate back. */
import { END, START, StateGraph, type BaseCheckpointSaver } from '@langchain/langgraph';
import { extractNode } from '../nodes/extract.ts';
import { relationshipsNode } from '../nodes/relationships.ts';
import { indexesNode } from '../nodes/indexes.ts';
import { tenancyNode } from '../nodes/tenancy.ts';
import { migrationNode } from '../nodes/migration.ts';
import { validateNode } from '../nodes/validate.ts';
import { PipelineState } from './state.ts';

export function buildGraph(options: { checkpointer?: BaseCheckpointSaver } = {}) {
  return new StateGraph(PipelineState)
    .addNode('extract', extractNode)
    .addNode('relationships', relationshipsNode)
    .addNode('indexes', indexesNode)
    .addNode('tenancy', tenancyNode)
    .addNode('migration', migrationNode)
    .addNode('validate', validateNode)
    .addEdge(START, 'extract')
    .addEdge('extract', 'relationships')
    .addEdge('relationships', 'indexes')
    .addEdge('indexes', 'tenancy')
    .addEdge('tenancy', 'migration')
    .addEdge('migration', 'validate')
    .addConditionalEdges('validate', (state) => state.next ?? END, ['extract', 'relationships', 'indexes', 'tenancy', 'migration', END])
    .compile({ checkpointer: options.checkpointer });
}

export type PipelineGraph = ReturnType<typeof buildGraph>;
