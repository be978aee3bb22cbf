/**
 * DUPLICATE_INDEX ≈ splinter 0009, plus the two redundancies it misses: a plain index whose keys are a leading
 * prefix of another index with the same predicate ((a) beside (a, b)), and a plain index over exactly the keys
 * of a unique index or primary key (Prisma Optimize "indexing on unique columns"). Each costs a write on every
 * insert and update and serves nothing the other index does not.
 */
import { fitIdentifier } from '../../../model/index.ts';
import type { CatalogIndex, CatalogTable } from '../../database/catalog.ts';
import { fixText, violation, type Rule } from './rule.ts';
import { hasInclude, indexKeys, indexMethod, modelName, q } from './scope.ts';

export const duplicateIndex: Rule = {
  id: 'duplicate-index',
  level: 'error',
  category: 'performance',
  owner: 'indexes',
  reads: 'database',
  title: 'No index duplicates another, is a prefix of another, or repeats a unique key',
  remedy: 'Drop the redundant index (the indexes pass removes duplicates and prefix-redundant indexes)',
  check: ({ model, catalog }) =>
    (catalog?.tables ?? []).flatMap((table) =>
      table.indexes.flatMap((index) => {
        const why = redundancy(table, index);
        if (!why) return [];
        return [violation(duplicateIndex, {
          target: `${table.name}.${index.name}`,
          message: `Index ${index.name} on ${table.name} (${indexKeys(index).join(', ')}) ${why.reason} ${why.by.name}: it slows every write and serves nothing ${why.by.name} does not.`,
          fix: fixText({
            sql: `DROP INDEX ${q(index.name)};`,
            prisma: `remove the @@index / @@unique mapped to "${index.name}" from ${modelName(model, table.name)}.`,
          }),
        })];
      }),
    ),
};

interface Redundancy {
  reason: string;
  by: CatalogIndex;
}

function redundancy(table: CatalogTable, index: CatalogIndex): Redundancy | undefined {
  if (index.primary) return undefined;
  const keys = indexKeys(index);
  for (const other of table.indexes) {
    if (other === index || other.predicate !== index.predicate || indexMethod(other) !== indexMethod(index)) continue;
    const otherKeys = indexKeys(other);
    const same = sameKeys(keys, otherKeys);
    if (same && other.primary && !hasInclude(index)) return { reason: 'has the same keys as the primary key', by: other };
    if (same && index.unique === other.unique && hasInclude(index) === hasInclude(other) && reportFirst(table, index, other))
      return { reason: 'is a duplicate of', by: other };
    if (index.unique || hasInclude(index) || indexMethod(index) !== 'btree') continue;
    if (same && other.unique) return { reason: 'has the same keys as the unique index', by: other };
    if (otherKeys.length > keys.length && sameKeys(keys, otherKeys.slice(0, keys.length)))
      return { reason: 'is a leading prefix of', by: other };
  }
  return undefined;
}

/**
 * Of two identical indexes one is reported, so each pair gives one finding: the one whose name is not the
 * conventional <table>_<columns>_idx|key (the one someone added by hand), else the one that sorts later.
 */
function reportFirst(table: CatalogTable, index: CatalogIndex, other: CatalogIndex): boolean {
  const conventional = (ix: CatalogIndex): boolean => ix.name === fitIdentifier(`${table.name}_${ix.columns.join('_')}_${ix.unique ? 'key' : 'idx'}`);
  if (conventional(index) !== conventional(other)) return conventional(other);
  return other.name < index.name;
}

function sameKeys(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
