/**
 * draft + patch → model + change log. A pure function: the model's answer is advice, and every item is checked
 * against the draft as it stands when the item is applied (names exist, new names are free and valid, keys and
 * patterns use fields the entity has). What does not fit is dropped with a finding, never guessed at; what
 * fits is applied with provenance { source: 'llm', line, ref: reason }.
 *
 * Items apply in a fixed order (draft items removed, entities dropped, renamed, added, corrected, then fields,
 * relations, keys, patterns, rows), so that, say, a field added to a renamed entity finds it by either name.
 */
import { DataModel, type Entity, type Field, type Finding, type Index, type Predicate, type Provenance, type Relation } from '../../../model/model.ts';
import { camelCase, columnName, entityName, identifierProblem, tableName } from '../../../model/names.ts';
import { draftIds } from './draft-view.ts';
import { attributeName, defaultFor, enumLabels, fieldFromSpec, predicateOf, type Checked } from './patch-values.ts';
import type { ChangeOp, LlmChange, RejectedChange } from './record.ts';
import type { ExtractionPatch } from './schema.ts';

export interface MergeOptions {
  /** Lines in the PRD: a cited line outside it is not kept as provenance. */
  prdLines: number;
}

export interface MergeResult {
  model: DataModel;
  applied: LlmChange[];
  rejected: RejectedChange[];
  /** One warning per rejected item, owned by extract: the next feedback round shows them to the model. */
  findings: Finding[];
  /** PRD lines an applied item cites or the model reviewed as holding no data: their "not understood" findings are answered. */
  resolvedLines: number[];
}

/** Fields every entity will have after the later passes: query patterns may sort or filter on them. */
const LATER_FIELDS: readonly string[] = ['id', 'createdAt', 'updatedAt'];

