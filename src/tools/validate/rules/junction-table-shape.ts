/**
 * JUNCTION_TABLE_SHAPE (ours): a many-to-many junction links exactly two tables and links each pair once: a
 * primary key or unique index on the two FK columns (tenant key first when present). The index from the other
 * side (the reverse lookup) is the far FK's index, which fk-unindexed already demands.
 */
import { findField, foreignKeyRelations, type DataModel, type Entity } from '../../../model/index.ts';
import type { CatalogTable } from '../../database/catalog.ts';
import { fixText, violation, type Rule } from './rule.ts';
import { q } from './scope.ts';

export const junctionTableShape: Rule = {
  id: 'junction-table-shape',
  level: 'error',
  category: 'integrity',
  owner: 'relationships',
  reads: 'database',
  title: 'A junction table links exactly two tables and has a unique key on the pair (tenant key first)',
  remedy: 'The relationships pass adds the pair key @@unique([aId, bId]); the indexes pass leads it with orgId',
  check: ({ model, catalog }) =>
    model.entities.filter((e) => e.kind === 'junction').flatMap((entity) => {
      const table = catalog?.tables.find((t) => t.name === entity.table);
      if (!table) return [];
      const pair = linkColumns(model, entity);
      if (pair.length !== 2)
        return [violation(junctionTableShape, {
          target: table.name,
          message: `Junction ${table.name} has ${pair.length} link foreign key(s) (${pair.join(', ') || 'none'}); a many-to-many junction links exactly two tables.`,
          fix: 'Give the junction one required many-to-one relation to each side of the many-to-many relation.',
        })];
      if (hasPairKey(table, pair, model.tenancy.column)) return [];
      const key = table.columns.some((c) => c.name === model.tenancy.column) ? [model.tenancy.column, ...pair] : pair;
      return [violation(junctionTableShape, {
        target: table.name,
        message: `Junction ${table.name} has no primary key or unique index on (${pair.join(', ')}): the same pair can be linked twice, and every lookup of a pair scans.`,
        fix: fixText({
          sql: `CREATE UNIQUE INDEX ${q(`${table.name}_${key.join('_')}_key`)} ON ${q(table.name)} (${key.map(q).join(', ')});`,
          prisma: `@@unique([${key.map((c) => entity.fields.find((f) => f.column === c)?.name ?? c).join(', ')}]) in ${entity.name}.`,
        }),
      })];
    }),
};

/** The junction's own links: its FKs except the tenant key and the audit created_by. */
function linkColumns(model: DataModel, entity: Entity): string[] {
  return foreignKeyRelations(model)
    .filter((r) => r.from === entity.name && r.field !== model.tenancy.field)
    .flatMap((r) => {
      const field = findField(entity, r.field!);
      return field && field.role !== 'audit' ? [field.column] : [];
    });
}

function hasPairKey(table: CatalogTable, pair: string[], tenantColumn: string): boolean {
  return table.indexes.some((ix) => {
    if (!ix.unique || ix.predicate !== null) return false;
    const rest = ix.columns.filter((c) => c !== tenantColumn);
    return rest.length === 2 && pair.every((c) => rest.includes(c)) && (ix.columns.length === 2 || ix.columns[0] === tenantColumn);
  });
}
