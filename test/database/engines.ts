/** The engines database tests run on, and server-side look-ups that prove a test left nothing behind. */
import pg from 'pg';
import { quoteIdent } from '../../src/tools/sql/quote.ts';
import { serverUrl } from '../support.ts';

export interface Engine {
  name: 'pglite' | 'postgres';
  /** The admin URL for a server; undefined for PGlite. */
  url: string | undefined;
  /** True when the engine cannot run here (no TEST_DATABASE_URL). */
  skip: boolean;
}

export const engines: Engine[] = [
  { name: 'pglite', url: undefined, skip: false },
  { name: 'postgres', url: serverUrl, skip: !serverUrl },
];

export async function onServer<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function serverDatabaseExists(url: string, name: string): Promise<boolean> {
  return onServer(url, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

export function serverRoleExists(url: string, name: string): Promise<boolean> {
  return onServer(url, async (c) => (await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name])).rowCount === 1);
}

/** Roles a test schema created are cluster-wide: drop them once the databases that use them are gone. */
export async function dropServerRoles(url: string | undefined, names: string[]): Promise<void> {
  if (!url) return;
  await onServer(url, async (c) => {
    for (const name of names) await c.query(`DROP ROLE IF EXISTS ${quoteIdent(name)}`);
  });
}