export function mergePatch(draft: DataModel, patch: ExtractionPatch, options: MergeOptions): MergeResult {
  const m: DataModel = structuredClone(draft);
  const applied: LlmChange[] = [];
  const rejected: RejectedChange[] = [];
  const resolved = new Set<number>();
  const renamed = new Map<string, string>();

  const lineOf = (n: number | null) => (n !== null && Number.isInteger(n) && n >= 1 && n <= options.prdLines ? n : undefined);
  const prov = (reason: string, n: number | null): Provenance => {
    const line = lineOf(n);
    return { source: 'llm', ...(line ? { line } : {}), ref: reason.slice(0, 160) };
  };
  const record = (op: ChangeOp, target: string, item: { reason: string; prdLine: number | null }, run: () => string | undefined) => {
    const line = lineOf(item.prdLine);
    const change: LlmChange = { op, target, reason: item.reason, ...(line ? { line } : {}) };
    const problem = run();
    if (problem) rejected.push({ ...change, problem });
    else {
      applied.push(change);
      if (line) resolved.add(line);
    }
  };

  const entity = (name: string): Entity | undefined => {
    const current = renamed.get(name) ?? name;
    return m.entities.find((e) => e.name === current) ?? m.entities.find((e) => e.name === entityName(current));
  };
  const unknown = (name: string) => `no entity "${name}" in the draft`;
  const isTenantScoped = (e: Entity) => e.kind === 'tenant' || e.kind === 'junction';
  /** Names a key, pattern or row may use on `e`: its attributes, its foreign keys, the tenant key, the trash flag. */
  const fieldsOf = (e: Entity): Set<string> =>
    new Set([
      ...e.fields.map((f) => f.name),
      ...m.relations.filter((r) => r.from === e.name && r.field).map((r) => r.field!),
      ...(isTenantScoped(e) ? [m.tenancy.field] : []),
      ...(e.softDelete ? ['deletedAt'] : []),
    ]);
  const missingFields = (e: Entity, names: string[], extra: readonly string[] = []): string | undefined => {
    const known = fieldsOf(e);
    const missing = names.filter((n) => !known.has(n) && !extra.includes(n));
    return missing.length ? `${e.name} has no field ${missing.map((n) => `"${n}"`).join(', ')}` : undefined;
  };

  // 1. Draft items the model points at by id: resolved against the untouched draft.
  const ids = draftIds(draft);
  const removed = { keys: new Set<number>(), patterns: new Set<number>(), rows: new Set<number>() };
  for (const item of patch.removeDraftItems) {
    record('remove-draft-item', item.id, item, () => {
      const kind = ids.keys.has(item.id) ? 'keys' : ids.patterns.has(item.id) ? 'patterns' : ids.rows.has(item.id) ? 'rows' : undefined;
      if (!kind) return `the draft has no item "${item.id}"`;
      removed[kind].add(ids[kind].get(item.id)!);
      return undefined;
    });
  }
  m.indexes = m.indexes.filter((_, i) => !removed.keys.has(i));
  m.queryPatterns = m.queryPatterns.filter((_, i) => !removed.patterns.has(i));
  m.referenceData = m.referenceData.filter((_, i) => !removed.rows.has(i));

  // 2. Entities.
  for (const item of patch.dropEntities) {
    record('drop-entity', item.name, item, () => {
      const e = entity(item.name);
      if (!e) return unknown(item.name);
      if (e.kind === 'tenant-root') return 'the tenant root stays: every tenant table belongs to it';
      dropEntity(m, e.name);
      return undefined;
    });
  }
  for (const item of patch.renameEntities) {
    const to = entityName(item.to);
    record('rename-entity', `${item.from} → ${to}`, item, () => {
      const e = entity(item.from);
      if (!e) return unknown(item.from);
      if (!to) return `"${item.to}" is not an entity name`;
      if (m.entities.some((x) => x.name === to)) return `"${to}" already exists`;
      const problem = identifierProblem(tableName(to));
      if (problem) return problem;
      renamed.set(item.from, to);
      renamed.set(e.name, to);
      renameEntity(m, e, to);
      return undefined;
    });
  }
  for (const item of patch.addEntities) {
    const name = entityName(item.name);
    const provenance = prov(item.reason, item.prdLine);
    let added: Entity | undefined;
    record('add-entity', name || item.name, item, () => {
      if (!name) return `"${item.name}" is not an entity name`;
      if (entity(name)) return `"${name}" already exists; add fields to it instead`;
      const problem = identifierProblem(tableName(name));
      if (problem) return problem;
      added = { name, table: tableName(name), kind: item.kind, softDelete: item.softDelete, fields: [], provenance };
      if (item.description) added.description = item.description;
      m.entities.push(added);
      return undefined;
    });
    // Each field stands alone: one bad field does not cost the entity its other fields.
    for (const spec of added ? item.fields : []) {
      const e = added!;
      record('add-field', `${name}.${spec.name}`, item, () => addField(e, fieldFromSpec(spec, provenance), fieldsOf(e)));
    }
  }
  for (const item of patch.correctEntities) {
    record('correct-entity', item.name, item, () => {
      const e = entity(item.name);
      if (!e) return unknown(item.name);
      if (item.kind === null && item.softDelete === null) return 'nothing to correct';
      if (item.kind !== null && item.kind !== e.kind) {
        if (e.kind === 'tenant-root' || e.kind === 'junction') return `the kind of ${e.name} (${e.kind}) is fixed`;
        e.kind = item.kind;
      }
      if (item.softDelete !== null && item.softDelete !== e.softDelete) setSoftDelete(m, e, item.softDelete);
      return undefined;
    });
  }

  // 3. Fields.
  for (const item of patch.dropFields) {
    record('drop-field', `${item.entity}.${item.field}`, item, () => {
      const e = entity(item.entity);
      if (!e) return unknown(item.entity);
      const f = e.fields.find((x) => x.name === camelCase(item.field));
      if (!f) return `${e.name} has no declared field "${item.field}"`;
      dropField(m, e, f.name);
      return undefined;
    });
  }
  for (const item of patch.addFields) {
    record('add-field', `${item.entity}.${item.field.name}`, item, () => {
      const e = entity(item.entity);
      if (!e) return unknown(item.entity);
      return addField(e, fieldFromSpec(item.field, prov(item.reason, item.prdLine)), fieldsOf(e));
    });
  }
  for (const item of patch.correctFields) {
    record('correct-field', `${item.entity}.${item.field}`, item, () => {
      const e = entity(item.entity);
      if (!e) return unknown(item.entity);
      const f = e.fields.find((x) => x.name === camelCase(item.field));
      if (!f) return `${e.name} has no declared field "${item.field}"`;
      return correctField(m, e, f, item, prov(item.reason, item.prdLine), fieldsOf(e));
    });
  }

  // 4. Relations.
  const relation = (from: Entity, name: string) => m.relations.find((r) => r.from === from.name && r.name === camelCase(name));
  for (const item of patch.dropRelations) {
    record('drop-relation', `${item.from}.${item.name}`, item, () => {
      const from = entity(item.from);
      if (!from) return unknown(item.from);
      const r = relation(from, item.name);
      if (!r) return `${from.name} has no relation "${item.name}"`;
      m.relations = m.relations.filter((x) => x !== r);
      dropOrphanJunctions(m);
      return undefined;
    });
  }
  for (const item of patch.addRelations) {
    record('add-relation', `${item.from}.${item.name} → ${item.to}`, item, () => {
      const from = entity(item.from);
      const to = entity(item.to);
      if (!from || !to) return unknown(!from ? item.from : item.to);
      const name = camelCase(item.name);
      if (!name) return `"${item.name}" is not a relation name`;
      if (relation(from, name)) return `${from.name} already has a relation "${name}"; correct it instead`;
      if (to.kind === 'tenant-root' && isTenantScoped(from)) return `the tenant key already links ${from.name} to ${to.name}`;
      const r: Relation = {
        name, from: from.name, to: to.name, cardinality: item.cardinality, required: item.cardinality !== 'many-to-many' && item.required,
        tenantComposite: false, provenance: prov(item.reason, item.prdLine),
      };
      if (item.cardinality !== 'many-to-many') r.field = `${name}Id`;
      const problem = setOnDelete(r, item.onDelete, item.reason);
      if (problem) return problem;
      const clash = from.fields.find((f) => f.name === r.field && f.type !== 'uuid');
      if (clash) return `${from.name}.${clash.name} is a ${clash.type}, not a reference; drop or rename it first`;
      m.relations.push(r);
      return undefined;
    });
  }
  for (const item of patch.correctRelations) {
    record('correct-relation', `${item.from}.${item.name}`, item, () => {
      const from = entity(item.from);
      if (!from) return unknown(item.from);
      const r = relation(from, item.name);
      if (!r) return `${from.name} has no relation "${item.name}"`;
      if (item.to === null && item.cardinality === null && item.required === null && item.onDelete === null) return 'nothing to correct';
      const next: Relation = { ...r, provenance: prov(item.reason, item.prdLine) };
      if (item.to !== null) {
        const to = entity(item.to);
        if (!to) return unknown(item.to);
        if (to.kind === 'tenant-root' && isTenantScoped(from)) return `the tenant key already links ${from.name} to ${to.name}`;
        next.to = to.name;
      }
      if (item.cardinality !== null && item.cardinality !== r.cardinality) {
        next.cardinality = item.cardinality;
        if (item.cardinality === 'many-to-many') {
          delete next.field;
          delete next.onDelete;
          next.required = false;
        } else {
          next.field = `${r.name}Id`;
          delete next.through;
        }
      }
      if (item.required !== null && next.cardinality !== 'many-to-many') next.required = item.required;
      const problem = setOnDelete(next, item.onDelete, item.reason);
      if (problem) return problem;
      if (next.onDelete === 'SetNull' && next.required) return 'a required reference cannot be SetNull on delete';
      m.relations[m.relations.indexOf(r)] = next;
      dropOrphanJunctions(m);
      return undefined;
    });
  }

  // 5. Keys, query patterns, reference rows.
  const sameIndex = (a: Index, b: Index) => a.entity === b.entity && a.unique === b.unique && JSON.stringify(a.fields) === JSON.stringify(b.fields) && JSON.stringify(a.where) === JSON.stringify(b.where);
  const addIndex = (ix: Index): string | undefined => {
    if (m.indexes.some((x) => sameIndex(x, ix))) return `${ix.entity} already has this key`;
    m.indexes.push(ix);
    return undefined;
  };
  for (const item of patch.naturalKeys) {
    record('add-natural-key', `${item.entity}(${item.fields.join(', ')})`, item, () => {
      const e = entity(item.entity);
      if (!e) return unknown(item.entity);
      const fields = item.fields.map(camelCase);
      if (!fields.length) return 'a key needs fields';
      const missing = missingFields(e, fields);
      if (missing) return missing;
      const where: Predicate[] = e.softDelete ? [{ field: 'deletedAt', op: 'isNull' }] : [];
      return addIndex({ entity: e.name, fields, unique: true, where, source: 'natural-key', why: item.reason, provenance: prov(item.reason, item.prdLine) });
    });
  }
  for (const item of patch.partialUniques) {
    record('add-partial-unique', `${item.entity}(${item.fields.join(', ')})`, item, () => {
      const e = entity(item.entity);
      if (!e) return unknown(item.entity);
      const fields = item.fields.map(camelCase);
      const where = all(item.where.map(predicateOf));
      if (!where.ok) return where.problem;
      if (!fields.length || !where.value.length) return 'a partial unique needs fields and a condition';
      const missing = missingFields(e, [...fields, ...where.value.map((p) => p.field)]);
      if (missing) return missing;
      return addIndex({ entity: e.name, fields, unique: true, where: where.value, source: 'partial', why: item.reason, provenance: prov(item.reason, item.prdLine) });
    });
  }
  for (const item of patch.queryPatterns) {
    record('add-query-pattern', `${item.entity}: ${item.description}`, item, () => {
      const e = entity(item.entity);
      if (!e) return unknown(item.entity);
      const where = all(item.where.map(predicateOf));
      if (!where.ok) return where.problem;
      const equality = item.equality.map(camelCase);
      const range = item.range === null ? undefined : camelCase(item.range);
      const orderBy = item.orderBy.map((o) => ({ field: camelCase(o.field), direction: o.direction }));
      const used = [...equality, ...(range ? [range] : []), ...orderBy.map((o) => o.field), ...where.value.map((p) => p.field)];
      if (!used.length) return 'a query pattern needs a filter or an order';
      const missing = missingFields(e, used, LATER_FIELDS);
      if (missing) return missing;
      const pattern = { entity: e.name, description: item.description, equality, ...(range ? { range } : {}), orderBy, where: where.value };
      const key = (p: typeof pattern) => JSON.stringify([p.entity, p.equality, p.range ?? null, p.orderBy, p.where]);
      if (m.queryPatterns.some((q) => key({ ...q, range: q.range }) === key(pattern))) return `${e.name} already has this query pattern`;
      m.queryPatterns.push({ ...pattern, provenance: prov(item.reason, item.prdLine) });
      return undefined;
    });
  }
  for (const item of patch.referenceRows) {
    record('add-reference-rows', item.entity, item, () => {
      const e = entity(item.entity);
      if (!e) return unknown(item.entity);
      const rows = item.rows.map((row) => Object.fromEntries(row.values.map((v) => [camelCase(v.field), v.value])));
      if (!rows.length || rows.some((r) => Object.keys(r).length === 0)) return 'rows need values';
      const unknownColumns = [...new Set(rows.flatMap(Object.keys))].filter((f) => !e.fields.some((x) => x.name === f));
      if (unknownColumns.length) return `${e.name} has no attribute ${unknownColumns.map((n) => `"${n}"`).join(', ')}`;
      const existing = m.referenceData.find((r) => r.entity === e.name);
      if (existing) {
        const seen = new Set(existing.rows.map((r) => JSON.stringify(r)));
        existing.rows.push(...rows.filter((r) => !seen.has(JSON.stringify(r))));
      } else m.referenceData.push({ entity: e.name, rows, provenance: prov(item.reason, item.prdLine) });
      return undefined;
    });
  }
  for (const item of patch.notData) {
    record('not-data', `line ${item.prdLine}`, item, () => (lineOf(item.prdLine) ? undefined : 'no such line in the PRD'));
  }

  return {
    model: DataModel.parse(m),
    applied,
    rejected,
    findings: rejected.map(rejectionFinding),
    resolvedLines: [...resolved].sort((a, b) => a - b),
  };
}

