/**
 * MIGRATION_REVIEW: squawk's migration-safety lint on migration.sql, configured for an initial migration that runs
 * in one transaction (squawk.ts). Its advice is a warning; a syntax error is an error.
 */
import { violation, type Rule } from './rule.ts';

export const migrationReview: Rule = {
  id: 'migration-review',
  level: 'warning',
  category: 'migration',
  owner: 'migration',
  reads: 'evidence',
  title: 'squawk finds nothing to flag in the migration (syntax errors are errors, the rest warnings)',
  remedy: 'Follow squawk\'s advice or justify it; the rule name links to squawk\'s docs',
  check: ({ evidence }) =>
    (evidence?.squawk?.violations ?? []).map((v) => violation(migrationReview, {
      target: `${v.file}:${v.line + 1} (squawk ${v.rule})`,
      level: v.rule === 'syntax-error' ? 'error' : 'warning',
      message: `squawk ${v.rule}: ${v.message}`,
      fix: `${v.help ?? 'See the rule\'s documentation.'} (https://squawkhq.com/docs/${v.rule})`,
    })),
};
