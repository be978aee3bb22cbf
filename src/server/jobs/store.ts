/** What a job is and where it lives: the memory store (one process) and the PostgreSQL store (survives restarts). */
import type { BaseCheckpointSaver } from '@langchain/langgraph';
import type { PipelineInput } from '../../graph/state.ts';
import type { PipelineResult } from '../../graph/run.ts';
import type { Problem } from '../problem.ts';
import type { ExistingInput } from '../../tools/existing/types.ts';
import type { PreviousProject } from '../../tools/evolution/next-migration.ts';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export const FINISHED: ReadonlySet<JobStatus> = new Set(['succeeded', 'failed']);

/** What was asked, stored so that a restarted server can run it again. */
export interface GenerationRequest {
  input: PipelineInput;
  rounds: number;
  llm: 'off' | 'auto' | 'on';
  existing?: ExistingInput;
  previous?: PreviousProject;
}

export interface JobRecord {
  id: string;
  status: JobStatus;
  request: GenerationRequest;
  result?: PipelineResult;
  error?: Problem;
  /** How many times a server started running it (more than 1 after a resume). */
  attempts: number;
  createdAt: string;
  updatedAt: string;
}

export type JobEventType = 'status' | 'node-started' | 'node-finished' | 'round' | 'findings';

/** One server-sent event; `seq` is its SSE id, so a client can resume with Last-Event-ID. */
export interface JobEvent {
  seq: number;
  type: JobEventType;
  data: Record<string, unknown>;
  at: string;
}

export type JobPatch = Partial<Pick<JobRecord, 'status' | 'result' | 'error' | 'attempts'>>;

export interface JobStore {
  /** True when jobs outlive the process; only then is running work checkpointed instead of failed on shutdown. */
  readonly durable: boolean;
  /** Where LangGraph keeps each job's progress (thread id = job id); absent in memory. */
  readonly checkpointer?: BaseCheckpointSaver;
  init(): Promise<void>;
  create(job: JobRecord): Promise<void>;
  get(id: string): Promise<JobRecord | undefined>;
  update(id: string, patch: JobPatch): Promise<void>;
  appendEvent(id: string, event: JobEvent): Promise<void>;
  events(id: string, afterSeq?: number): Promise<JobEvent[]>;
  /** Queued and running jobs, oldest first: what a starting server must pick up. */
  unfinished(): Promise<JobRecord[]>;
  /** Deletes finished jobs last updated before `before`; returns their ids. */
  purgeFinished(before: Date): Promise<string[]>;
  /** Throws when the store cannot serve (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
