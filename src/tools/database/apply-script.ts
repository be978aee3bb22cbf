/**
 * Applying a migration script in as few round trips as possible: the whole script as one multi-statement
 * simple query, which PostgreSQL runs as one implicit transaction (as `prisma migrate` does). A script of
 * more than STATEMENTS_PER_TRANSACTION statements goes in parts of that many, each a transaction of its own:
 * every relation a transaction creates or alters holds a lock slot until it ends, and PostgreSQL 15's default
 * lock table (max_locks_per_transaction 64 × 100 connections) runs out at about 500 entities. A failure names
 * the script, the statement's line and its start; the parts before it stay applied (the database is a
 * throwaway one).
 */
import type { Database } from './database.ts';
import { splitStatements, type SqlStatement } from '../sql/split-statements.ts';

/**
 * A part of 2,000 statements (some 125 entities) fits in one transaction on a default server; 500 entities in
 * one transaction did not. A 200-entity migration (3,259 statements) goes in two parts.
 */
export const STATEMENTS_PER_TRANSACTION = 2000;

export interface ApplyResult {
  statements: number;
  /** Transactions the script ran in (1 unless it was cut into parts). */
  transactions: number;
}

export async function applyScript(db: Database, sql: string, name = 'script', perTransaction = STATEMENTS_PER_TRANSACTION): Promise<ApplyResult> {
  const statements = splitStatements(sql);
  const parts: SqlStatement[][] = [];
  for (let i = 0; i < statements.length; i += perTransaction) parts.push(statements.slice(i, i + perTransaction));
  for (const part of parts) {
    // One part: the script exactly as written (what a failure's position refers to is then the script itself).
    const text = parts.length === 1 ? sql : part.map((s) => s.sql).join('\n');
    try {
      await db.exec(text);
    } catch (error) {
      throw await locate(db, error, name, part, parts.length === 1 ? (s) => s.offset : offsetsIn(part));
    }
  }
  return { statements: statements.length, transactions: Math.max(1, parts.length) };
}

/** Offsets of the statements in `part.map(s => s.sql).join('\n')`. */
function offsetsIn(part: SqlStatement[]): (s: SqlStatement) => number {
  const offsets = new Map<SqlStatement, number>();
  let at = 0;
  for (const s of part) {
    offsets.set(s, at);
    at += s.sql.length + 1;
  }
  return (s) => offsets.get(s) ?? 0;
}

/**
 * The failing statement: from the error's position when PostgreSQL gives one (syntax errors and many
 * others), else by running the part again one statement at a time inside a transaction that is rolled back
 * (only on failure, so it costs nothing when the script applies).
 */
async function locate(db: Database, error: unknown, name: string, part: SqlStatement[], offsetOf: (s: SqlStatement) => number): Promise<Error> {
  let failing: SqlStatement | undefined;
  let cause = error;
  const position = Number((error as { position?: unknown } | null)?.position);
  if (Number.isInteger(position) && position > 0) {
    failing = [...part].reverse().find((s) => offsetOf(s) <= position - 1);
  } else {
    const replayed = await replay(db, part);
    if (replayed) [failing, cause] = replayed;
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  if (!failing) return new Error(`${message} (in ${name})`, { cause });
  const start = failing.sql.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('--'))?.trim() ?? '';
  return new Error(`${message} (in ${name}, line ${failing.line}: ${start.length > 120 ? `${start.slice(0, 117)}...` : start})`, { cause });
}

async function replay(db: Database, part: SqlStatement[]): Promise<[SqlStatement, unknown] | undefined> {
  try {
    await db.exec('BEGIN');
    for (const s of part) {
      try {
        await db.exec(s.sql);
      } catch (error) {
        return [s, error];
      }
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    await db.exec('ROLLBACK').catch(() => undefined);
  }
}
