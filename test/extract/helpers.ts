/** Helpers for the markdown extractor tests: run the extractor and look things up by name. */
import { extractFromMarkdown } from '../../src/tools/extract/markdown/index.ts';
import type { DataModel, Entity, Field, Relation } from '../../src/model/index.ts';

export function extract(prd: string): { model: DataModel; findings: ReturnType<typeof extractFromMarkdown>['findings'] } {
  return extractFromMarkdown(prd);
}

export function entity(model: DataModel, name: string): Entity {
  const e = model.entities.find((x) => x.name === name);
  if (!e) throw new Error(`no entity ${name}; have ${model.entities.map((x) => x.name).join(', ')}`);
  return e;
}

export function field(model: DataModel, ent: string, name: string): Field {
  const f = entity(model, ent).fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${ent}.${name}; have ${entity(model, ent).fields.map((x) => x.name).join(', ')}`);
  return f;
}

export function relation(model: DataModel, from: string, name: string): Relation {
  const r = model.relations.find((x) => x.from === from && x.name === name);
  if (!r) throw new Error(`no relation ${from}.${name}; have ${model.relations.map((x) => `${x.from}.${x.name}->${x.to}`).join(', ')}`);
  return r;
}

/** Every name an index, pattern or relation uses exists (or is the tenant key / a relation's FK field / an audit time). */
export function assertConsistent(model: DataModel): void {
  const names = new Set(model.entities.map((e) => e.name));
  const has = (ent: string, f: string) => {
    const e = model.entities.find((x) => x.name === ent);
    if (!e) return false;
    if (f === 'orgId' || f === 'createdAt' || f === 'updatedAt') return true;
    if (e.fields.some((x) => x.name === f)) return true;
    if (model.relations.some((r) => r.from === ent && r.field === f)) return true;
    // Junction FKs are named after the linked entities until the relationships pass creates them.
    return e.kind === 'junction' && model.relations.some((r) => r.through === ent && [r.from, r.to].some((n) => f === n.charAt(0).toLowerCase() + n.slice(1) + 'Id'));
  };
  for (const r of model.relations) {
    if (!names.has(r.from) || !names.has(r.to)) throw new Error(`relation ${r.from}.${r.name} -> ${r.to} dangles`);
    if (r.through && !names.has(r.through)) throw new Error(`junction ${r.through} missing`);
  }
  for (const i of model.indexes) for (const f of [...i.fields, ...i.where.map((w) => w.field)]) if (!has(i.entity, f)) throw new Error(`index on ${i.entity} names unknown ${f}`);
  for (const p of model.queryPatterns) for (const f of [...p.equality, ...(p.range ? [p.range] : []), ...p.orderBy.map((o) => o.field), ...p.where.map((w) => w.field)]) if (!has(p.entity, f)) throw new Error(`pattern on ${p.entity} names unknown ${f}`);
  for (const d of model.referenceData) if (!names.has(d.entity)) throw new Error(`reference rows for unknown ${d.entity}`);
}
