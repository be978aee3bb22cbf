/**
 * Migration review with squawk (research/anchors.md §2.2). The binary comes from squawk-cli's platform
 * optionalDependency (@squawk-cli/<platform>): installed from npm, nothing downloaded at install or run time.
 * It is run directly, without the package's node wrapper, on each migration written to a temporary folder.
 *
 * The initial migration is configured for what it is: run by `prisma migrate` inside one transaction, on
 * tables created in that same transaction (so no lock is held on anything in use):
 * - assume_in_transaction: Prisma wraps each migration in a transaction; without it every statement draws
 *   prefer-robust-stmts, and adding constraints to the new tables draws the NOT VALID / concurrent-index advice.
 * - excluded require-lock-timeout and require-statement-timeout: they guard against waiting on locks of tables
 *   in use; an initial migration creates its tables, so there is nothing to wait for.
 * - pg_version 15: the oldest server we support (ON DELETE SET NULL (col) needs it).
 * Everything else stays on, as advice: prefer-bigint-over-int on business integers and prefer-text-field on a
 * varchar(n) the PRD asked for are warnings a reviewer should see. Later migrations (evolution) change tables in
 * use, so for them nothing is excluded: lock timeouts, NOT VALID constraints and concurrent indexes all matter.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface SquawkViolation {
  /** The migration, as prisma/migrations/<name>/migration.sql. */
  file: string;
  /** 0-based, as squawk reports it. */
  line: number;
  column: number;
  level: string;
  rule: string;
  message: string;
  help: string | null;
}

export interface SquawkConfig {
  assumeInTransaction: boolean;
  pgVersion: string;
  excludedRules: string[];
}

export interface SquawkRun {
  migrations: string[];
  config: SquawkConfig;
}

export interface SquawkReport {
  version: string | null;
  /** The initial migration's configuration, and the later migrations' when there are any. */
  runs: SquawkRun[];
  ok: boolean;
  ms: number;
  violations: SquawkViolation[];
  /** Why squawk could not run (then nothing was reviewed). */
  error?: string;
}

export const INITIAL_MIGRATION_CONFIG: SquawkConfig = {
  assumeInTransaction: true,
  pgVersion: '15.0',
  excludedRules: ['require-lock-timeout', 'require-statement-timeout'],
};

export const LATER_MIGRATION_CONFIG: SquawkConfig = { ...INITIAL_MIGRATION_CONFIG, excludedRules: [] };

const run = promisify(execFile);

/** squawk's binary for this platform, or an error naming what is missing. */
export function squawkBinary(): string {
  const platform = `@squawk-cli/${process.platform}-${process.arch}`;
  const binary = process.platform === 'win32' ? 'squawk.exe' : 'squawk';
  try {
    return createRequire(import.meta.url).resolve(`${platform}/bin/${binary}`);
  } catch {
    throw new Error(`squawk is not installed for ${process.platform}-${process.arch} (${platform}, an optional dependency of squawk-cli)`);
  }
}

/** Reviews the migrations in order: the first as the initial migration, the rest as changes to tables in use. */
export async function reviewMigrations(migrations: ReadonlyArray<{ name: string; sql: string }>): Promise<SquawkReport> {
  const started = performance.now();
  const runs: SquawkRun[] = [
    { migrations: migrations.slice(0, 1).map((m) => m.name), config: INITIAL_MIGRATION_CONFIG },
    { migrations: migrations.slice(1).map((m) => m.name), config: LATER_MIGRATION_CONFIG },
  ].filter((r) => r.migrations.length > 0);
  const dir = await mkdtemp(join(tmpdir(), 'sw-squawk-'));
  try {
    const binary = squawkBinary();
    for (const m of migrations) {
      await mkdir(join(dir, 'prisma/migrations', m.name), { recursive: true });
      await writeFile(join(dir, migrationFile(m.name)), m.sql);
    }
    const version = (await run(binary, ['--version'])).stdout.trim().replace(/^squawk\s+/, '');
    const violations: SquawkViolation[] = [];
    for (const [i, r] of runs.entries()) {
      await writeFile(join(dir, `squawk-${i}.toml`), toml(r.config));
      violations.push(...(await lint(binary, dir, `squawk-${i}.toml`, r.migrations.map(migrationFile))));
    }
    return { version, runs, ok: violations.length === 0, ms: elapsed(started), violations };
  } catch (error) {
    return { version: null, runs, ok: false, ms: elapsed(started), violations: [], error: error instanceof Error ? error.message : String(error) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function migrationFile(name: string): string {
  return `prisma/migrations/${name}/migration.sql`;
}

async function lint(binary: string, dir: string, config: string, files: string[]): Promise<SquawkViolation[]> {
  // squawk exits non-zero when it finds something; the JSON on stdout is the answer either way.
  const output = await run(binary, ['--config', config, '--reporter', 'json', ...files], { cwd: dir, maxBuffer: 32 * 1024 * 1024 })
    .catch((error: { stdout?: string; message: string }) => {
      if (error.stdout?.trim().startsWith('[')) return { stdout: error.stdout };
      throw new Error(`squawk failed: ${error.message}`);
    });
  return (JSON.parse(output.stdout || '[]') as RawViolation[]).map((v) => ({
    file: v.file,
    line: v.line,
    column: v.column,
    level: v.level,
    rule: v.rule_name,
    message: v.message,
    help: v.help ?? null,
  }));
}

interface RawViolation {
  file: string;
  line: number;
  column: number;
  level: string;
  message: string;
  help?: string | null;
  rule_name: string;
}

function toml(config: SquawkConfig): string {
  return [
    `assume_in_transaction = ${config.assumeInTransaction}`,
    `pg_version = "${config.pgVersion}"`,
    `excluded_rules = [${config.excludedRules.map((r) => `"${r}"`).join(', ')}]`,
    '',
  ].join('\n');
}

function elapsed(since: number): number {
  return Math.round(performance.now() - since);
}
