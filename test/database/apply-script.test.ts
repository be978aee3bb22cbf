import { describe, expect, it } from 'vitest';
import { applyScript } from '../../src/tools/database/apply-script.ts';
import { withThrowawayDatabase } from '../../src/tools/database/open.ts';
import { splitStatements } from '../../src/tools/sql/split-statements.ts';
import { engines } from './engines.ts';

describe('splitStatements', () => {
  it('cuts at semicolons outside strings, identifiers, dollar quotes and comments, with each first line', () => {
    const script = [
      '-- a comment; not a cut',
      'CREATE TABLE "a;b" (x text DEFAULT \'it\'\'s; fine\');',
      '/* block /* nested; */ still; */ SELECT E\'\\\';\';',
      'DO $role$ BEGIN PERFORM 1; END $role$;',
      'SELECT $$;$$, $1;',
      '',
      'SELECT 2',
    ].join('\n');
    const statements = splitStatements(script);
    expect(statements.map((s) => s.sql)).toEqual([
      '-- a comment; not a cut\nCREATE TABLE "a;b" (x text DEFAULT \'it\'\'s; fine\');',
      '/* block /* nested; */ still; */ SELECT E\'\\\';\';',
      'DO $role$ BEGIN PERFORM 1; END $role$;',
      'SELECT $$;$$, $1;',
      'SELECT 2',
    ]);
    expect(statements.map((s) => s.line)).toEqual([2, 3, 4, 5, 7]);
    for (const s of statements) expect(script.slice(s.offset, s.offset + s.sql.length)).toBe(s.sql);
  });

  it('ignores empty statements and trailing comments', () => {
    expect(splitStatements(';;\n-- only a comment\n')).toEqual([]);
  });
});

describe.each(engines)('applyScript on $name', ({ url, skip }) => {
  it.skipIf(skip)('applies a script in parts of N statements, each its own transaction', async () => {
    await withThrowawayDatabase({ url }, async (db) => {
      const script = Array.from({ length: 7 }, (_, i) => `CREATE TABLE t${i} (id int);`).join('\n');
      expect(await applyScript(db, script, 'm.sql', 3)).toEqual({ statements: 7, transactions: 3 });
      const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      expect(row!.n).toBe(7);
    });
  });

  it.skipIf(skip)('names the failing statement and its line, by position or by replaying the part', async () => {
    await withThrowawayDatabase({ url }, async (db) => {
      const runtime = 'CREATE TABLE a (id int);\n\nALTER TABLE missing ADD COLUMN x int;\nCREATE TABLE b (id int);';
      await expect(applyScript(db, runtime, 'm1.sql')).rejects.toThrow(/"missing" does not exist \(in m1\.sql, line 3: ALTER TABLE missing ADD COLUMN x int;\)/);
      // Nothing of the failed transaction stays, and the connection is usable.
      expect(await db.query("SELECT 1 FROM pg_tables WHERE tablename = 'a'")).toEqual([]);
      const syntax = 'CREATE TABLE c (id int);\nCREATE TABLE d (id int);\nCREATE TABEL e (id int);';
      await expect(applyScript(db, syntax, 'm2.sql', 2)).rejects.toThrow(/syntax error .*\(in m2\.sql, line 3: CREATE TABEL e/);
      // The first part (c, d) was committed before the second failed.
      expect((await db.query("SELECT tablename FROM pg_tables WHERE tablename IN ('c', 'd') ORDER BY 1")).length).toBe(2);
    });
  });
});
