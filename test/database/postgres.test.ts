import { describe, expect, it } from 'vitest';
import { openThrowawayDatabase, withThrowawayDatabase } from '../../src/tools/database/open.ts';
import {
  createThrowawayDatabase, dropOrphanedDatabases, keepServerDatabasesWarm, settleServerDatabases, type ServerDatabase,
} from '../../src/tools/database/postgres.ts';
import { serverUrl } from '../support.ts';
import { onServer, serverDatabaseExists } from './engines.ts';

describe.skipIf(!serverUrl)('server throwaway databases', () => {
  const url = serverUrl!;

  it('creates a uniquely named database and drops it on close', async () => {
    const db = await createThrowawayDatabase(url);
    expect(db.engine).toBe('postgres');
    expect(db.name).toMatch(/^sw_\d{13}_[0-9a-f]{12}$/);
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

  it('kept warm, creates the next database ahead and drops closed ones off the run, all gone once settled', async () => {
    const since = Date.now();
    keepServerDatabasesWarm(url);
    try {
      const first = await createThrowawayDatabase(url);
      await first.close();
      const second = await createThrowawayDatabase(url);
      expect(second.name).not.toBe(first.name);
      await second.close();
    } finally {
      await settleServerDatabases();
    }
    // Neither the two databases nor the spare made after the second is left (other test files' live ones have a connection).
    const left = (await onServer(url, (c) => c.query<{ name: string }>(
      "SELECT datname::text AS name FROM pg_database d WHERE datname ~ '^sw_[0-9]{13}_' AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datid = d.oid)",
    ))).rows
      .filter((r) => Number(r.name.split('_')[1]) >= since);
    expect(left).toEqual([]);
    // Settled: back to inline drops.
    const third = await createThrowawayDatabase(url);
    await third.close();
    expect(await serverDatabaseExists(url, third.name)).toBe(false);
  });

  it("drops a dead process's leftovers (old, nobody connected) and nothing else", async () => {
    const old = `sw_${Date.now() - 3_600_000}_${'0'.repeat(12)}`;
    const recent = `sw_${Date.now()}_${'f'.repeat(12)}`;
    const other = `sw_other_${Date.now()}`;
    for (const name of [old, recent, other]) await onServer(url, (c) => c.query(`CREATE DATABASE "${name}"`));
    try {
      await dropOrphanedDatabases(url);
      expect(await serverDatabaseExists(url, old)).toBe(false);
      expect(await serverDatabaseExists(url, recent)).toBe(true);
      expect(await serverDatabaseExists(url, other)).toBe(true);
    } finally {
      for (const name of [old, recent, other]) await onServer(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}"`));
    }
  });
});

