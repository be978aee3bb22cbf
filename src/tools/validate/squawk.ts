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
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

let versionOf: { binary: string; version: string } | undefined;

/** Asked once per process: the binary does not change under a running process. */
function squawkVersion(binary: string): string {
  if (versionOf?.binary !== binary) versionOf = { binary, version: execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim().replace(/^squawk\s+/, '') };
  return versionOf.version;
}

/**
 * Reviews the migrations in order: the first as the initial migration, the rest as changes to tables in use.
 * Everything up to starting the processes is synchronous, and each writes its report to a file rather than a
 * pipe: the validator's database steps hold the event loop for long stretches (PGlite runs in this thread),
 * and squawk is meant to run beside them on another core, not after them.
 */
export function reviewMigrations(migrations: ReadonlyArray<{ name: string; sql: string }>): Promise<SquawkReport> {
  const started = performance.now();
  const runs: SquawkRun[] = [
    { migrations: migrations.slice(0, 1).map((m) => m.name), config: INITIAL_MIGRATION_CONFIG },
    { migrations: migrations.slice(1).map((m) => m.name), config: LATER_MIGRATION_CONFIG },
  ].filter((r) => r.migrations.length > 0);
  const failed = (error: unknown): SquawkReport =>
    ({ version: null, runs, ok: false, ms: elapsed(started), violations: [], error: error instanceof Error ? error.message : String(error) });
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(tmpdir(), 'sw-squawk-'));
    const binary = squawkBinary();
    const version = squawkVersion(binary);
    for (const m of migrations) {
      mkdirSync(join(dir, 'prisma/migrations', m.name), { recursive: true });
      writeFileSync(join(dir, migrationFile(m.name)), m.sql);
    }
    const lints = runs.map((r, i) => {
      writeFileSync(join(dir!, `squawk-${i}.toml`), toml(r.config));
      return lint(binary, dir!, i, r.migrations.map(migrationFile));
    });
    const cleanUp = (): void => rmSync(dir!, { recursive: true, force: true });
    return Promise.all(lints).then(
      (found) => {
        cleanUp();
        const violations = found.flat();
        return { version, runs, ok: violations.length === 0, ms: elapsed(started), violations };
      },
      (error: unknown) => {
        cleanUp();
        return failed(error);
      },
    );
  } catch (error) {
    if (dir) rmSync(dir, { recursive: true, force: true });
    return Promise.resolve(failed(error));
  }
}

function migrationFile(name: string): string {
  return `prisma/migrations/${name}/migration.sql`;
}

/** Starts squawk now (spawn is synchronous) with its stdout on a file; resolves with the violations it reported. */
function lint(binary: string, dir: string, index: number, files: string[]): Promise<SquawkViolation[]> {
  const outPath = join(dir, `squawk-${index}.json`);
  const out = openSync(outPath, 'w');
  let child;
  try {
    child = spawn(binary, ['--config', `squawk-${index}.toml`, '--reporter', 'json', ...files], { cwd: dir, stdio: ['ignore', out, 'pipe'] });
  } finally {
    closeSync(out);
  }
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new Error(`squawk failed: ${error.message}`)));
    child.on('close', (code) => {
      // squawk exits non-zero when it finds something; the JSON it wrote is the answer either way.
      const output = readFileSync(outPath, 'utf8');
      if (!output.trim().startsWith('[') && (code !== 0 || output.trim() !== '')) return reject(new Error(`squawk failed (exit ${code}): ${stderr.trim() || output.trim()}`));
      resolve((JSON.parse(output || '[]') as RawViolation[]).map((v) => ({
        file: v.file,
        line: v.line,
        column: v.column,
        level: v.level,
        rule: v.rule_name,
        message: v.message,
        help: v.help ?? null,
      })));
    });
  });
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
