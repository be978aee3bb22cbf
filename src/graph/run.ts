/**
 * Runs the pipeline graph on one input and returns the generated project, the data model and the report.
 * Progress is streamed to `onEvent` (the CLI prints it, the API turns it into server-sent events).
 */
import { randomUUID } from 'node:crypto';
import type { DataModel, Finding } from '../model/index.ts';
import { emitSchemaDoc } from '../tools/artifacts/schema-doc.ts';
import type { Artifacts } from '../tools/artifacts/build-artifacts.ts';
import type { NodeEvent, Runtime } from '../nodes/node-context.ts';
import { buildGraph } from './build-graph.ts';
import { buildReport, type Report } from './report.ts';
import { PipelineInput, type PipelineStateValue } from './state.ts';

export interface PipelineOptions extends Runtime {
  maxRounds?: number;
  /** Migration folder prefix; defaults to now (UTC, YYYYMMDDHHMMSS). */
  timestamp?: string;
  onEvent?: (event: NodeEvent) => void;
}

export interface PipelineResult {
  valid: boolean;
  artifacts: Artifacts;
  model: DataModel;
  report: Report;
}

const graph = buildGraph();

export async function runPipeline(input: PipelineInput, options: PipelineOptions = {}): Promise<PipelineResult> {
  const { maxRounds = 3, timestamp = migrationTimestamp(new Date()), onEvent, ...runtime } = options;
  const stream = await graph.stream(
    { input: PipelineInput.parse(input), maxRounds, timestamp },
    { streamMode: ['custom', 'values'], configurable: { runtime, thread_id: randomUUID() }, recursionLimit: 10 + maxRounds * 8 },
  );
  let state: PipelineStateValue | undefined;
  for await (const [mode, chunk] of stream) {
    if (mode === 'custom') onEvent?.(chunk as NodeEvent);
    else state = chunk as PipelineStateValue;
  }
  if (!state?.model) throw new Error('The pipeline ended without a data model');
  return finish(state);
}

function finish(state: PipelineStateValue): PipelineResult {
  const model = state.model!;
  const findings: Finding[] = state.findings;
  const report = buildReport(model, state.validation, findings, state.rounds, state.timings);
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
