/** What every node shares: timing, progress events, and the runtime wiring that is not part of the state. */
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { DataModel, NodeName } from '../model/index.ts';
import type { LlmConfig } from '../tools/extract/llm/config.ts';
import type { PipelineStateUpdate, PipelineStateValue } from '../graph/state.ts';

export interface Runtime {
  /** Validate against this PostgreSQL server instead of the embedded PGlite. */
  databaseUrl?: string;
  /** LLM-assisted extraction through this endpoint; absent: deterministic extraction only. */
  llm?: LlmConfig;
  /** Test hook: rewrites the model a node produced (used to inject faults the loop must repair). */
  afterNode?: (node: NodeName, model: DataModel, round: number) => DataModel;
  /** Test hook: rewrites the files the migration node emitted (faults that live only in the SQL). */
  afterArtifacts?: (artifacts: Record<string, string>, round: number) => Record<string, string>;
}

export type NodeEvent =
  | { type: 'node-started'; node: NodeName; round: number }
  | { type: 'node-finished'; node: NodeName; round: number; ms: number; summary: string };

export function runtimeOf(config: LangGraphRunnableConfig): Runtime {
  return (config.configurable?.runtime as Runtime | undefined) ?? {};
}

/** `config` carries the run's abort signal and callbacks, for nodes that call out (the LLM). */
type NodeBody = (state: PipelineStateValue, runtime: Runtime, config: LangGraphRunnableConfig) => Promise<{ update: PipelineStateUpdate; summary: string }>;

/** Wraps a node body with its progress events, its timing record and the test hooks. */
export function defineNode(node: NodeName, body: NodeBody) {
  return async (state: PipelineStateValue, config: LangGraphRunnableConfig): Promise<PipelineStateUpdate> => {
    const runtime = runtimeOf(config);
    config.writer?.({ type: 'node-started', node, round: state.round } satisfies NodeEvent);
    const started = performance.now();
    const { update, summary } = await body(state, runtime, config);
    if (update.model && runtime.afterNode) update.model = runtime.afterNode(node, update.model as DataModel, state.round);
    if (update.artifacts && runtime.afterArtifacts) update.artifacts = runtime.afterArtifacts(update.artifacts as Record<string, string>, state.round);
    const ms = Math.round(performance.now() - started);
    config.writer?.({ type: 'node-finished', node, round: state.round, ms, summary } satisfies NodeEvent);
    return { ...update, timings: { node, round: state.round, ms } };
  };
}
