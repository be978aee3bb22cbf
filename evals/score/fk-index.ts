/** FK index coverage (README "FK index coverage"): needs no gold. */
import type { Catalog } from '../../src/tools/database/catalog.ts';
import { norm, sameSet } from './matching.ts';
import { tally, type MetricResult } from './metric.ts';

/**
 * An FK is covered when its columns are the leading columns (any order) of some index, the primary key
 * included. An index led by org_id does not cover a project_id FK: parent deletes and joins filter by
 * project_id alone.
 */
export function scoreForeignKeyIndexes(catalog: Catalog): MetricResult {
  const fks = catalog.tables
    .filter((t) => norm(t.name) !== '_prisma_migrations')
    .flatMap((table) => table.foreignKeys.map((fk) => ({ table, fk })));
  return tally(fks, ({ table, fk }) => {
    const keys = table.indexes.map((i) => i.columns);
    if (table.primaryKey.length > 0) keys.push(table.primaryKey);
    const covered = keys.some((columns) => columns.length >= fk.columns.length && sameSet(columns.slice(0, fk.columns.length), fk.columns));
    return covered ? null : `${table.name}(${fk.columns.join(', ')}) → ${fk.refTable}: no index leads with these columns`;
  });
}
