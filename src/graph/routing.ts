/**
 * Where the validator loop goes next: back to the earliest node that owns an error, while rounds remain and
 * the last round made progress; otherwise it stops and the report says what still fails.
 */
import type { Finding, NodeName } from '../model/index.ts';
import type { RoundRecord } from './state.ts';

export const NODE_ORDER: readonly NodeName[] = ['extract', 'relationships', 'indexes', 'tenancy', 'migration', 'validate'];

export interface RoutingInput {
  round: number;
  maxRounds: number;
  findings: Finding[];
  previous: RoundRecord[];
  /** Nodes that can change their output when asked again (deterministic extraction cannot). */
  repairable: ReadonlySet<NodeName>;
}

export function chooseNextNode({ round, maxRounds, findings, previous, repairable }: RoutingInput): NodeName | null {
  if (round + 1 >= maxRounds) return null;
  const errors = findings.filter((f) => f.level === 'error' && f.owner && repairable.has(f.owner));
  if (errors.length === 0) return null;
  const last = previous.at(-1);
  if (last && signature(last.findings) === signature(errors)) return null; // the last repair changed nothing
  return NODE_ORDER.find((node) => errors.some((f) => f.owner === node)) ?? null;
}

function signature(findings: Finding[]): string {
  return findings
    .filter((f) => f.level === 'error')
    .map((f) => `${f.ruleId}:${f.target}`)
    .sort()
    .join('|');
}