function addField(e: Entity, checked: Checked<Field>, taken: Set<string>): string | undefined {
  if (!checked.ok) return checked.problem;
  if (taken.has(checked.value.name)) return `${e.name} already has "${checked.value.name}"; correct it instead`;
  e.fields.push(checked.value);
  taken.add(checked.value.name);
  return undefined;
}

type FieldCorrection = ExtractionPatch['correctFields'][number];

function correctField(m: DataModel, e: Entity, f: Field, item: FieldCorrection, provenance: Provenance, taken: Set<string>): string | undefined {
  const next: Field = { ...f, provenance };
  if (item.rename !== null) {
    const name = attributeName(item.rename);
    if (!name.ok) return name.problem;
    if (name.value !== f.name && taken.has(name.value)) return `${e.name} already has "${name.value}"`;
    next.name = name.value;
    next.column = name.value === f.name ? f.column : columnName(name.value);
  }
  if (item.type !== null) next.type = item.type;
  if (item.required !== null) next.required = item.required;
  if (item.maxLength !== null && item.maxLength > 0) next.maxLength = item.maxLength;
  const values = enumLabels(item.enumValues);
  if (values) next.enumValues = values;
  if (next.type === 'enum') {
    if (!next.enumValues) return 'an enum needs its values';
  } else {
    delete next.enumValues;
    delete next.enumName;
  }
  if (next.type !== 'string') delete next.maxLength;
  if (next.type !== 'decimal') {
    delete next.precision;
    delete next.scale;
  }
  if (item.default !== null) {
    const value = defaultFor(next.type, item.default, next.enumValues);
    if (!value.ok) return `default: ${value.problem}`;
    next.default = value.value;
  } else if (next.default?.kind === 'value' && next.type !== f.type) {
    const kept = defaultFor(next.type, next.default.value, next.enumValues);
    if (kept.ok) next.default = kept.value;
    else delete next.default;
  }
  if (JSON.stringify({ ...next, provenance: undefined }) === JSON.stringify({ ...f, provenance: undefined })) return 'nothing to correct';
  e.fields[e.fields.indexOf(f)] = next;
  if (next.name !== f.name) renameFieldUses(m, e.name, f.name, next.name);
  return undefined;
}

