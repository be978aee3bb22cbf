/** The only way PRD-derived names and values reach SQL text. */
import { identifierProblem } from '../../model/names.ts';

export function quoteIdent(name: string): string {
  const problem = identifierProblem(name);
  if (problem) throw new Error(`Unsafe SQL identifier: ${problem}`);
  return `"${name}"`;
}

/** A string literal with quotes doubled; standard_conforming_strings is on in every supported PostgreSQL. */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('SQL literals cannot contain NUL characters');
  return `'${value.replace(/'/g, "''")}'`;
}

export function sqlValue(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as SQL`);
    return String(value);
  }
  return quoteLiteral(value);
}
