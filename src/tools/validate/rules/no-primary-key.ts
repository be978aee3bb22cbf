/** NO_PRIMARY_KEY ≈ splinter 0004 / schemalint require-primary-key: rows without identity cannot be referenced, updated one by one, or replicated logically. */
import { violation, type Rule } from './rule.ts';
import { modelName, q } from './scope.ts';

export const noPrimaryKey: Rule = {
  id: 'no-primary-key',
  level: 'error',
  category: 'integrity',
  owner: 'migration',
  reads: 'database',
  title: 'Every table has a primary key',
  remedy: 'The emitter writes id uuid @id @default(dbgenerated("gen_random_uuid()")) on every model',
  check: ({ model, catalog }) =>
    (catalog?.tables ?? [])
      .filter((table) => table.primaryKey.length === 0)
      .map((table) => violation(noPrimaryKey, {
        target: table.name,
        message: `${table.name} has no primary key: its rows cannot be referenced or addressed one by one, and logical replication cannot update or delete them.`,
        fix: `ALTER TABLE ${q(table.name)} ADD PRIMARY KEY (${q('id')});\nPrisma: id String @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid in ${modelName(model, table.name)}.`,
      })),
};
