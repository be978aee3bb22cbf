/** Messages between the server and its pipeline worker threads (structured-clone safe: plain data only). */
import type { InputIssue } from '../errors.ts';
import type { PipelineResult } from '../graph/run.ts';
import type { PipelineInput, RoundRecord } from '../graph/state.ts';
import type { NodeEvent } from '../nodes/node-context.ts';
import type { LlmConfig, LlmMode } from '../tools/extract/llm/config.ts';
import type { ExistingInput } from '../tools/existing/types.ts';
import type { PreviousProject } from '../tools/evolution/next-migration.ts';

export interface WorkerSetup {
  /** Where the worker opens its own checkpointer (a PostgresSaver cannot cross threads). */
  storeUrl?: string;
  /** Boot the PGlite template at start (pointless when validating on a server). */
  warm: boolean;
}

export interface WorkerRunOptions {
  maxRounds?: number;
  databaseUrl?: string;
  threadId?: string;
  /** A mode is resolved in the worker against the environment it shares with the server. */
  llm?: LlmMode | LlmConfig;
  existing?: ExistingInput;
  previous?: PreviousProject;
  /** Checkpoint in the store under threadId (and resume from it). */
  checkpoint: boolean;
}

export type ToWorker =
  | { type: 'run'; id: number; input: PipelineInput; options: WorkerRunOptions }
  | { type: 'abort'; id: number }
  /** Shutting down: drop the server databases the worker keeps warm, then answer 'settled'. */
  | { type: 'settle' };

export type WorkerError =
  | { kind: 'input'; message: string; issues: InputIssue[] }
  | { kind: 'aborted' | 'internal'; message: string; stack?: string };

export type FromWorker =
  | { type: 'event'; id: number; event: NodeEvent }
  | { type: 'rounds'; id: number; rounds: RoundRecord[] }
  | { type: 'done'; id: number; result: PipelineResult }
  | { type: 'error'; id: number; error: WorkerError }
  | { type: 'settled' };
