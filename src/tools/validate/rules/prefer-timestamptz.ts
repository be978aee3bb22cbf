/**
 * PREFER_TIMESTAMPTZ ≈ squawk prefer-timestamptz / schemalint prefer-timestamptz-to-timestamp: `timestamp`
 * drops the UTC offset, so two instants hours apart can be stored as the same value. Prisma's DateTime maps to
 * timestamp(3) unless told otherwise; DESIGN §3 mandates timestamptz(3), so in our output this is an error.
 */
import { fixText, violation, type Rule } from './rule.ts';
import { fieldNames, modelName, q } from './scope.ts';

export const preferTimestamptz: Rule = {
  id: 'prefer-timestamptz',
  level: 'error',
  category: 'integrity',
  owner: 'migration',
  reads: 'database',
  title: 'Timestamps are timestamptz, never timestamp without time zone',
  remedy: 'ALTER COLUMN … TYPE timestamptz(3); @db.Timestamptz(3) (the emitter always writes it)',
  check: ({ model, catalog }) =>
    (catalog?.tables ?? []).flatMap((table) =>
      table.columns
        .filter((c) => /^timestamp(\(\d\))? without time zone$/.test(c.type))
        .map((c) => violation(preferTimestamptz, {
          target: `${table.name}.${c.name}`,
          message: `${table.name}.${c.name} is ${c.type}: it drops the UTC offset, so instants from different time zones are stored ambiguously.`,
          fix: fixText({
            sql: `ALTER TABLE ${q(table.name)} ALTER COLUMN ${q(c.name)} TYPE timestamptz(3);`,
            prisma: `${fieldNames(model, table.name, [c.name])[0]} DateTime @db.Timestamptz(3) in ${modelName(model, table.name)}.`,
          }),
        })),
    ),
};
