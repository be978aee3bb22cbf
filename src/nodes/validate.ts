/** validate: Prisma accepts the schema, the migration applies, isolation holds, indexes serve, no drift. */
import type { Finding, NodeName } from '../model/index.ts';
import { chooseNextNode } from '../graph/routing.ts';
import type { RoundRecord } from '../graph/state.ts';
import { validateArtifacts } from '../tools/validate/run-validation.ts';
import { defineNode } from './node-context.ts';

/** Deterministic extraction gives the same answer twice, so the loop repairs from the relationships node on. */
const REPAIRABLE: ReadonlySet<NodeName> = new Set(['relationships', 'indexes', 'tenancy', 'migration']);
/** A model answers differently when told what went wrong, so with one the loop can go back to extraction. */
const REPAIRABLE_WITH_LLM: ReadonlySet<NodeName> = new Set(['extract', ...REPAIRABLE]);

export const validateNode = defineNode('validate', async (state, runtime) => {
  const validation = await validateArtifacts(state.model!, state.artifacts, { databaseUrl: runtime.databaseUrl });
  const findings = [...state.extractFindings, ...state.migrationFindings, ...validation.findings].map((f) => ({ ...f, round: state.round }));
  // A model that failed once in this run (unreachable, or malformed twice) is not asked again.
  const llm = !!runtime.llm && state.input.kind === 'prd' && state.llmRounds.at(-1)?.outcome !== 'fallback';
  const routed = llm ? asFeedback : (f: Finding) => f;
  const next = chooseNextNode({
    round: state.round, maxRounds: state.maxRounds, findings: findings.map(routed),
    previous: state.rounds.map((r): RoundRecord => ({ ...r, findings: r.findings.map(routed) })),
    repairable: llm ? REPAIRABLE_WITH_LLM : REPAIRABLE,
  });
  const errors = findings.filter((f) => f.level === 'error').length;
  return {
    update: {
      validation, findings, next,
      round: next ? state.round + 1 : state.round,
      rounds: { round: state.round, routedTo: next, findings },
    },
    summary: errors ? `${errors} errors${next ? `, back to ${next}` : ''}` : next ? `valid, extraction findings back to ${next}` : 'valid',
  };
});

/**
 * With an LLM, extraction warnings it owns (lines nobody understood, changes the merge refused) are worth a
 * feedback round, so routing weighs them like errors; the report keeps their real level. Routing still stops
 * when a round changes nothing.
 */
function asFeedback(f: Finding): Finding {
  return f.owner === 'extract' && f.level === 'warning' ? { ...f, level: 'error' } : f;
}
