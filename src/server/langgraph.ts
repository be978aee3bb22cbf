/**
 * The pipeline graph for LangGraph tooling (langgraph.json points here). The LangGraph server brings its own
 * checkpointer. Input: { input: { kind: 'model', json } | { kind: 'prd', text }, timestamp: 'YYYYMMDDHHMMSS' };
 * to validate on a server instead of PGlite, pass configurable.runtime.databaseUrl.
 */
import { buildGraph, type PipelineGraph } from '../graph/build-graph.ts';

export const graph: PipelineGraph = buildGraph();
