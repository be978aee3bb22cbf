/**
 * A partial index's SQL predicate → the model's structured conditions. Only the shapes the model can state
 * are read (`col IS [NOT] NULL`, `col = literal`, joined by AND, in the forms people write and the forms
 * PostgreSQL and Prisma print back); anything else is undefined, and the caller reports it.
 */
import type { Predicate } from '../../model/model.ts';

const COLUMN = String.raw`\(*"?([A-Za-z_][A-Za-z0-9_]*)"?\)*(?:::[a-z ]+)?`;
const IS_NULL = new RegExp(`^${COLUMN}\\s+IS\\s+(NOT\\s+)?NULL$`, 'i');
const EQUALS = new RegExp(`^${COLUMN}\\s*=\\s*(.+)$`, 'i');

/** `columnToField` maps a column name to its field name, or undefined for an unknown column. */
export function parsePredicate(sql: string, columnToField: (column: string) => string | undefined): Predicate[] | undefined {
  const conditions = stripParens(sql.trim()).split(/\s+AND\s+/i);
  const out: Predicate[] = [];
  for (const raw of conditions) {
    const text = stripParens(raw.trim());
    const isNull = IS_NULL.exec(text);
    if (isNull) {
      const field = columnToField(isNull[1]!);
      if (!field) return undefined;
      out.push(isNull[2] ? { field, op: 'isNotNull' } : { field, op: 'isNull' });
      continue;
    }
    const eq = EQUALS.exec(text);
    const field = eq ? columnToField(eq[1]!) : undefined;
    const value = eq ? literal(eq[2]!.trim()) : undefined;
    if (!field || value === undefined) return undefined;
    out.push({ field, op: 'eq', value });
  }
  return out;
}

function literal(text: string): string | number | boolean | undefined {
  const bare = text.replace(/::[a-z ]+$/i, '').trim();
  if (/^(true|false)$/i.test(bare)) return bare.toLowerCase() === 'true';
  if (/^-?\d+(\.\d+)?$/.test(bare)) return Number(bare);
  const quoted = /^'((?:[^']|'')*)'$/.exec(bare);
  return quoted ? quoted[1]!.replace(/''/g, "'") : undefined;
}

/** Removes parentheses that wrap the whole text: `(("a" IS NULL))` → `"a" IS NULL`. */
function stripParens(text: string): string {
  let t = text;
  while (t.startsWith('(') && t.endsWith(')') && wraps(t)) t = t.slice(1, -1).trim();
  return t;
}

function wraps(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0 && i < text.length - 1) return false;
  }
  return depth === 0;
}
