/**
 * The graph's state: what every node reads and returns a part of. Everything here is plain JSON so that a
 * checkpointer can persist a run; runtime wiring (database URL, hooks) travels in the run's config instead.
 */
import { z } from 'zod';
import { ReducedValue, StateSchema } from '@langchain/langgraph';
import type { DataModel, Finding, NodeName } from '../model/index.ts';
import type { ValidationOutcome } from '../tools/validate/outcome.ts';
import type { LlmRound } from '../tools/extract/llm/record.ts';
import type { ExistingInput } from '../tools/existing/types.ts';
import type { PreviousProject } from '../tools/evolution/next-migration.ts';

export const PipelineInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('prd'), text: z.string(), name: z.string().optional() }),
  z.object({ kind: z.literal('model'), json: z.unknown(), name: z.string().optional() }),
]);
export type PipelineInput = z.infer<typeof PipelineInput>;

export interface RoundRecord {
  round: number;
  /** The node the loop went back to after this round, or null when it stopped. */
  routedTo: NodeName | null;
  findings: Finding[];
}

export interface NodeTiming {
  node: NodeName;
  round: number;
  ms: number;
}

export const PipelineState = new StateSchema({
  input: PipelineInput,
  maxRounds: z.number().int().min(1).default(3),
  /** The migration folder's timestamp prefix (YYYYMMDDHHMMSS). */
  timestamp: z.string(),
  round: z.number().int().default(0),
  model: z.custom<DataModel>().optional(),
  /** The model as extraction left it: an LLM feedback round patches this, and the later passes rebuild from it. */
  extracted: z.custom<DataModel>().optional(),
  /** What extraction could not understand; kept across rounds. */
  extractFindings: z.custom<Finding[]>().default(() => []),
  /** Existing models (SQLAlchemy or schema.prisma) the extracted model extends: names, types, tenant key. */
  existing: z.custom<ExistingInput>().optional(),
  /** Evolution: the project as it is; the migration node then writes only the next migration. */
  previous: z.custom<PreviousProject>().optional(),
  /** What the migration node found in the next migration: destructive changes and their risk. */
  migrationFindings: z.custom<Finding[]>().default(() => []),
  artifacts: z.custom<Record<string, string>>().default(() => ({})),
  validation: z.custom<ValidationOutcome>().optional(),
  /** Where the loop goes after validate: the node owning the first fixable error, or null to stop. */
  next: z.custom<NodeName | null>().default(null),
  /** Findings of the last validation, which the owning nodes act on in the next round. */
  findings: z.custom<Finding[]>().default(() => []),
  rounds: new ReducedValue(z.custom<RoundRecord[]>().default(() => []), {
    inputSchema: z.custom<RoundRecord>(),
    reducer: (all: RoundRecord[], next: RoundRecord) => [...all, next],
  }),
  timings: new ReducedValue(z.custom<NodeTiming[]>().default(() => []), {
    inputSchema: z.custom<NodeTiming>(),
    reducer: (all: NodeTiming[], next: NodeTiming) => [...all, next],
  }),
  /** One record per extraction round that asked the LLM: its calls, and the changes applied or refused. */
  llmRounds: new ReducedValue(z.custom<LlmRound[]>().default(() => []), {
    inputSchema: z.custom<LlmRound>(),
    reducer: (all: LlmRound[], next: LlmRound) => [...all, next],
  }),
});
export type PipelineStateValue = typeof PipelineState.State;
export type PipelineStateUpdate = typeof PipelineState.Update;
