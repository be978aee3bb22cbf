/** PREFER_BIGINT/UUID_PK ≈ squawk prefer-bigint-over-int / prefer-identity: a 32-bit key runs out at 2^31 rows, and changing a referenced key type rewrites every referencing table. */
import { violation, type Rule } from './rule.ts';
import { q } from './scope.ts';

export const preferBigintOrUuidPk: Rule = {
  id: 'prefer-bigint-or-uuid-pk',
  level: 'warning',
  category: 'integrity',
  owner: 'migration',
  reads: 'database',
  title: 'Single-column primary keys are uuid or bigint, not integer or smallint',
  remedy: 'uuid with gen_random_uuid() (our default) or bigint GENERATED ALWAYS AS IDENTITY',
  check: ({ catalog }) =>
    (catalog?.tables ?? []).flatMap((table) => {
      const [key, ...rest] = table.primaryKey;
      const column = table.columns.find((c) => c.name === key);
      if (!column || rest.length > 0 || !['integer', 'smallint'].includes(column.type)) return [];
      return [violation(preferBigintOrUuidPk, {
        target: `${table.name}.${column.name}`,
        message: `The primary key ${table.name}.${column.name} is ${column.type}: it runs out at ${column.type === 'integer' ? '2^31' : '2^15'} rows, and widening a referenced key rewrites every table that references it.`,
        fix: `ALTER TABLE ${q(table.name)} ALTER COLUMN ${q(column.name)} TYPE bigint;  -- Prisma: BigInt, or String @db.Uuid`,
      })];
    }),
};
