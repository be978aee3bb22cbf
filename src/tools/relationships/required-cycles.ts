/**
 * A cycle of required foreign keys (A needs B, B needs A; or A needs another A) leaves no first row to insert. The
 * relationships pass breaks every such cycle at its last-declared edge, which becomes optional (SetNull).
 */
import type { DataModel, Relation } from '../../model/index.ts';

export function breakRequiredCycles(model: DataModel): DataModel {
  const relations = [...model.relations];
  for (;;) {
    const cycle = findRequiredCycle(relations);
    if (!cycle) return { ...model, relations };
    const last = Math.max(...cycle);
    const r = relations[last]!;
    relations[last] = {
      ...r, required: false, onDelete: 'SetNull',
      why: `rule: ${cycle.map((i) => `${relations[i]!.from}.${relations[i]!.field}`).join(' → ')} formed a cycle of required references that no row could be inserted into; this one is optional`,
    };
  }
}

/** Indexes (into relations) of one cycle of required many-to-one/one-to-one references; a required self-reference is a cycle of one. */
function findRequiredCycle(relations: Relation[]): number[] | undefined {
  const edges = relations
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.required && r.cardinality !== 'many-to-many');
  const state = new Map<string, 'visiting' | 'done'>();
  const path: number[] = [];
  const visit = (node: string): number[] | undefined => {
    state.set(node, 'visiting');
    for (const { r, i } of edges.filter((e) => e.r.from === node)) {
      path.push(i);
      if (state.get(r.to) === 'visiting') return path.slice(path.findIndex((j) => relations[j]!.from === r.to));
      if (!state.has(r.to)) {
        const found = visit(r.to);
        if (found) return found;
      }
      path.pop();
    }
    state.set(node, 'done');
    return undefined;
  };
  for (const node of new Set(edges.map((e) => e.r.from))) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}
