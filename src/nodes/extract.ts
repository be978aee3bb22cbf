/** extract: PRD text or a structured model → entities, fields, stated relations, keys, patterns, reference data. */
import { DataModel } from '../model/index.ts';
import { extractFromStructured } from '../tools/extract/structured/convert.ts';
import { extractFromMarkdown } from '../tools/extract/markdown/index.ts';
import { defineNode } from './node-context.ts';

export const extractNode = defineNode('extract', async (state) => {
  // Deterministic extraction reads the input once; later rounds repair the model the passes built from it.
  if (state.model) return { update: {}, summary: 'kept the extracted model' };
  const input = state.input;
  const { model, findings } =
    input.kind === 'model'
      ? { ...extractFromStructured(input.json), findings: [] }
      : extractFromMarkdown(input.text, { name: input.name });
  const checked = DataModel.parse(input.name ? { ...model, name: model.name === 'app' ? input.name : model.name } : model);
  return {
    update: { model: checked, extractFindings: findings },
    summary: `${checked.entities.length} entities, ${checked.relations.length} relations, ${checked.queryPatterns.length} query patterns`,
  };
});
