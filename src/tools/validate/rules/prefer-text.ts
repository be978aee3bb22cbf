/**
 * PREFER_TEXT ≈ squawk prefer-text-field / Prisma Optimize @db.VarChar(n), @db.Char(n): a length limit that no
 * requirement states only makes a later change a rewrite under ACCESS EXCLUSIVE. varchar(n) is fine when the
 * input gave the limit (the model's maxLength); char(n) pads with blanks and is never what a PRD means.
 */
import { violation, type Rule } from './rule.ts';
import { entityOfTable, q } from './scope.ts';

export const preferText: Rule = {
  id: 'prefer-text',
  level: 'warning',
  category: 'migration',
  owner: 'migration',
  reads: 'database',
  title: 'No varchar(n) without a stated length limit, no char(n)',
  remedy: 'text (plain String); a stated limit as maxLength → @db.VarChar(n)',
  check: ({ model, catalog }) =>
    (catalog?.tables ?? []).flatMap((table) => {
      const entity = entityOfTable(model, table.name);
      return table.columns.flatMap((c) => {
        const field = entity?.fields.find((f) => f.column === c.name);
        const blankPadded = /^character\(\d+\)$/.test(c.type);
        const unstated = /^character varying\(\d+\)$/.test(c.type) && field !== undefined && field.maxLength === undefined;
        if (!blankPadded && !unstated) return [];
        return [violation(preferText, {
          target: `${table.name}.${c.name}`,
          message: blankPadded
            ? `${table.name}.${c.name} is ${c.type}: it pads values with blanks, and changing the length rewrites the table.`
            : `${table.name}.${c.name} is ${c.type}, but the input states no length limit: widening it later rewrites the table under an exclusive lock.`,
          fix: `ALTER TABLE ${q(table.name)} ALTER COLUMN ${q(c.name)} TYPE text;  -- Prisma: String without @db.VarChar / @db.Char`,
        })];
      });
    }),
};
