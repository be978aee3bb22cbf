/**
 * Acting as the application. On PGlite the session user is always a superuser, so the validator switches role
 * for each transaction (SET LOCAL ROLE): the statements it runs are its own, so the superuser behind them does
 * not matter. Strict mode, on a server: a real LOGIN role, member of the application role, on a second
 * connection; it cannot switch back to anything more powerful. Such a role is cluster-wide, so it gets a random
 * name and password (the password also satisfies servers that require one) and is always dropped.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../database/database.ts';
import { quoteIdent, quoteLiteral } from '../sql/quote.ts';
import type { AppSessionMode } from './outcome.ts';

/** Opens a connection to the database under test as `role`. */
export type ConnectAs = (role: string, password: string) => Promise<Database>;

export interface AppSession {
  mode: AppSessionMode;
  db: Database;
  /** The role to switch to inside each transaction (set-role mode); null when the session user is the application. */
  switchTo: string | null;
}

/** A connector for a server database, from the admin URL and the throwaway database's name. */
export function serverConnector(adminUrl: string, database: string): ConnectAs {
  return async (role, password) => {
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    url.username = role;
    url.password = password;
    const client = new pg.Client({ connectionString: url.toString() });
    client.on('error', () => undefined);
    await client.connect();
    return new ClientDatabase(client);
  };
}

export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}

export function loginRoleSql(role: string, password: string): string {
  return `CREATE ROLE ${quoteIdent(role)} LOGIN PASSWORD ${quoteLiteral(password)} NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION`;
}

/**
 * Runs `fn` as the application role: through a fresh LOGIN role when `connect` is given, else by role switch
 * on `owner`. The LOGIN role owns nothing and holds only its membership, so DROP ROLE always succeeds.
 */
export async function withAppSession<T>(
  owner: Database,
  options: { appRole: string; connect?: ConnectAs },
  fn: (session: AppSession) => Promise<T>,
): Promise<T> {
  if (!options.connect) return fn({ mode: 'set-role', db: owner, switchTo: options.appRole });
  const role = `sw_app_${randomBytes(6).toString('hex')}`;
  const password = randomPassword();
  await owner.exec(`${loginRoleSql(role, password)}; GRANT ${quoteIdent(options.appRole)} TO ${quoteIdent(role)}`);
  let session: Database | undefined;
  try {
    session = await options.connect(role, password);
    return await fn({ mode: 'login-role', db: session, switchTo: null });
  } finally {
    await session?.close().catch(() => undefined);
    await owner.exec(`DROP ROLE IF EXISTS ${quoteIdent(role)}`);
  }
}

class ClientDatabase implements Database {
  readonly engine = 'postgres' as const;

  constructor(private readonly client: pg.Client) {}

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.client.query(sql, params)).rows as T[];
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
