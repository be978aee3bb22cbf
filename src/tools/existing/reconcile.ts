/**
 * Merges the existing schema's model into the one extracted from the PRD, so that the PRD extends the
 * existing tables instead of duplicating them. An extracted entity matches an existing one by name or table
 * (singular or plural, any case; the tenant roots match each other). For a match the existing side wins on
 * every name and type: table, columns, types, enum labels, keys and relations; the PRD adds the fields,
 * relations, keys, query patterns and reference rows the existing schema lacks. Existing tables the PRD does
 * not mention are kept. Conflicts the PRD loses are findings.
 */
import {
  DataModel, type Entity, type Field, type Finding, type Index, type Predicate, type QueryPattern, type Relation,
  singularWords,
} from '../../model/index.ts';
import { indexKey } from '../indexes/index-shape.ts';
import { note, type ExistingModel } from './to-model.ts';

export interface Reconciled {
  model: DataModel;
  findings: Finding[];
}

export function reconcile(extracted: DataModel, existing: ExistingModel): Reconciled {
  const ex = existing.model;
  const findings: Finding[] = [...existing.findings];
  const tenancy = existing.tenantKeyFound ? { ...extracted.tenancy, ...pick(ex.tenancy) } : extracted.tenancy;

  // Which existing entity each extracted one becomes, and how its field names map onto the existing ones.
  const entityMap = new Map<string, string>();
  const fieldMaps = new Map<string, Map<string, string>>();
  const used = new Set<string>();
  for (const e of extracted.entities) {
    const match = matchEntity(e, extracted, ex, used);
    if (!match) continue;
    used.add(match.name);
    entityMap.set(e.name, match.name);
  }
  // The PRD's people (User, or its own word for them) are the existing users table when it has one.
  const existingUsers = ex.entities.find((x) => x.name === ex.tenancy.userEntity);
  if (existingUsers && !used.has(existingUsers.name) && extracted.entities.some((e) => e.name === extracted.tenancy.userEntity) && !entityMap.has(extracted.tenancy.userEntity))
    entityMap.set(extracted.tenancy.userEntity, existingUsers.name);
  const entityName = (name: string): string => entityMap.get(name) ?? name;
  const renameTenant = (field: string): string => (field === extracted.tenancy.field ? tenancy.field : field);
  const fieldName = (entity: string, field: string): string => renameTenant(fieldMaps.get(entity)?.get(field) ?? field);

  const entities: Entity[] = ex.entities.map((x) => ({ ...x, fields: x.fields.map((f) => ({ ...f })) }));
  for (const e of extracted.entities) {
    const target = entityMap.get(e.name);
    const x = target ? entities.find((y) => y.name === target) : undefined;
    if (!x) {
      entities.push(e);
      continue;
    }
    const merged = mergeFields(x, e);
    fieldMaps.set(e.name, merged.names);
    findings.push(...merged.findings);
    x.softDelete ||= e.softDelete;
    x.description ??= e.description;
  }

  unifyEnums(entities);

  const relations: Relation[] = [...ex.relations];
  for (const r of extracted.relations) {
    const mapped: Relation = { ...r, from: entityName(r.from), to: entityName(r.to), through: r.through && entityName(r.through), field: r.field && fieldName(r.from, r.field) };
    const covered = coveredBy(mapped, relations, entities);
    if (covered) findings.push(note('existing-relation-kept', 'info', 'naming', `${mapped.from}.${mapped.name}`, `The PRD's relation ${mapped.from} → ${mapped.to} is already in the existing schema as ${covered}; that one is kept.`, 'Nothing to do.'));
    else relations.push(mapped);
  }

  const mapPredicate = (entity: string) => (p: Predicate): Predicate => ({ ...p, field: fieldName(entity, p.field) });
  const indexes: Index[] = [...ex.indexes];
  const keys = new Set(indexes.map(indexKey));
  for (const ix of extracted.indexes) {
    const mapped: Index = { ...ix, entity: entityName(ix.entity), fields: ix.fields.map((f) => fieldName(ix.entity, f)), where: ix.where.map(mapPredicate(ix.entity)) };
    if (!keys.has(indexKey(mapped))) indexes.push(mapped);
    keys.add(indexKey(mapped));
  }
  const queryPatterns: QueryPattern[] = extracted.queryPatterns.map((q) => ({
    ...q, entity: entityName(q.entity), equality: q.equality.map((f) => fieldName(q.entity, f)), range: q.range && fieldName(q.entity, q.range),
    orderBy: q.orderBy.map((o) => ({ ...o, field: fieldName(q.entity, o.field) })), where: q.where.map(mapPredicate(q.entity)),
  }));
  const referenceData = extracted.referenceData.map((d) => ({
    ...d, entity: entityName(d.entity), rows: d.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [fieldName(d.entity, k), v]))),
  }));

  const reused = [...entityMap.values()];
  const added = extracted.entities.filter((e) => !entityMap.has(e.name)).map((e) => e.table);
  findings.push(note('existing-reconciled', 'info', 'input', 'existing schema', `Reused ${reused.length} existing table(s) the PRD describes (${reused.join(', ') || 'none'}), kept ${ex.entities.length - reused.length} it does not mention, added ${added.length} new (${added.join(', ') || 'none'}).`, 'Nothing to do.'));

  const existingUser = ex.entities.some((x) => x.name === ex.tenancy.userEntity);
  const model = DataModel.parse({
    ...extracted,
    tenancy: {
      ...tenancy,
      rootEntity: existing.tenantKeyFound && ex.entities.some((x) => x.kind === 'tenant-root') ? ex.tenancy.rootEntity : entityName(extracted.tenancy.rootEntity),
      userEntity: existingUser ? ex.tenancy.userEntity : entityName(extracted.tenancy.userEntity),
    },
    entities, relations, indexes, queryPatterns, referenceData, policies: [],
  });
  return { model, findings };
}

