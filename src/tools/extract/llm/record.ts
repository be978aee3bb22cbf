/**
 * What the LLM did in a run, as plain JSON (it travels in the graph state and a checkpointer persists it):
 * every HTTP attempt with its tokens and latency, and per extraction round the changes that were applied,
 * the ones the merge refused, or why the deterministic result stood instead.
 */

/** ok: a schema-valid answer; malformed: an answer the schema rejects; the rest are failed requests. */
export type CallOutcome = 'ok' | 'malformed' | 'rate-limited' | 'server-error' | 'timeout' | 'connection-error' | 'error';

export interface LlmCall {
  /** extract: first reading of the PRD; repair: a feedback round; reask: the second try after a malformed answer. */
  purpose: 'extract' | 'repair' | 'reask';
  attempt: number;
  model: string;
  outcome: CallOutcome;
  ms: number;
  promptTokens?: number;
  completionTokens?: number;
  /** HTTP status of a failed request. */
  status?: number;
  error?: string;
}

export type ChangeOp =
  | 'add-entity' | 'rename-entity' | 'drop-entity' | 'correct-entity'
  | 'add-field' | 'drop-field' | 'correct-field'
  | 'add-relation' | 'drop-relation' | 'correct-relation'
  | 'add-natural-key' | 'add-partial-unique' | 'add-query-pattern' | 'add-reference-rows'
  | 'remove-draft-item' | 'not-data';

export interface LlmChange {
  op: ChangeOp;
  /** What it touches: "Ticket", "Ticket.dueAt", "Ticket.assignee → Agent", "key:2", "line 14". */
  target: string;
  reason: string;
  line?: number;
}

export interface RejectedChange extends LlmChange {
  /** Why the merge refused it. */
  problem: string;
}

export interface LlmRound {
  round: number;
  purpose: 'extract' | 'repair';
  calls: LlmCall[];
  /** merged: the patch was applied (possibly in part); fallback: the deterministic result stands. */
  outcome: 'merged' | 'fallback';
  fallbackReason?: string;
  applied: LlmChange[];
  rejected: RejectedChange[];
}
