/**
 * Physical names of the constraints and indexes we declare. The Prisma schema states every one of them with
 * `map:` and the tenancy SQL refers to some of them again, so they are computed here and nowhere else: a name
 * computed twice could drift apart and the SQL would then alter a constraint that does not exist.
 */
import type { DataModel, Index, Predicate } from '../../model/model.ts';
import { getEntity, getField } from '../../model/lookup.ts';
import { fitIdentifier, identifierProblem, snakeCase } from '../../model/names.ts';

export function primaryKeyName(table: string): string {
  return fitIdentifier(`${table}_pkey`);
}

export function foreignKeyName(table: string, columns: readonly string[]): string {
  return fitIdentifier(`${table}_${columns.join('_')}_fkey`);
}

/** Prisma's own convention (`table_cols_idx` / `table_cols_key`), written out so it is explicit and fits 63 bytes. */
export function indexBaseName(table: string, columns: readonly string[], unique: boolean): string {
  return fitIdentifier(`${table}_${columns.join('_')}_${unique ? 'key' : 'idx'}`);
}

/** The PostgreSQL type behind a Prisma enum: "TaskStatus" → "task_status". */
export function enumTypeName(enumName: string): string {
  return snakeCase(enumName);
}

/**
 * The Prisma relation name. Always explicit, so several relations between one pair of models (Task.reporter,
 * Task.assignee → User) never depend on Prisma's inference. Entity names have no underscore, so
 * "<Entity>_<field>" cannot collide across entities.
 */
export function relationName(fromEntity: string, relationField: string): string {
  return `${fromEntity}_${relationField}`;
}

/**
 * The physical name of every index of the model. A model-given name wins; otherwise the name comes from the
 * table and columns. Only partial indexes can legitimately share columns with another index (a live-rows-only
 * unique beside a plain one), so when a derived name is shared, each partial index gets a suffix derived from
 * its predicate: stable under reordering, because the plain index keeps the plain name.
 */
export function indexNames(model: DataModel): Map<Index, string> {
  const base = new Map<Index, string>();
  const byBase = new Map<string, Index[]>();
  for (const index of model.indexes) {
    const entity = getEntity(model, index.entity);
    const columns = index.fields.map((f) => getField(entity, f).column);
    const name = indexBaseName(entity.table, columns, index.unique);
    base.set(index, name);
    if (!index.name) byBase.set(name, [...(byBase.get(name) ?? []), index]);
  }
  const names = new Map<Index, string>();
  const owner = new Map<string, Index>();
  for (const index of model.indexes) {
    let name = index.name ?? base.get(index)!;
    if (index.name) {
      const problem = identifierProblem(index.name);
      if (problem) throw new Error(`Index on ${index.entity}(${index.fields.join(', ')}): ${problem}`);
    } else if ((byBase.get(name)?.length ?? 0) > 1 && index.where.length > 0) {
      const entity = getEntity(model, index.entity);
      const columns = index.fields.map((f) => getField(entity, f).column);
      name = fitIdentifier(`${entity.table}_${columns.join('_')}_${predicateTag(index.where)}_${index.unique ? 'key' : 'idx'}`);
    }
    const taken = owner.get(name);
    if (taken) {
      throw new Error(
        `Indexes ${describe(taken)} and ${describe(index)} would both be named "${name}": ` +
          'remove the duplicate or give one of them an explicit name',
      );
    }
    owner.set(name, index);
    names.set(index, name);
  }
  return names;
}

function predicateTag(where: readonly Predicate[]): string {
  const text = JSON.stringify(where);
  let hash = 0;
  for (const ch of text) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return 'p' + hash.toString(36).slice(0, 6);
}

function describe(index: Index): string {
  const where = index.where.length ? ' (partial)' : '';
  return `${index.entity}(${index.fields.join(', ')})${index.unique ? ' unique' : ''}${where}`;
}
