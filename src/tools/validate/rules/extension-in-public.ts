/** EXTENSION_IN_PUBLIC ≈ splinter 0014: an extension's objects in the application schema mix with the application's, and its functions are reachable through every search_path. */
import { violation, type Rule } from './rule.ts';
import { q } from './scope.ts';

export const extensionInPublic: Rule = {
  id: 'extension-in-public',
  level: 'warning',
  category: 'security',
  owner: 'migration',
  reads: 'database',
  title: 'No extension is installed into the application schema',
  remedy: 'CREATE SCHEMA extensions; ALTER EXTENSION … SET SCHEMA extensions',
  check: ({ objects }) =>
    (objects?.extensions ?? []).map((name) => violation(extensionInPublic, {
      target: name,
      message: `Extension ${name} is installed into the application schema: its objects mix with the application's and its functions are on every search_path.`,
      fix: `CREATE SCHEMA IF NOT EXISTS extensions;\nALTER EXTENSION ${q(name)} SET SCHEMA extensions;`,
    })),
};
