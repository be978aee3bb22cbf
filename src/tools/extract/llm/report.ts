/** The `llm` section of report.json: every call with its tokens and latency, and what the model changed. */
import type { LlmCall, LlmChange, LlmRound, RejectedChange } from './record.ts';

export interface LlmReport {
  model: string;
  totals: { calls: number; promptTokens: number; completionTokens: number; ms: number };
  rounds: Array<Pick<LlmRound, 'round' | 'purpose' | 'outcome' | 'fallbackReason'> & { applied: number; rejected: number }>;
  /** Rounds in which the model's answer was not used and the draft stood. */
  fallbacks: Array<{ round: number; reason: string }>;
  calls: Array<LlmCall & { round: number }>;
  changes: Array<LlmChange & { round: number }>;
  rejected: Array<RejectedChange & { round: number }>;
}

/** Null when the run did not use the LLM. */
export function buildLlmReport(rounds: LlmRound[]): LlmReport | null {
  if (rounds.length === 0) return null;
  const calls = rounds.flatMap((r) => r.calls.map((c) => ({ ...c, round: r.round })));
  const sum = (pick: (c: LlmCall) => number | undefined) => calls.reduce((n, c) => n + (pick(c) ?? 0), 0);
  return {
    model: calls[0]?.model ?? '',
    totals: { calls: calls.length, promptTokens: sum((c) => c.promptTokens), completionTokens: sum((c) => c.completionTokens), ms: sum((c) => c.ms) },
    rounds: rounds.map((r) => ({
      round: r.round, purpose: r.purpose, outcome: r.outcome, ...(r.fallbackReason ? { fallbackReason: r.fallbackReason } : {}),
      applied: r.applied.length, rejected: r.rejected.length,
    })),
    fallbacks: rounds.filter((r) => r.outcome === 'fallback').map((r) => ({ round: r.round, reason: r.fallbackReason ?? '' })),
    calls,
    changes: rounds.flatMap((r) => r.applied.map((c) => ({ ...c, round: r.round }))),
    rejected: rounds.flatMap((r) => r.rejected.map((c) => ({ ...c, round: r.round }))),
  };
}
