/**
 * The indexes pass (DESIGN §1): an index for every FK, natural keys and junction pairs made to double as FK
 * indexes, composite indexes for query patterns (tenant key, equality, range, sort), unique targets for the
 * composite tenant FKs; then duplicates and prefix-redundant indexes removed.
 */
import type { DataModel, Index, QueryPattern } from '../../model/index.ts';
import { findEntity, foreignKeyFields, foreignKeyRelations, isCompositeTenantRelation, isTenantScoped } from '../../model/index.ts';
import { leadsWith, patternTail, samePredicate, servesPattern, uniqueIndexes } from './index-shape.ts';

const rule = (ref: string) => ({ source: 'rule' as const, ref });

export function planIndexes(model: DataModel): DataModel {
  const tenant = model.tenancy.field;
  let indexes = model.indexes.map((ix) => tenantLeadingKey(model, ix));

  for (const target of compositeTargets(model)) {
    if (!indexes.some((ix) => ix.entity === target && ix.unique && ix.where.length === 0 && ix.fields.length === 2 && leadsWith(ix, [tenant, 'id'])))
      indexes.push({ entity: target, fields: [tenant, 'id'], unique: true, where: [], source: 'tenant', why: 'target of composite tenant foreign keys (org_id, id)', provenance: rule('tenant composite FK') });
  }

  for (const pattern of model.queryPatterns) {
    if (indexes.some((ix) => ix.entity === pattern.entity && servesPattern(ix, pattern, tenant))) continue;
    indexes.push(patternIndex(model, pattern));
  }

  for (const relation of foreignKeyRelations(model)) {
    const fields = foreignKeyFields(model, relation);
    if (indexes.some((ix) => ix.entity === relation.from && leadsWith(ix, fields))) continue;
    const table = findEntity(model, relation.from)?.table ?? relation.from;
    indexes.push({
      entity: relation.from, fields, unique: false, where: [], source: 'foreign-key',
      why: `foreign key ${table}.${relation.field}: joins and ${relation.onDelete ?? 'referential'} checks on delete of the parent`,
      provenance: rule('every foreign key leads an index'),
    });
  }
  return { ...model, indexes: removeRedundant(indexes) };
}

/** Unique keys that contain a composite tenant FK field lead with the tenant key, so they also serve that FK. */
function tenantLeadingKey(model: DataModel, ix: Index): Index {
  const tenant = model.tenancy.field;
  const entity = findEntity(model, ix.entity);
  if (!entity || !isTenantScoped(entity) || ix.fields.includes(tenant)) return ix;
  const compositeFields = model.relations.filter((r) => r.from === ix.entity && isCompositeTenantRelation(model, r)).map((r) => r.field);
  if (!ix.unique || !ix.fields.some((f) => compositeFields.includes(f))) return ix;
  return { ...ix, fields: [tenant, ...ix.fields] };
}

function compositeTargets(model: DataModel): string[] {
  const targets = model.relations.filter((r) => isCompositeTenantRelation(model, r)).map((r) => r.to);
  return [...new Set(targets)];
}

function patternIndex(model: DataModel, pattern: QueryPattern): Index {
  const tenant = model.tenancy.field;
  const entity = findEntity(model, pattern.entity);
  const lead = entity && isTenantScoped(entity) && !pattern.equality.includes(tenant) ? [tenant] : [];
  // Under RLS an enum's "=" (not LEAKPROOF) stays out of the index condition: such columns go after the ones
  // that can be searched, so the index still narrows by those.
  const isEnum = (f: string) => entity?.fields.find((x) => x.name === f)?.type === 'enum';
  const equality = [...pattern.equality.filter((f) => !isEnum(f)), ...pattern.equality.filter(isEnum)];
  const fields = [...lead, ...equality, ...patternTail(pattern).filter((f) => !pattern.equality.includes(f))];
  return {
    entity: pattern.entity, fields: fields.length ? fields : [tenant], unique: false, where: pattern.where,
    source: pattern.where.length ? 'partial' : 'query-pattern', why: pattern.description, provenance: pattern.provenance,
  };
}

/**
 * Drops exact duplicates, and plain indexes whose columns are a prefix of another index with the same
 * predicate: the longer index serves every query (and FK) the shorter one would.
 */
function removeRedundant(indexes: Index[]): Index[] {
  const unique = uniqueIndexes(indexes);
  // Only an index of the same entity can make one redundant: comparing within each entity keeps this linear in entities.
  const byEntity = new Map<string, Index[]>();
  for (const ix of unique) byEntity.set(ix.entity, [...(byEntity.get(ix.entity) ?? []), ix]);
  return unique.filter((ix) => {
    if (ix.unique) return true;
    return !byEntity.get(ix.entity)!.some(
      (other) => other !== ix && other.entity === ix.entity && samePredicate(other.where, ix.where) &&
        (other.fields.length > ix.fields.length || (other.unique && other.fields.length === ix.fields.length)) &&
        ix.fields.every((f, i) => other.fields[i] === f),
    );
  });
}
