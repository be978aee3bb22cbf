/**
 * A throwaway database as a Prisma driver adapter, so that Prisma's schema engine can read the schema the
 * validator applied (the drift proof) instead of replaying the migrations into a shadow database of its own.
 *
 * pglite-prisma-adapter maps PostgreSQL result types to Prisma's column types the way @prisma/adapter-pg does,
 * and asks of its client only query(sql, values, { rowMode: 'array', parsers }) and exec(script). A pg
 * connection can answer both, so the server gets the same mapping without another dependency.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

type Parsers = Record<number, (text: string) => unknown>;

export async function pgliteAdapter(db: PGlite): Promise<SqlDriverAdapter> {
  return kept(await new PrismaPGlite(db).connect());
}

export async function pgClientAdapter(client: pg.Client): Promise<SqlDriverAdapter> {
  const asPGlite = {
    async query(sql: string, values: unknown[], options?: { parsers?: Parsers }) {
      const parsers = options?.parsers ?? {};
      const result = await client.query({
        text: sql,
        values,
        rowMode: 'array',
        types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => parsers[oid] ?? pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser },
      });
      return { fields: result.fields, rows: result.rows, affectedRows: result.rowCount ?? 0 };
    },
    async exec(script: string) {
      await client.query(script);
    },
  };
  return kept(await new PrismaPGlite(asPGlite as unknown as PGlite).connect());
}

/** The engine disposes what it connected to; the database belongs to the validation run, which closes it. */
function kept(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    executeScript: (script) => adapter.executeScript(script),
    startTransaction: (isolation) => adapter.startTransaction(isolation),
    dispose: async () => {},
  };
}
