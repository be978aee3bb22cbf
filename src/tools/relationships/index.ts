/** The relationships pass: model in, model out (DESIGN §1). */
import type { DataModel } from '../../model/index.ts';
import { completeGraph } from './complete-graph.ts';
import { resolveJunctions } from './junctions.ts';
import { addForeignKeyFields } from './foreign-keys.ts';
import { applyConventions } from './conventions.ts';
import { chooseReferentialActions } from './referential-actions.ts';
import { breakRequiredCycles } from './required-cycles.ts';
import { fitReferenceRows } from './reference-rows.ts';

/** In order: each step relies on what the previous ones added (junctions before FK fields, FK fields before actions). */
const STEPS: ReadonlyArray<(model: DataModel) => DataModel> = [
  completeGraph, resolveJunctions, breakRequiredCycles, applyConventions, addForeignKeyFields, chooseReferentialActions, fitReferenceRows,
];

export function resolveRelationships(model: DataModel): DataModel {
  return STEPS.reduce((current, step) => step(current), model);
}
