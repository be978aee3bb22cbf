/**
 * LLM-assisted extraction, one round: the model reviews a draft (the deterministic result, or in a feedback
 * round the model the previous round extracted, with the validator's findings) and answers with a patch; the
 * merge applies what fits. A malformed answer is re-asked once with the zod error; after that, or when the
 * endpoint stays unavailable, the draft stands and a finding says so. This never throws for the model's sake:
 * only a cancelled run or a bug in our own code ends the round with an error.
 */
import type { Callbacks } from '@langchain/core/callbacks/manager';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { DataModel, Finding } from '../../../model/model.ts';
import { askStructured, type AskResult } from './client.ts';
import type { LlmConfig } from './config.ts';
import { draftView, numberLines } from './draft-view.ts';
import { mergePatch } from './merge.ts';
import { render } from './prompts.ts';
import type { LlmCall, LlmRound } from './record.ts';
import { ExtractionPatch, PATCH_SCHEMA_NAME } from './schema.ts';

export interface LlmExtractionInput {
  prd: string;
  /** What the model reviews: the deterministic draft, or the model the previous round extracted. */
  draft: DataModel;
  /** The extraction findings so far (the parser's, then the merge's); answered ones are dropped. */
  findings: Finding[];
  /** A feedback round: the validator's findings the extraction owns. Absent on the first reading. */
  feedback?: Finding[];
  round: number;
  config: LlmConfig;
  signal?: AbortSignal;
  callbacks?: Callbacks;
}

export interface LlmExtraction {
  model: DataModel;
  findings: Finding[];
  record: LlmRound;
}

/** Findings the LLM path itself produces; a new round replaces them. */
const OWN_RULES: ReadonlySet<string> = new Set(['llm-change-rejected', 'llm-fallback']);

export async function extractWithLlm(input: LlmExtractionInput): Promise<LlmExtraction> {
  const purpose = input.feedback ? 'repair' : 'extract';
  const prd = numberLines(input.prd);
  const user = input.feedback
    ? render('repair', { prd, model: draftView(input.draft), findings: JSON.stringify(input.feedback.map(feedbackItem), null, 1) })
    : render('extract', { prd, draft: draftView(input.draft), findings: notUnderstood(input.findings) });
  const messages = [new SystemMessage(render('system', {})), new HumanMessage(user)];
  const options = { signal: input.signal, callbacks: input.callbacks };

  const calls: LlmCall[] = [];
  let answer: AskResult<ExtractionPatch> = await askStructured(input.config, messages, ExtractionPatch, PATCH_SCHEMA_NAME, { ...options, purpose });
  calls.push(...answer.calls);
  if (answer.kind === 'malformed') {
    const reask = new HumanMessage(render('reask', { error: answer.error }));
    answer = await askStructured(input.config, [...messages, reask], ExtractionPatch, PATCH_SCHEMA_NAME, { ...options, purpose: 'reask' });
    calls.push(...answer.calls);
  }
  const fallback = (reason: string): LlmExtraction => ({
    model: input.draft,
    findings: [...input.findings.filter((f) => !OWN_RULES.has(f.ruleId)), fallbackFinding(reason, purpose)],
    record: { round: input.round, purpose, calls, outcome: 'fallback', fallbackReason: reason, applied: [], rejected: [] },
  });
  if (answer.kind === 'malformed') return fallback(`the answer did not match the schema twice: ${answer.error}`);
  if (answer.kind === 'unavailable') return fallback(answer.error);

  const merged = mergePatch(input.draft, answer.value, { prdLines: prd.split('\n').length });
  const resolved = new Set(merged.resolvedLines);
  const answered = (f: Finding) => {
    if (OWN_RULES.has(f.ruleId)) return true;
    if (f.ruleId !== 'extract-not-understood') return false;
    const line = /^line (\d+)$/.exec(f.target);
    // The parser's "almost nothing was understood" is answered by any change the model made.
    return line ? resolved.has(Number(line[1])) : f.target === 'prd' && merged.applied.length > 0;
  };
  return {
    model: merged.model,
    findings: [...input.findings.filter((f) => !answered(f)), ...merged.findings],
    record: { round: input.round, purpose, calls, outcome: 'merged', applied: merged.applied, rejected: merged.rejected },
  };
}

function notUnderstood(findings: Finding[]): string {
  const lines = findings.filter((f) => f.category === 'extraction').map((f) => `- ${f.target}: ${f.message}`);
  return lines.length ? lines.join('\n') : '(none)';
}

function feedbackItem(f: Finding): Pick<Finding, 'ruleId' | 'level' | 'target' | 'message' | 'fix'> {
  return { ruleId: f.ruleId, level: f.level, target: f.target, message: f.message, fix: f.fix };
}

function fallbackFinding(reason: string, purpose: 'extract' | 'repair'): Finding {
  return {
    ruleId: 'llm-fallback',
    level: 'warning',
    category: 'extraction',
    target: 'extract',
    message: `LLM-assisted extraction was not used (${reason}); ${purpose === 'extract' ? 'the deterministic extraction' : "the previous round's model"} stands.`,
    fix: 'Check the endpoint and model (OPENAI_BASE_URL, SCHEMAWRIGHT_MODEL) or raise SCHEMAWRIGHT_LLM_TIMEOUT_MS; report.json lists every call.',
  };
}
