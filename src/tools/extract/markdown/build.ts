/**
 * Draft → DataModel. Drops anything that points at a name the model does not hold (a relation to an entity
 * that was never confirmed, an index over a field that was not read) so the output is always consistent, and
 * reports each drop as a finding rather than failing.
 */
import { columnName, tableName } from '../../../model/names.ts';
import { DataModel, type DataModelInput, type Finding, type Provenance } from '../../../model/model.ts';
import type { Doc } from './doc.ts';
import type { DraftEntity, DraftField } from './types.ts';

const prov = (line: number | undefined, ref: string): Provenance => ({ source: 'prd', ...(line ? { line } : {}), ref: ref.slice(0, 160) });

/** Audit fields a later pass adds; patterns may already sort by them. */
export const LATER_FIELDS: readonly string[] = ['createdAt', 'updatedAt'];

export function buildModel(doc: Doc, name: string): { model: DataModel; findings: Finding[] } {
  const findings: Finding[] = doc.findings.map((f) => ({
    ruleId: 'extract-not-understood', level: 'warning', category: 'extraction', target: f.target, message: f.message,
    fix: 'Rephrase the requirement as "<entity> has <attribute>, <attribute> …" or list the entity\'s fields in a table.', owner: 'extract',
  }));
  const entities = doc.registry.list().filter((e) => keep(doc, e));
  // Every tenant has a display name, whether or not the PRD lists the organization's fields.
  const org = entities.find((e) => e.kind === 'tenant-root');
  if (org && !org.fields.some((f) => f.name === 'name'))
    org.fields.unshift({ name: 'name', type: 'string', required: true, requiredStated: false, role: 'attribute', line: org.line, ref: org.ref });
  const names = new Set(entities.map((e) => e.name));
  const relations = doc.relations.filter((r) => names.has(r.from) && names.has(r.to) && (!r.through || names.has(r.through)));
  // Each (from, field) once: two readings of one link keep the first.
  const seenField = new Set<string>();
  const uniqueRelations = relations.filter((r) => {
    const k = `${r.from}.${r.field ?? r.name}`;
    if (seenField.has(k)) return false;
    seenField.add(k);
    return true;
  });
  const known = (entity: string, field: string): boolean => {
    const e = entities.find((x) => x.name === entity);
    if (!e) return false;
    if (field === 'orgId') return e.kind !== 'global' && e.kind !== 'reference' && e.kind !== 'tenant-root';
    if (e.fields.some((f) => f.name === field)) return true;
    if (uniqueRelations.some((r) => r.from === entity && r.field === field)) return true;
    if (e.kind === 'junction') return uniqueRelations.some((r) => r.through === entity && [r.from, r.to].some((n) => field === n.charAt(0).toLowerCase() + n.slice(1) + 'Id'));
    return false;
  };
  const drop = (what: string, line?: number) =>
    findings.push({ ruleId: 'extract-not-understood', level: 'warning', category: 'extraction', target: line ? `line ${line}` : 'model', message: `Dropped ${what}: it names a field the model does not hold.`, fix: 'Name the field in the entity\'s attribute list.', owner: 'extract' });
  const indexes = doc.indexes.filter((i) => {
    // An index may order by an audit time a later pass adds ("oldest first" over the unassigned rows).
    const ok = i.fields.every((f) => known(i.entity, f) || LATER_FIELDS.includes(f)) && i.where.every((w) => known(i.entity, w.field));
    if (!ok) drop(`index ${i.entity}(${i.fields.join(', ')})`, i.line);
    return ok;
  });
  const patterns = doc.patterns.filter((p) => {
    const fields = [...p.equality, ...(p.range ? [p.range] : []), ...p.orderBy.map((o) => o.field), ...p.where.map((w) => w.field)];
    const ok = names.has(p.entity) && fields.every((f) => known(p.entity, f) || LATER_FIELDS.includes(f));
    if (!ok) drop(`query pattern on ${p.entity} (${fields.join(', ')})`, p.line);
    return ok;
  });
  // The people who sign in are the model's users: the relationships pass adds a User only when this names no entity.
  const userEntity = doc.registry.userEntity && names.has(doc.registry.userEntity) ? doc.registry.userEntity : undefined;
  const input: DataModelInput = {
    name,
    ...(userEntity ? { tenancy: { userEntity } } : {}),
    entities: entities.map((e) => ({
      name: e.name,
      table: tableName(e.name),
      kind: e.kind,
      softDelete: e.softDelete,
      provenance: prov(e.line, e.ref),
      fields: e.fields.map((f) => settleDefault(f)).map((f) => ({
        name: f.name,
        column: columnName(f.name),
        type: f.type === 'enum' && !(f.enumValues && f.enumValues.length) ? 'string' : f.type,
        required: f.required,
        role: f.role,
        ...(f.default ? { default: f.default } : {}),
        ...(f.maxLength ? { maxLength: f.maxLength } : {}),
        ...(f.type === 'enum' && f.enumValues?.length ? { enumName: e.name + f.name.charAt(0).toUpperCase() + f.name.slice(1), enumValues: [...new Set(f.enumValues)] } : {}),
        provenance: prov(f.line, f.ref),
      })),
    })),
    relations: uniqueRelations.map((r) => ({
      name: r.name,
      from: r.from,
      to: r.to,
      cardinality: r.cardinality,
      ...(r.field && r.cardinality !== 'many-to-many' ? { field: r.field } : {}),
      required: r.cardinality === 'many-to-many' ? false : r.required,
      ...(r.onDelete ? { onDelete: r.onDelete, why: r.why } : {}),
      ...(r.through ? { through: r.through } : {}),
      provenance: prov(r.line, r.ref),
    })),
    indexes: indexes.map((i) => ({ entity: i.entity, fields: i.fields, unique: i.unique, where: i.where, source: i.source, why: i.why, provenance: prov(i.line, i.ref) })),
    queryPatterns: patterns.map((p) => ({ entity: p.entity, description: p.description, equality: p.equality, ...(p.range ? { range: p.range } : {}), orderBy: p.orderBy, where: p.where, provenance: prov(p.line, p.ref) })),
    referenceData: doc.references.filter((r) => {
      if (!names.has(r.entity) || !r.rows.length) return false;
      const keys = [...new Set(r.rows.flatMap((row) => Object.keys(row)))];
      const ok = keys.every((k) => known(r.entity, k));
      if (!ok) drop(`seed rows of ${r.entity} (${keys.join(', ')})`, r.line);
      return ok;
    }).map((r) => ({ entity: r.entity, rows: r.rows, provenance: prov(r.line, r.ref) })),
  };
  return { model: DataModel.parse(input), findings };
}

