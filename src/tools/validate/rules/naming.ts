/**
 * NAMING ≈ schemalint name-casing / name-inflection, Atlas naming: tables snake_case and plural, columns
 * snake_case (Prisma models stay PascalCase through @@map / @map). Names come from the input, so only
 * extraction could change them: a warning the loop does not act on.
 */
import pluralize from 'pluralize';
import { violation, type Rule } from './rule.ts';

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

export const naming: Rule = {
  id: 'naming',
  level: 'warning',
  category: 'naming',
  owner: 'extract',
  reads: 'database',
  title: 'Tables are snake_case plurals, columns snake_case',
  remedy: 'Rename in the input; the emitter maps names with @@map / @map',
  check: ({ catalog }) =>
    (catalog?.tables ?? []).flatMap((table) => {
      const last = table.name.split('_').at(-1) ?? table.name;
      const problems = [
        ...(SNAKE.test(table.name) ? [] : [`table name ${table.name} is not snake_case`]),
        ...(SNAKE.test(table.name) && !pluralize.isPlural(last) ? [`table name ${table.name} is not plural`] : []),
        ...table.columns.filter((c) => !SNAKE.test(c.name)).map((c) => `column ${c.name} is not snake_case`),
      ];
      if (problems.length === 0) return [];
      return [violation(naming, {
        target: table.name,
        message: `${table.name}: ${problems.join('; ')} (convention: snake_case, tables plural, so SQL needs no quoting and reads like the domain).`,
        fix: 'Rename the entity or field in the input; the emitter keeps Prisma names PascalCase / camelCase and maps them.',
      })];
    }),
};
