/**
 * Runs the pipeline graph on one input and returns the generated project, the data model and the report.
 * Progress is streamed to `onEvent` (the CLI prints it, the API turns it into server-sent events).
 */
import { randomUUID } from 'node:crypto';
import type { BaseCheckpointSaver } from '@langchain/langgraph';
import type { DataModel, Finding } from '../model/index.ts';
import { emitSchemaDoc } from '../tools/artifacts/schema-doc.ts';
import type { Artifacts } from '../tools/artifacts/build-artifacts.ts';
import type { NodeEvent, Runtime } from '../nodes/node-context.ts';
import { resolveLlm, type LlmConfig, type LlmMode } from '../tools/extract/llm/config.ts';
import { buildGraph, type PipelineGraph } from './build-graph.ts';
import { buildReport, type Report } from './report.ts';
import { PipelineInput, type PipelineStateValue } from './state.ts';
import type { ExistingInput } from '../tools/existing/types.ts';
import type { PreviousProject } from '../tools/evolution/next-migration.ts';

export interface PipelineOptions extends Omit<Runtime, 'llm'> {
  /**
   * LLM-assisted extraction: a mode read against the environment (OPENAI_API_KEY / OPENAI_BASE_URL /
   * SCHEMAWRIGHT_MODEL; "on" without them throws LlmConfigError), or an explicit endpoint. Default "off".
   */
  llm?: LlmMode | LlmConfig;
  maxRounds?: number;
  /** Migration folder prefix; defaults to now (UTC, YYYYMMDDHHMMSS). */
  timestamp?: string;
  onEvent?: (event: NodeEvent) => void;
  /** Receives the whole state after every step (the API derives its round and findings events from it). */
  onState?: (state: PipelineStateValue) => void;
  /** Persists every step under `threadId`; a thread that already has a checkpoint resumes from it. */
  checkpointer?: BaseCheckpointSaver;
  threadId?: string;
  /** Stops the run at the next node boundary; with a checkpointer, the finished nodes stay saved. */
  signal?: AbortSignal;
  /** Existing models to extend: matching entities keep their tables, columns, types and tenant key. */
  existing?: ExistingInput;
  /**
   * Evolution: the existing project. The artifacts then hold its migrations unchanged plus one new folder
   * with the next migration only (validation applies them all); write only the new folder over the project.
   */
  previous?: PreviousProject;
}

export interface PipelineResult {
  valid: boolean;
  artifacts: Artifacts;
  model: DataModel;
  report: Report;
}

const graph = buildGraph();
const checkpointedGraphs = new WeakMap<BaseCheckpointSaver, PipelineGraph>();

export async function runPipeline(input: PipelineInput, options: PipelineOptions = {}): Promise<PipelineResult> {
  const { maxRounds = 3, timestamp = migrationTimestamp(new Date()), onEvent, onState, checkpointer, threadId = randomUUID(), signal, llm = 'off', existing, previous, ...wiring } = options;
  const llmConfig = typeof llm === 'string' ? resolveLlm(llm) : llm;
  const runtime: Runtime = { ...wiring, ...(llmConfig ? { llm: llmConfig } : {}) };
  const runGraph = checkpointer ? graphWith(checkpointer) : graph;
  const config = { configurable: { runtime, thread_id: threadId } };
  const saved = checkpointer ? await runGraph.getState(config) : undefined;
  if (saved?.values.model && saved.next.length === 0) return finish(saved.values as PipelineStateValue);
  // A pending checkpoint continues where it stopped (null input); its saved input, rounds and timestamp win.
  const start = saved && saved.next.length > 0 ? null : { input: PipelineInput.parse(input), maxRounds, timestamp, existing, previous };
  const stream = await runGraph.stream(start, {
    ...config,
    streamMode: ['custom', 'values'],
    recursionLimit: 10 + maxRounds * 8,
    signal,
    // Each finished node is on disk before the next starts, so a stop loses at most the running node.
    durability: checkpointer ? 'sync' : undefined,
  });
  let state: PipelineStateValue | undefined;
  for await (const [mode, chunk] of stream) {
    if (mode === 'custom') onEvent?.(chunk as NodeEvent);
    else {
      state = chunk as PipelineStateValue;
      onState?.(state);
    }
  }
  if (!state?.model) throw new Error('The pipeline ended without a data model');
  return finish(state);
}

function graphWith(checkpointer: BaseCheckpointSaver): PipelineGraph {
  let checkpointed = checkpointedGraphs.get(checkpointer);
  if (!checkpointed) checkpointedGraphs.set(checkpointer, (checkpointed = buildGraph({ checkpointer })));
  return checkpointed;
}

function finish(state: PipelineStateValue): PipelineResult {
  const model = state.model!;
  const findings: Finding[] = state.findings;
  const report = buildReport(model, state.validation, findings, state.rounds, state.timings, state.llmRounds);
  const artifacts: Artifacts = {
    ...state.artifacts,
    'docs/SCHEMA.md': emitSchemaDoc(model, state.validation?.catalog ?? undefined, state.validation?.coverage ?? []),
    'report.json': JSON.stringify(report, null, 2) + '\n',
  };
  return { valid: report.valid, artifacts, model, report };
}

export function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