/** Entities named only by a heading that nothing confirmed are not entities. */
function keep(doc: Doc, e: DraftEntity): boolean {
  if (e.kind === 'tenant-root' || e.kind === 'junction') return true;
  if (e.fields.length > 0) return true;
  if (doc.relations.some((r) => r.from === e.name || r.to === e.name)) return true;
  return e.evidence.has('defined-term') || e.evidence.has('reference-list') || e.evidence.has('sign-in') || e.evidence.has('table') || e.evidence.has('membership') || e.evidence.has('child-rows');
}

/**
 * "SMS reminders (default true)" read as text is a flag, "payment terms (default 30)" a number: a literal default
 * settles an untyped field's type. A default the type cannot hold ("default 30" on a date) is dropped, not emitted.
 */
function settleDefault(f: DraftField): DraftField {
  const d = f.default;
  if (!d || d.kind !== 'value') return f;
  const v = d.value;
  if (f.type === 'string' && typeof v === 'boolean') return { ...f, type: 'boolean' };
  if (f.type === 'string' && typeof v === 'number') return { ...f, type: Number.isInteger(v) ? 'integer' : 'decimal' };
  const fits =
    ['string', 'text'].includes(f.type) ? typeof v === 'string'
    : f.type === 'boolean' ? typeof v === 'boolean'
    : ['integer', 'bigint', 'decimal', 'float'].includes(f.type) ? typeof v === 'number' && (Number.isInteger(v) || !['integer', 'bigint'].includes(f.type))
    : f.type === 'enum' ? typeof v === 'string' && (f.enumValues ?? []).includes(v)
    : false;
  return fits ? f : { ...f, default: undefined };
}
