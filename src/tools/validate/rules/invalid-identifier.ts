/**
 * INVALID_IDENTIFIER (ours): physical names are lower-case snake_case, so that no SQL we or the user write has to
 * quote them and nothing from the PRD reaches SQL unescaped. Length is identifier-too-long's business.
 */
import { violation, type Rule } from './rule.ts';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export const invalidIdentifier: Rule = {
  id: 'invalid-identifier',
  level: 'error',
  category: 'naming',
  owner: 'extract',
  reads: 'model',
  title: 'Table and column names are lower-case letters, digits and underscores, not starting with a digit',
  remedy: 'Rename in the input (extraction derives snake_case names)',
  check: ({ model }) =>
    model.entities.flatMap((e) =>
      [e.table, ...e.fields.map((f) => f.column)]
        .filter((name) => !IDENTIFIER.test(name))
        .map((name) => violation(invalidIdentifier, {
          target: e.table,
          message: `"${name}" (${name === e.table ? `table of ${e.name}` : `a column of ${e.table}`}) must be lower-case letters, digits and underscores, not starting with a digit.`,
          fix: 'Rename it in the input: lower-case snake_case.',
        })),
    ),
};
