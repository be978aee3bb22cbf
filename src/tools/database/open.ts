/** One entry point for a throwaway database: a PostgreSQL server when a URL is given, embedded PGlite otherwise. */
import type { ThrowawayDatabase } from './database.ts';
import { openPGliteDatabase } from './pglite.ts';
import { createThrowawayDatabase } from './postgres.ts';

export interface ThrowawayDatabaseOptions {
  /** An admin URL of a PostgreSQL server (DATABASE_URL); absent: PGlite in process. */
  url?: string;
}

export function openThrowawayDatabase(options: ThrowawayDatabaseOptions): Promise<ThrowawayDatabase> {
  return options.url ? createThrowawayDatabase(options.url) : openPGliteDatabase();
}

/** Runs `fn` on a fresh database and always closes (on a server: drops) it, without hiding `fn`'s own error. */
export async function withThrowawayDatabase<T>(
  options: ThrowawayDatabaseOptions,
  fn: (db: ThrowawayDatabase) => Promise<T>,
): Promise<T> {
  const db = await openThrowawayDatabase(options);
  let result: T;
  try {
    result = await fn(db);
  } catch (error) {
    try {
      await db.close();
    } catch (closeError) {
      throw new AggregateError([error, closeError], 'The run failed and its throwaway database could not be closed');
    }
    throw error;
  }
  await db.close();
  return result;
}
