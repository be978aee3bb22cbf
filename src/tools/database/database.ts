/** The one interface every database tool speaks, whether PGlite in process or a PostgreSQL server through pg. */
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';

export interface Database {
  readonly engine: 'pglite' | 'postgres';
  /** Runs a script of one or more statements (no parameters). */
  exec(sql: string): Promise<void>;
  /** Runs one statement with $1.. parameters. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A database opened for one run (open.ts); the drift proof reads it through Prisma's schema engine. */
export interface ThrowawayDatabase extends Database {
  /** The same connection as a Prisma driver adapter; disposing it leaves the database open. */
  prismaAdapter(): Promise<SqlDriverAdapter>;
  /**
   * A Prisma driver adapter on a connection of its own, so that Prisma's engine can read the database while
   * this connection goes on with other work; undefined where there is one connection only (PGlite).
   */
  separatePrismaAdapter(): Promise<SeparateAdapter | undefined>;
}

export interface SeparateAdapter {
  adapter: SqlDriverAdapter;
  close(): Promise<void>;
}
