/** validate: Prisma accepts the schema, the migration applies, isolation holds, indexes serve, no drift. */
import type { NodeName } from '../model/index.ts';
import { chooseNextNode } from '../graph/routing.ts';
import { validateArtifacts } from '../tools/validate/run-validation.ts';
import { defineNode } from './node-context.ts';

/** Deterministic extraction gives the same answer twice, so the loop repairs from the relationships node on. */
const REPAIRABLE: ReadonlySet<NodeName> = new Set(['relationships', 'indexes', 'tenancy', 'migration']);

export const validateNode = defineNode('validate', async (state, runtime) => {
  const validation = await validateArtifacts(state.model!, state.artifacts, { databaseUrl: runtime.databaseUrl });
  const findings = [...state.extractFindings, ...validation.findings].map((f) => ({ ...f, round: state.round }));
  const next = chooseNextNode({ round: state.round, maxRounds: state.maxRounds, findings, previous: state.rounds, repairable: REPAIRABLE });
  const errors = findings.filter((f) => f.level === 'error').length;
  return {
    update: {
      validation, findings, next,
      round: next ? state.round + 1 : state.round,
      rounds: { round: state.round, routedTo: next, findings },
    },
    summary: errors ? `${errors} errors${next ? `, back to ${next}` : ''}` : 'valid',
  };
});
