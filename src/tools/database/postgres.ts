/**
 * Throwaway databases on a PostgreSQL server: one uniquely named database per run, created from template0 and
 * dropped WITH (FORCE) when the run closes it, whatever state the run left its connection in.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { quoteIdent } from '../sql/quote.ts';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import type { SeparateAdapter, ThrowawayDatabase } from './database.ts';
import { pgClientAdapter } from './prisma-adapter.ts';

export interface ServerDatabase extends ThrowawayDatabase {
  /** The database's name on the server, for logs and for checking that it is gone. */
  readonly name: string;
}

/** Creates `sw_<random>` on the server of `adminUrl` (a role allowed to CREATE DATABASE) and connects to it. */
export async function createThrowawayDatabase(adminUrl: string): Promise<ServerDatabase> {
  const name = `sw_${randomBytes(8).toString('hex')}`;
  await withAdminClient(adminUrl, (admin) => admin.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`));
  const client = new pg.Client({ connectionString: urlForDatabase(adminUrl, name) });
  // A connection the server terminates emits 'error'; unhandled, that would crash the process. The failure
  // still reaches the caller through the next query.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await dropDatabase(adminUrl, name);
    throw error;
  }
  return new PostgresDatabase(client, adminUrl, name);
}

class PostgresDatabase implements ServerDatabase {
  readonly engine = 'postgres' as const;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly client: pg.Client,
    private readonly adminUrl: string,
    readonly name: string,
  ) {}

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.client.query(sql, params);
    return result.rows as T[];
  }

  prismaAdapter(): Promise<SqlDriverAdapter> {
    return pgClientAdapter(this.client);
  }

  async separatePrismaAdapter(): Promise<SeparateAdapter> {
    const client = new pg.Client({ connectionString: urlForDatabase(this.adminUrl, this.name) });
    client.on('error', () => undefined);
    await client.connect();
    return { adapter: await pgClientAdapter(client), close: () => client.end().catch(() => undefined) };
  }

  close(): Promise<void> {
    this.closing ??= this.endAndDrop();
    return this.closing;
  }

  private async endAndDrop(): Promise<void> {
    try {
      await this.client.end();
    } catch {
      // A broken connection must not keep the database alive: FORCE below terminates whatever is left.
    }
    await dropDatabase(this.adminUrl, this.name);
  }
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

async function withAdminClient<T>(adminUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/** pg lets a connection string override `database`, so the database name is written into the URL itself. */
function urlForDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