function setOnDelete(r: Relation, onDelete: Relation['onDelete'] | null, reason: string): string | undefined {
  if (onDelete === null || r.cardinality === 'many-to-many') return undefined;
  if (onDelete === 'SetNull' && r.required) return 'SetNull needs an optional reference';
  r.onDelete = onDelete;
  r.why = reason;
  return undefined;
}

function dropEntity(m: DataModel, name: string): void {
  m.entities = m.entities.filter((e) => e.name !== name);
  m.relations = m.relations.filter((r) => r.from !== name && r.to !== name && r.through !== name);
  m.indexes = m.indexes.filter((ix) => ix.entity !== name);
  m.queryPatterns = m.queryPatterns.filter((q) => q.entity !== name);
  m.referenceData = m.referenceData.filter((r) => r.entity !== name);
  dropOrphanJunctions(m);
}

/** A junction without fields of its own that no many-to-many relation goes through any more is dead weight. */
function dropOrphanJunctions(m: DataModel): void {
  for (const e of m.entities.filter((x) => x.kind === 'junction' && x.fields.length === 0)) {
    if (!m.relations.some((r) => r.through === e.name || r.from === e.name)) dropEntity(m, e.name);
  }
}

function renameEntity(m: DataModel, e: Entity, to: string): void {
  const from = e.name;
  const swap = (name: string) => (name === from ? to : name);
  e.name = to;
  e.table = tableName(to);
  for (const f of e.fields) if (f.enumName?.startsWith(from)) f.enumName = to + f.enumName.slice(from.length);
  m.relations = m.relations.map((r) => ({ ...r, from: swap(r.from), to: swap(r.to), ...(r.through ? { through: swap(r.through) } : {}) }));
  for (const list of [m.indexes, m.queryPatterns, m.referenceData]) for (const item of list) item.entity = swap(item.entity);
  m.tenancy = { ...m.tenancy, rootEntity: swap(m.tenancy.rootEntity), userEntity: swap(m.tenancy.userEntity) };
}

