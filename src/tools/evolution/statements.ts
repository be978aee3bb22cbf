/**
 * Splits migration SQL into statements, and an ALTER TABLE into its clauses, respecting quotes, dollar
 * quotes and comments. Enough for the DDL Prisma's schema engine writes and the tenancy SQL we append.
 */

/** Statements without their trailing semicolon and without comments. */
export function splitStatements(sql: string): string[] {
  return splitTopLevel(sql, ';').map((s) => s.trim()).filter(Boolean);
}

/** `ALTER TABLE "t" DROP COLUMN "a", ADD COLUMN "b" TEXT` → table "t" and its clauses. */
export function alterTableClauses(statement: string): { table: string; clauses: string[] } | undefined {
  const head = /^ALTER\s+TABLE\s+(?:ONLY\s+)?(?:"[^"]+"\.)?"([^"]+)"\s+/i.exec(statement);
  if (!head) return undefined;
  return { table: head[1]!, clauses: splitTopLevel(statement.slice(head[0].length), ',').map((c) => c.trim()).filter(Boolean) };
}

/** Splits on `separator` outside quotes, dollar quotes, parentheses and comments; comments are dropped. */
function splitTopLevel(sql: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end - 1;
      continue;
    }
    if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 1;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const end = closingQuote(sql, i, ch);
      current += sql.slice(i, end + 1);
      i = end;
      continue;
    }
    if (ch === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0];
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        const stop = end === -1 ? sql.length : end + tag.length;
        current += sql.slice(i, stop);
        i = stop - 1;
        continue;
      }
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === separator && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

function closingQuote(sql: string, start: number, quote: string): number {
  for (let i = start + 1; i < sql.length; i++) {
    if (sql[i] !== quote) continue;
    if (sql[i + 1] === quote) {
      i++;
      continue;
    }
    return i;
  }
  return sql.length - 1;
}
