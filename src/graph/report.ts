/** report.json: what was generated, what was proved, what still fails, and how long each step took. */
import type { DataModel, Finding, NodeName } from '../model/index.ts';
import { findEntity } from '../model/index.ts';
import type { ValidationOutcome } from '../tools/validate/outcome.ts';
import { buildLlmReport, type LlmReport } from '../tools/extract/llm/report.ts';
import type { LlmRound } from '../tools/extract/llm/record.ts';
import type { NodeTiming, RoundRecord } from './state.ts';

export interface Report {
  valid: boolean;
  summary: string;
  tenancy: { column: string; setting: string; appRole: string; rootTable: string };
  counts: { tables: number; tenantTables: number; foreignKeys: number; indexes: number; policies: number; queryPatterns: number };
  findings: Finding[];
  rounds: RoundRecord[];
  /** The repair loop round by round: which errors each node owned, where the loop went and why it stopped. */
  loop: LoopStep[];
  validation: Omit<ValidationOutcome, 'catalog' | 'findings'> | null;
  timings: NodeTiming[];
  /** LLM-assisted extraction: calls, tokens, latency, changes and fallbacks; null when the LLM was not used. */
  llm: LlmReport | null;
}

export interface LoopStep {
  round: number;
  errors: number;
  /** Rule ids of the round's errors by owning node ("none": no node owns the fix). */
  errorsByOwner: Record<string, string[]>;
  routedTo: NodeName | null;
  why: string;
}

export function buildReport(model: DataModel, validation: ValidationOutcome | undefined, findings: Finding[], rounds: RoundRecord[], timings: NodeTiming[], llmRounds: LlmRound[] = []): Report {
  const errors = findings.filter((f) => f.level === 'error');
  const valid = !!validation && errors.length === 0;
  const { catalog: _catalog, schemaObjects: _objects, findings: _findings, ...proof } = validation ?? { catalog: null, schemaObjects: null, findings: [] };
  const loop = loopSteps(rounds, llmRounds.length > 0);
  return {
    valid,
    summary: valid
      ? `Valid after ${rounds.length} round(s): migration applies, tenant isolation holds on every table, no drift.`
      : `${errors.length} error(s) remain after ${rounds.length} round(s): ${[...new Set(errors.map((e) => e.ruleId))].join(', ')}. ` +
        `Stopped: ${loop.at(-1)?.why ?? 'no validation ran'}.`,
    tenancy: {
      column: model.tenancy.column, setting: model.tenancy.setting, appRole: model.tenancy.appRole,
      rootTable: findEntity(model, model.tenancy.rootEntity)?.table ?? 'organizations',
    },
    counts: {
      tables: model.entities.length,
      tenantTables: model.entities.filter((e) => e.kind === 'tenant' || e.kind === 'junction').length,
      foreignKeys: model.relations.filter((r) => r.cardinality !== 'many-to-many').length,
      indexes: model.indexes.length,
      policies: model.policies.length,
      queryPatterns: model.queryPatterns.length,
    },
    findings,
    rounds,
    loop,
    validation: validation ? (proof as Report['validation']) : null,
    timings,
    llm: buildLlmReport(llmRounds),
  };
}

/**
 * Why the loop went where it went, read back from the rounds with the routing rules (graph/routing.ts): back to
 * the earliest node owning an error; stop when there is none, when no node can repair what is left, when a
 * round changed nothing, or at the round limit.
 */
function loopSteps(rounds: RoundRecord[], llm: boolean): LoopStep[] {
  return rounds.map((record, i) => {
    const errors = record.findings.filter((f) => f.level === 'error');
    const errorsByOwner: Record<string, string[]> = {};
    for (const f of errors) errorsByOwner[f.owner ?? 'none'] = [...new Set([...(errorsByOwner[f.owner ?? 'none'] ?? []), f.ruleId])];
    const repairable = errors.filter((f) => f.owner && (f.owner !== 'extract' || llm));
    const previous = rounds[i - 1]?.findings.filter((f) => f.level === 'error');
    const why = record.routedTo
      ? `${record.routedTo} owns the earliest fix (${errorsByOwner[record.routedTo]?.join(', ')}); it and every node after it run again`
      : errors.length === 0
        ? 'no errors'
        : repairable.length === 0
          ? `no node can repair what is left (${Object.keys(errorsByOwner).map((o) => (o === 'none' ? 'no owner' : o === 'extract' ? 'extraction, deterministic' : o)).join(', ')})`
          : previous && key(previous) === key(errors)
            ? 'the last repair changed nothing'
            : 'the round limit was reached';
    return { round: record.round, errors: errors.length, errorsByOwner, routedTo: record.routedTo, why };
  });
}

function key(findings: Finding[]): string {
  return findings.map((f) => `${f.ruleId}:${f.target}`).sort().join('|');
}