/** Soft delete adds the trash column (the relationships pass does) and makes the entity's keys apply to live rows. */
function setSoftDelete(m: DataModel, e: Entity, on: boolean): void {
  e.softDelete = on;
  const live: Predicate = { field: 'deletedAt', op: 'isNull' };
  for (const ix of m.indexes.filter((x) => x.entity === e.name && x.unique)) {
    if (on && ix.where.length === 0) ix.where = [live];
    if (!on) ix.where = ix.where.filter((p) => p.field !== 'deletedAt');
  }
  if (!on) e.fields = e.fields.filter((f) => f.role !== 'soft-delete');
}

function dropField(m: DataModel, e: Entity, field: string): void {
  e.fields = e.fields.filter((f) => f.name !== field);
  const uses = (names: string[]) => names.includes(field);
  m.indexes = m.indexes.filter((ix) => ix.entity !== e.name || !uses([...ix.fields, ...ix.where.map((p) => p.field)]));
  m.queryPatterns = m.queryPatterns.filter(
    (q) => q.entity !== e.name || !uses([...q.equality, ...(q.range ? [q.range] : []), ...q.orderBy.map((o) => o.field), ...q.where.map((p) => p.field)]),
  );
  for (const r of m.referenceData.filter((x) => x.entity === e.name)) for (const row of r.rows) delete row[field];
}

