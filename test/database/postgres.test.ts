import { describe, expect, it } from 'vitest';
import { openThrowawayDatabase, withThrowawayDatabase } from '../../src/tools/database/open.ts';
import { createThrowawayDatabase, type ServerDatabase } from '../../src/tools/database/postgres.ts';
import { serverUrl } from '../support.ts';
import { serverDatabaseExists } from './engines.ts';

describe.skipIf(!serverUrl)('server throwaway databases', () => {
  const url = serverUrl!;

  it('creates a uniquely named database and drops it on close', async () => {
    const db = await createThrowawayDatabase(url);
    expect(db.engine).toBe('postgres');
    expect(db.name).toMatch(/^sw_[0-9a-f]{16}$/);
    expect(await serverDatabaseExists(url, db.name)).toBe(true);
    const [row] = await db.query<{ current: string }>('SELECT current_database() AS current');
    expect(row!.current).toBe(db.name);
    await db.close();
    await db.close();
    expect(await serverDatabaseExists(url, db.name)).toBe(false);
  });

  it('drops the database even when the run left its connection in a failed transaction', async () => {
    const db = await createThrowawayDatabase(url);
    await db.exec('BEGIN');
    await expect(db.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    await db.close();
    expect(await serverDatabaseExists(url, db.name)).toBe(false);
  });

  it('withThrowawayDatabase drops the database and rethrows when the run fails', async () => {
    let name = '';
    const failure = new Error('the run failed');
    await expect(
      withThrowawayDatabase({ url }, async (db) => {
        name = (db as ServerDatabase).name;
        await db.exec('CREATE TABLE t (id int)');
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(name).not.toBe('');
    expect(await serverDatabaseExists(url, name)).toBe(false);
  });

  it('openThrowawayDatabase picks the server when a URL is given', async () => {
    const db = await openThrowawayDatabase({ url });
    await db.close();
    expect(db.engine).toBe('postgres');
    expect(await serverDatabaseExists(url, (db as ServerDatabase).name)).toBe(false);
  });
});
