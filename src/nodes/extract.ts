/** extract: PRD text or a structured model → entities, fields, stated relations, keys, patterns, reference data. */
import { DataModel } from '../model/index.ts';
import { extractFromStructured } from '../tools/extract/structured/convert.ts';
import { extractFromMarkdown } from '../tools/extract/markdown/index.ts';
import { extractWithLlm } from '../tools/extract/llm/extract-with-llm.ts';
import type { LlmRound } from '../tools/extract/llm/record.ts';
import { reconcileWithExisting } from '../tools/existing/index.ts';
import { defineNode } from './node-context.ts';

export const extractNode = defineNode('extract', async (state, runtime, config) => {
  const input = state.input;
  const llm = runtime.llm && input.kind === 'prd' ? { config: runtime.llm, prd: input.text, signal: config.signal, callbacks: config.callbacks } : undefined;
  if (state.model) {
    // Routed back by the validator: only a model can answer differently; deterministic extraction keeps its result.
    if (!llm || !state.extracted) return { update: {}, summary: 'kept the extracted model' };
    const feedback = state.findings.filter((f) => f.owner === 'extract');
    const repaired = await extractWithLlm({ ...llm, draft: state.extracted, findings: state.extractFindings, feedback, round: state.round });
    return {
      update: { model: repaired.model, extracted: repaired.model, extractFindings: repaired.findings, llmRounds: repaired.record },
      summary: `${feedback.length} findings to the LLM: ${llmSummary(repaired.record)}`,
    };
  }
  const { model, findings } =
    input.kind === 'model'
      ? { ...extractFromStructured(input.json), findings: [] }
      : extractFromMarkdown(input.text, { name: input.name });
  const checked = DataModel.parse(input.name ? { ...model, name: model.name === 'app' ? input.name : model.name } : model);
  const assisted = llm ? await extractWithLlm({ ...llm, draft: checked, findings, round: state.round }) : undefined;
  // Existing models as reference: the PRD extends their tables (names, types, tenant key) instead of duplicating them.
  const reconciled = state.existing ? await reconcileWithExisting(assisted?.model ?? checked, state.existing) : undefined;
  const result = reconciled?.model ?? assisted?.model ?? checked;
  return {
    update: {
      model: result, extracted: result, extractFindings: [...(assisted?.findings ?? findings), ...(reconciled?.findings ?? [])],
      ...(assisted ? { llmRounds: assisted.record } : {}),
    },
    summary: `${result.entities.length} entities, ${result.relations.length} relations, ${result.queryPatterns.length} query patterns${assisted ? ` (LLM: ${llmSummary(assisted.record)})` : ''}`,
  };
});

function llmSummary(record: LlmRound): string {
  if (record.outcome === 'fallback') return 'not used, deterministic result stands';
  return `${record.applied.length} changes${record.rejected.length ? `, ${record.rejected.length} refused` : ''}`;
}
