/**
 * UPDATED_AT_NO_DB_DEFAULT (anchors §0.6): Prisma's @updatedAt is maintained by Prisma Client only and gets no
 * database default, so every raw SQL insert (seeds, other services, tests) must supply it or fail NOT NULL.
 */
import { violation, type Rule } from './rule.ts';
import { entityOfTable, q } from './scope.ts';

export const updatedAtNoDbDefault: Rule = {
  id: 'updated-at-no-db-default',
  level: 'warning',
  category: 'integrity',
  owner: 'relationships',
  reads: 'database',
  title: 'updated_at has a database default, not only Prisma\'s @updatedAt',
  remedy: 'updatedAt DateTime @default(now()) @updatedAt (the conventions give every audit timestamp a default)',
  check: ({ model, catalog }) =>
    (catalog?.tables ?? []).flatMap((table) => {
      const column = entityOfTable(model, table.name)?.fields.find((f) => f.name === 'updatedAt')?.column ?? 'updated_at';
      const c = table.columns.find((col) => col.name === column);
      if (!c || c.default !== null) return [];
      return [violation(updatedAtNoDbDefault, {
        target: `${table.name}.${c.name}`,
        message: `${table.name}.${c.name} has no database default: only Prisma Client sets it, so raw SQL inserts (seeds, other services) must supply it${c.notNull ? ' or fail on NOT NULL' : ''}.`,
        fix: `ALTER TABLE ${q(table.name)} ALTER COLUMN ${q(c.name)} SET DEFAULT CURRENT_TIMESTAMP;  -- Prisma: @default(now()) @updatedAt`,
      })];
    }),
};