function pick(t: DataModel['tenancy']): Partial<DataModel['tenancy']> {
  return { rootEntity: t.rootEntity, userEntity: t.userEntity, field: t.field, column: t.column, setting: t.setting };
}

const normal = (s: string): string => singularWords(s).join('');

function matchEntity(e: Entity, extracted: DataModel, ex: DataModel, used: Set<string>): Entity | undefined {
  const free = ex.entities.filter((x) => !used.has(x.name));
  if (e.kind === 'tenant-root' || e.name === extracted.tenancy.rootEntity) {
    const root = free.find((x) => x.kind === 'tenant-root');
    if (root) return root;
  }
  const names = new Set([normal(e.name), normal(e.table)]);
  return free.find((x) => names.has(normal(x.name)) || names.has(normal(x.table)));
}

/**
 * Adds the PRD's fields to the existing entity. A field the existing entity already has (same name, column
 * or normalized name) keeps its existing definition; a difference is reported. Returns PRD name → existing name.
 */
function mergeFields(x: Entity, e: Entity): { names: Map<string, string>; findings: Finding[] } {
  const names = new Map<string, string>();
  const findings: Finding[] = [];
  for (const f of e.fields) {
    const m = x.fields.find((g) => g.name === f.name) ?? x.fields.find((g) => g.column === f.column) ?? x.fields.find((g) => normal(g.name) === normal(f.name));
    if (!m) {
      x.fields.push({ ...f });
      continue;
    }
    names.set(f.name, m.name);
    m.description ??= f.description;
    if (m.type === 'enum' && f.type === 'enum') {
      const extra = (f.enumValues ?? []).filter((v) => !(m.enumValues ?? []).includes(v));
      if (extra.length) {
        m.enumValues = [...(m.enumValues ?? []), ...extra];
        findings.push(note('existing-enum-extended', 'info', 'naming', `${x.table}.${m.column}`, `The PRD adds ${extra.join(', ')} to the labels of ${x.table}.${m.column}; the existing labels keep their spelling and order.`, 'Nothing to do.'));
      }
      continue;
    }
    if (!conflicts(m, f)) continue;
    const was = describeField(m);
    const wants = describeField(f);
    findings.push(note('existing-definition-kept', 'info', 'naming', `${x.table}.${m.column}`, `The PRD describes ${x.table}.${m.column} as ${wants}; the existing schema has ${was}, which is kept.`, 'Change the existing column yourself if the PRD is right; a generated migration never changes existing columns behind your back.'));
  }
  return { names, findings };
}

/** An enum the PRD extended on one column is one type: every column of that enum gets the same labels. */
function unifyEnums(entities: Entity[]): void {
  const labels = new Map<string, string[]>();
  const fields = entities.flatMap((e) => e.fields).filter((f) => f.type === 'enum' && f.enumName);
  for (const f of fields) {
    const known = labels.get(f.enumName!) ?? [];
    labels.set(f.enumName!, [...known, ...(f.enumValues ?? []).filter((v) => !known.includes(v))]);
  }
  for (const f of fields) f.enumValues = labels.get(f.enumName!);
}

/** What the PRD states and the existing column contradicts; what the PRD leaves open (a length, a precision) is no conflict. */
function conflicts(existing: Field, prd: Field): boolean {
  const textual = (t: Field['type']): boolean => t === 'string' || t === 'text';
  if (existing.type !== prd.type && !(textual(existing.type) && textual(prd.type))) return true;
  if (prd.maxLength !== undefined && prd.maxLength !== existing.maxLength) return true;
  if (prd.precision !== undefined && (prd.precision !== existing.precision || (prd.scale ?? 0) !== (existing.scale ?? 0))) return true;
  return prd.required !== existing.required;
}

function describeField(f: Field): string {
  const size = f.type === 'string' && f.maxLength ? `(${f.maxLength})` : f.type === 'decimal' && f.precision ? `(${f.precision}, ${f.scale ?? 0})` : '';
  return `${f.type}${size}${f.required ? ', required' : ', optional'}`;
}

/** The existing relation that already states `r`, by name, FK field or as the one link between the two entities. */
function coveredBy(r: Relation, relations: Relation[], entities: Entity[]): string | undefined {
  if (r.cardinality === 'many-to-many') {
    const junction = entities.find((j) => {
      if (j.kind !== 'junction') return false;
      const targets = relations.filter((x) => x.from === j.name).map((x) => x.to);
      return targets.includes(r.from) && targets.includes(r.to);
    });
    return junction ? `the link table ${junction.table}` : undefined;
  }
  const between = relations.filter((x) => x.from === r.from && x.to === r.to && x.cardinality !== 'many-to-many');
  const same = between.find((x) => x.name === r.name || (r.field !== undefined && x.field === r.field)) ?? (between.length === 1 ? between[0] : undefined);
  return same ? `${same.from}.${same.name}` : undefined;
}
