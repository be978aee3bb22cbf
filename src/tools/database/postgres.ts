/**
 * Throwaway databases on a PostgreSQL server: one uniquely named database per run, created from template0 and
 * dropped WITH (FORCE) when the run closes it, whatever state the run left its connection in.
 *
 * CREATE DATABASE and DROP DATABASE cost ~0.15 s each on a default server, as much as a small run's migration.
 * A long-lived process (the HTTP service's workers, `npm run eval`, `npm run bench`) calls
 * keepServerDatabasesWarm(): a closed database is then dropped in the background and the next runs' databases
 * are created ahead, connected and waiting, so neither is on a run's path; settleServerDatabases() ends that and
 * waits for it. Others (the CLI, tests) create and drop inline.
 *
 * Names are sw_<creation time in ms>_<random>. A database of that shape that nobody is connected to and that is
 * older than ORPHAN_AGE_MS was left by a process that died mid-run; the first database a process creates on a
 * server sweeps such leftovers away (in the background).
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

const NAME_PATTERN = '^sw_[0-9]{13}_[0-9a-f]{12}$';
const ORPHAN_AGE_MS = 10 * 60_000;

let warm = false;
/**
 * Databases kept created ahead, per admin URL. Two, so that back-to-back runs find one ready while the next is
 * still being created (CREATE DATABASE takes about as long as a small run).
 */
const SPARES = 2;
const spares = new Map<string, Array<Promise<PostgresDatabase>>>();
/** Work in the background (drops, spares, sweeps), awaited by settleServerDatabases. */
const background = new Set<Promise<unknown>>();
const swept = new Set<string>();

/** Creates (or takes a spare of) a throwaway database on the server of `adminUrl` (a role allowed to CREATE DATABASE). */
export async function createThrowawayDatabase(adminUrl: string): Promise<ServerDatabase> {
  if (!swept.has(adminUrl)) {
    swept.add(adminUrl);
    inBackground(dropOrphanedDatabases(adminUrl));
  }
  const spare = spares.get(adminUrl)?.shift();
  return (spare && (await spare.catch(() => undefined))) || createDatabase(adminUrl);
}

/** From now on, closed databases are dropped in the background and the next ones are created ahead. */
export function keepServerDatabasesWarm(adminUrl?: string): void {
  warm = true;
  if (adminUrl) prepareSpares(adminUrl);
}

/** Ends the warm mode: drops the spares and waits for every drop and creation still under way. */
export async function settleServerDatabases(): Promise<void> {
  warm = false;
  const waiting = [...spares.values()].flat();
  spares.clear();
  for (const spare of waiting) inBackground(spare.then((db) => db.close()));
  while (background.size > 0) await Promise.allSettled([...background]);
}

function prepareSpares(adminUrl: string): void {
  if (!warm) return;
  const ready = spares.get(adminUrl) ?? [];
  spares.set(adminUrl, ready);
  while (ready.length < SPARES) {
    const spare = createDatabase(adminUrl);
    ready.push(spare);
    inBackground(spare);
  }
}

function inBackground(work: Promise<unknown>): void {
  const tracked = work.catch(() => undefined).finally(() => background.delete(tracked));
  background.add(tracked);
}

async function createDatabase(adminUrl: string): Promise<PostgresDatabase> {
  const name = `sw_${Date.now()}_${randomBytes(6).toString('hex')}`;
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

/** Drops throwaway databases nobody is connected to, created more than ORPHAN_AGE_MS ago (by their name). */
export async function dropOrphanedDatabases(adminUrl: string): Promise<void> {
  const left = await withAdminClient(adminUrl, async (admin) => (await admin.query<{ name: string }>(
    `SELECT datname::text AS name FROM pg_catalog.pg_database d
     WHERE datname ~ $1 AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity a WHERE a.datid = d.oid)`,
    [NAME_PATTERN],
  )).rows);
  for (const { name } of left) {
    if (Date.now() - Number(name.split('_')[1]) > ORPHAN_AGE_MS) await dropDatabase(adminUrl, name);
  }
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
    if (!warm) return dropDatabase(this.adminUrl, this.name);
    inBackground(dropDatabase(this.adminUrl, this.name));
    prepareSpares(this.adminUrl);
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
