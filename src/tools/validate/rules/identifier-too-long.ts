/**
 * IDENTIFIER_TOO_LONG ≈ squawk identifier-too-long: PostgreSQL silently truncates names over 63 bytes, so the
 * object gets a name no later migration refers to, and two long names can collide after truncation. The
 * catalog only ever shows the truncated name, so this reads what would be (or was) written: the model's
 * physical names and every quoted identifier of the migration. An error in our output: the emitter guards
 * every derived name, so a long one means a name slipped past it.
 */
import { MAX_IDENTIFIER_BYTES, type NodeName } from '../../../model/index.ts';
import { enumTypeName } from '../../prisma/names.ts';
import { violation, type Rule } from './rule.ts';

interface Named {
  name: string;
  what: string;
  owner: NodeName | undefined;
}

export const identifierTooLong: Rule = {
  id: 'identifier-too-long',
  level: 'error',
  category: 'naming',
  owner: 'migration',
  reads: 'migration',
  title: 'No table, column, type, index, constraint or policy name exceeds 63 bytes',
  remedy: 'Shorten the name (derived names are fitted with a hash suffix); the node that named it re-derives it',
  check: ({ model, migrations = [] }) => {
    const named: Named[] = [
      ...model.entities.flatMap((e) => [
        { name: e.table, what: `table of ${e.name}`, owner: 'extract' as const },
        ...e.fields.map((f) => ({ name: f.column, what: `column of ${e.name}.${f.name}`, owner: 'extract' as const })),
        ...e.fields.flatMap((f) => (f.type === 'enum' && f.enumName ? [{ name: enumTypeName(f.enumName), what: `enum type of ${e.name}.${f.name}`, owner: 'extract' as const }] : [])),
      ]),
      ...model.indexes.flatMap((ix) => (ix.name ? [{ name: ix.name, what: `index on ${ix.entity}(${ix.fields.join(', ')})`, owner: 'indexes' as const }] : [])),
      ...model.policies.map((p) => ({ name: p.name, what: `policy on ${p.entity}`, owner: 'tenancy' as const })),
      ...migrations.flatMap((m) => quotedIdentifiers(m.sql).map((name) => ({ name, what: `identifier in ${m.name}/migration.sql`, owner: 'migration' as const }))),
    ];
    const seen = new Set<string>();
    return named
      .filter((n) => Buffer.byteLength(n.name, 'utf8') > MAX_IDENTIFIER_BYTES && !seen.has(n.name) && seen.add(n.name))
      .map((n) => violation(identifierTooLong, {
        target: n.name.slice(0, MAX_IDENTIFIER_BYTES),
        owner: n.owner,
        message: `The ${n.what} "${n.name}" is ${Buffer.byteLength(n.name, 'utf8')} bytes; PostgreSQL truncates it to ${MAX_IDENTIFIER_BYTES} without an error, so later migrations and the Prisma schema name an object that does not exist.`,
        fix: n.owner === 'extract'
          ? 'Give the entity or field a shorter name in the input (at most 63 bytes as snake_case).'
          : `Shorten it to at most ${MAX_IDENTIFIER_BYTES} bytes (fitIdentifier keeps derived names unique with a hash suffix).`,
      }));
  },
};

/** Double-quoted identifiers outside string literals and comments ("" inside one is a quote). */
function quotedIdentifiers(sql: string): string[] {
  const names: string[] = [];
  for (const m of sql.matchAll(/--[^\n]*|'(?:[^']|'')*'|"((?:[^"]|"")*)"/g)) if (m[1] !== undefined) names.push(m[1].replace(/""/g, '"'));
  return names;
}
