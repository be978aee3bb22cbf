/** The one interface every database tool speaks, whether PGlite in process or a PostgreSQL server through pg. */
export interface Database {
  readonly engine: 'pglite' | 'postgres';
  /** Runs a script of one or more statements (no parameters). */
  exec(sql: string): Promise<void>;
  /** Runs one statement with $1.. parameters. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}
