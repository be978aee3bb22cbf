/**
 * MANDATORY_AUDIT_COLUMNS ≈ schemalint mandatory-columns (DESIGN §3): every table records when its rows were
 * created and changed (timestamptz, NOT NULL, database default) and by whom (created_by).
 */
import type { CatalogColumn } from '../../database/catalog.ts';
import { violation, type Rule } from './rule.ts';
import { q } from './scope.ts';

export const mandatoryAuditColumns: Rule = {
  id: 'mandatory-audit-columns',
  level: 'info',
  category: 'integrity',
  owner: 'relationships',
  reads: 'database',
  title: 'Every table has created_at and updated_at (timestamptz, NOT NULL, default) and created_by',
  remedy: 'The relationships pass (conventions) adds the audit fields to every entity',
  check: ({ catalog }) =>
    (catalog?.tables ?? []).flatMap((table) => {
      const column = (name: string): CatalogColumn | undefined => table.columns.find((c) => c.name === name);
      const problems = [
        ...['created_at', 'updated_at'].flatMap((name) => {
          const c = column(name);
          if (!c) return [`${name} is missing`];
          return c.type.endsWith('with time zone') && c.notNull && c.default !== null ? [] : [`${name} should be timestamptz NOT NULL with a default (is ${c.type}${c.notNull ? '' : ', nullable'}${c.default === null ? ', no default' : ''})`];
        }),
        ...(column('created_by') ? [] : ['created_by is missing']),
      ];
      if (problems.length === 0) return [];
      return [violation(mandatoryAuditColumns, {
        target: table.name,
        message: `${table.name} lacks audit columns: ${problems.join('; ')}.`,
        fix: `ALTER TABLE ${q(table.name)} ADD COLUMN IF NOT EXISTS "created_at" timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, ` +
          'ADD COLUMN IF NOT EXISTS "updated_at" timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, ADD COLUMN IF NOT EXISTS "created_by" uuid;',
      })];
    }),
};
