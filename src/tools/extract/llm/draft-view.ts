/**
 * How the model sees a draft: the extraction-level DataModel in the patch's own vocabulary, compact (no
 * physical names, no provenance beyond the PRD line), with ids on the items a patch can only point at.
 * The ids are positions in the model, so the merge resolves them against the very model this view was made of.
 */
import type { DataModel, Predicate } from '../../../model/model.ts';

export interface DraftIds {
  keys: Map<string, number>;
  patterns: Map<string, number>;
  rows: Map<string, number>;
}

export function draftIds(model: DataModel): DraftIds {
  const ids = (n: number, prefix: string) => new Map(Array.from({ length: n }, (_, i) => [`${prefix}:${i + 1}`, i] as const));
  return { keys: ids(model.indexes.length, 'key'), patterns: ids(model.queryPatterns.length, 'pattern'), rows: ids(model.referenceData.length, 'rows') };
}

export function draftView(model: DataModel): string {
  const line = (p: { provenance?: { source: string; line?: number } }) => (p.provenance?.source === 'prd' || p.provenance?.source === 'llm' ? p.provenance.line ?? null : null);
  const view = {
    tenancy: { tenantRoot: model.tenancy.rootEntity, users: model.tenancy.userEntity, tenantKey: model.tenancy.field },
    entities: model.entities.map((e) => ({
      name: e.name,
      kind: e.kind,
      ...(e.softDelete ? { softDelete: true } : {}),
      line: line(e),
      fields: e.fields.map((f) => ({
        name: f.name,
        type: f.type,
        required: f.required,
        ...(f.enumValues ? { enumValues: f.enumValues } : {}),
        ...(f.maxLength ? { maxLength: f.maxLength } : {}),
        ...(f.default ? { default: f.default.kind === 'value' ? f.default.value : f.default.kind } : {}),
        line: line(f),
      })),
    })),
    relations: model.relations.map((r) => ({
      from: r.from,
      name: r.name,
      to: r.to,
      cardinality: r.cardinality,
      required: r.required,
      ...(r.onDelete ? { onDelete: r.onDelete } : {}),
      line: line(r),
    })),
    keys: model.indexes.map((ix, i) => ({ id: `key:${i + 1}`, entity: ix.entity, fields: ix.fields, unique: ix.unique, ...(ix.where.length ? { where: ix.where.map(predicate) } : {}), line: line(ix) })),
    queryPatterns: model.queryPatterns.map((q, i) => ({
      id: `pattern:${i + 1}`,
      entity: q.entity,
      description: q.description,
      equality: q.equality,
      ...(q.range ? { range: q.range } : {}),
      ...(q.orderBy.length ? { orderBy: q.orderBy } : {}),
      ...(q.where.length ? { where: q.where.map(predicate) } : {}),
      line: line(q),
    })),
    referenceData: model.referenceData.map((r, i) => ({ id: `rows:${i + 1}`, entity: r.entity, rows: r.rows, line: line(r) })),
  };
  return JSON.stringify(view, null, 1);
}

function predicate(p: Predicate): string {
  return p.op === 'eq' ? `${p.field} = ${JSON.stringify(p.value)}` : `${p.field} ${p.op === 'isNull' ? 'IS NULL' : 'IS NOT NULL'}`;
}

/** The PRD with its line numbers in a margin, so the model can cite lines the way findings do. */
export function numberLines(prd: string): string {
  const lines = prd.replace(/\r\n?/g, '\n').split('\n');
  const width = String(lines.length).length;
  return lines.map((text, i) => `${String(i + 1).padStart(width)} | ${text}`).join('\n');
}