function renameFieldUses(m: DataModel, entity: string, from: string, to: string): void {
  const swap = (name: string) => (name === from ? to : name);
  for (const ix of m.indexes.filter((x) => x.entity === entity)) {
    ix.fields = ix.fields.map(swap);
    ix.where = ix.where.map((p) => ({ ...p, field: swap(p.field) }));
  }
  for (const q of m.queryPatterns.filter((x) => x.entity === entity)) {
    q.equality = q.equality.map(swap);
    if (q.range) q.range = swap(q.range);
    q.orderBy = q.orderBy.map((o) => ({ ...o, field: swap(o.field) }));
    q.where = q.where.map((p) => ({ ...p, field: swap(p.field) }));
  }
  for (const r of m.referenceData.filter((x) => x.entity === entity)) {
    r.rows = r.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [swap(k), v])));
  }
}

function all<T>(checked: Checked<T>[]): Checked<T[]> {
  const failed = checked.find((c): c is { ok: false; problem: string } => !c.ok);
  return failed ?? { ok: true, value: checked.map((c) => (c as { ok: true; value: T }).value) };
}

function rejectionFinding(change: RejectedChange): Finding {
  return {
    ruleId: 'llm-change-rejected',
    level: 'warning',
    category: 'extraction',
    target: change.target,
    message: `The extraction model's ${change.op} was not applied: ${change.problem}.`,
    fix: 'The model sees this finding in the next round; if it persists, state the requirement plainly in the PRD.',
    owner: 'extract',
  };
}
