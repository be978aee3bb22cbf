/**
 * Tables in foreign-key dependency order: the order to create, seed or load them. Nullable FKs that close a
 * cycle (organizations.created_by → users → organizations) are left for last, since a null breaks the cycle.
 */
import type { DataModel, Entity } from '../../model/index.ts';
import { foreignKeyRelations } from '../../model/index.ts';

export function dependencyOrder(model: DataModel): Entity[] {
  const deps = new Map<string, Set<string>>(model.entities.map((e) => [e.name, new Set<string>()]));
  for (const e of model.entities) if (e.kind === 'tenant' || e.kind === 'junction') deps.get(e.name)!.add(model.tenancy.rootEntity);
  for (const r of foreignKeyRelations(model)) if (r.required && r.from !== r.to) deps.get(r.from)?.add(r.to);
  const ordered: Entity[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (e: Entity): void => {
    if (done.has(e.name) || visiting.has(e.name)) return; // a required cycle: broken where it is found
    visiting.add(e.name);
    for (const d of deps.get(e.name) ?? []) {
      const target = model.entities.find((x) => x.name === d);
      if (target) visit(target);
    }
    visiting.delete(e.name);
    done.add(e.name);
    ordered.push(e);
  };
  model.entities.forEach(visit);
  return ordered;
}
