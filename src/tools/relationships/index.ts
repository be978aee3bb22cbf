/** The relationships pass: model in, model out (DESIGN §1). */
import type { DataModel } from '../../model/index.ts';
import { completeGraph } from './complete-graph.ts';
import { resolveJunctions } from './junctions.ts';
import { addForeignKeyFields } from './foreign-keys.ts';
import { applyConventions } from './conventions.ts';
import { chooseReferentialActions } from './referential-actions.ts';
import { breakRequiredCycles } from './required-cycles.ts';

export function resolveRelationships(model: DataModel): DataModel {
  return chooseReferentialActions(addForeignKeyFields(applyConventions(breakRequiredCycles(resolveJunctions(completeGraph(model))))));
}
