/**
 * FK_UNINDEXED ≈ splinter 0001 / schemalint index-referencing-column, stricter: deleting or re-keying a parent
 * row looks its children up by exactly the FK columns, so those columns must lead (in any order) a valid,
 * non-partial btree index. A partial index does not count: FK lookups never imply its predicate.
 */
import { fitIdentifier, type DataModel } from '../../../model/index.ts';
import type { CatalogForeignKey, CatalogIndex, CatalogTable } from '../../database/catalog.ts';
import { fixText, violation, type Rule } from './rule.ts';
import { fieldNames, fkTarget, indexMethod, leadsWith, modelName, q } from './scope.ts';

export const fkUnindexed: Rule = {
  id: 'fk-unindexed',
  level: 'error',
  category: 'performance',
  owner: 'indexes',
  reads: 'database',
  title: 'Every foreign key\'s columns lead a valid, non-partial btree index',
  remedy: 'CREATE INDEX on the FK columns; @@index([...]) on the model so Prisma keeps it',
  check: ({ model, catalog }) =>
    (catalog?.tables ?? []).flatMap((table) =>
      table.foreignKeys
        .filter((fk) => !table.indexes.some((ix) => covers(ix, fk)))
        .map((fk) => violation(fkUnindexed, {
          target: fkTarget(table, fk),
          message:
            `Foreign key ${fk.name} (${fk.columns.join(', ')}) → ${fk.refTable} has no index leading with its columns` +
            `${partialOnly(table, fk) ? ' (only a partial or non-btree one, which FK lookups cannot use)' : ''}: every ` +
            `delete or key update on ${fk.refTable} scans ${table.name}, and joins from ${fk.refTable} cannot use an index.`,
          fix: indexFix(model, table, fk),
        })),
    ),
};

function covers(index: CatalogIndex, fk: CatalogForeignKey): boolean {
  return index.predicate === null && indexMethod(index) === 'btree' && leadsWith(index.columns, fk.columns);
}

function partialOnly(table: CatalogTable, fk: CatalogForeignKey): boolean {
  return table.indexes.some((ix) => leadsWith(ix.columns, fk.columns));
}

function indexFix(model: DataModel, table: CatalogTable, fk: CatalogForeignKey): string {
  const name = fitIdentifier(`${table.name}_${fk.columns.join('_')}_idx`);
  return fixText({
    sql: `CREATE INDEX ${q(name)} ON ${q(table.name)} (${fk.columns.map(q).join(', ')});`,
    prisma: `in ${modelName(model, table.name)}, @@index([${fieldNames(model, table.name, fk.columns).join(', ')}]) ` +
      '(an index that exists only in SQL is dropped by the next prisma migrate).',
  });
}
