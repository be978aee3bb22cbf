/** report.json: what was generated, what was proved, what still fails, and how long each step took. */
import type { DataModel, Finding } from '../model/index.ts';
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
  validation: Omit<ValidationOutcome, 'catalog' | 'findings'> | null;
  timings: NodeTiming[];
  /** LLM-assisted extraction: calls, tokens, latency, changes and fallbacks; null when the LLM was not used. */
  llm: LlmReport | null;
}

export function buildReport(model: DataModel, validation: ValidationOutcome | undefined, findings: Finding[], rounds: RoundRecord[], timings: NodeTiming[], llmRounds: LlmRound[] = []): Report {
  const errors = findings.filter((f) => f.level === 'error');
  const valid = !!validation && errors.length === 0;
  const { catalog: _catalog, findings: _findings, ...proof } = validation ?? { catalog: null, findings: [] };
  return {
    valid,
    summary: valid
      ? `Valid after ${rounds.length} round(s): migration applies, tenant isolation holds on every table, no drift.`
      : `${errors.length} error(s) remain after ${rounds.length} round(s): ${[...new Set(errors.map((e) => e.ruleId))].join(', ')}.`,
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
    validation: validation ? (proof as Report['validation']) : null,
    timings,
    llm: buildLlmReport(llmRounds),
  };
}
