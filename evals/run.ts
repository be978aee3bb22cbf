/**
 * The eval runner: generates a schema for every input that has a gold file, applies it to a fresh database,
 * scores it against the gold (evals/score) and probes tenant isolation. See evals/README.md.
 *
 *   npm run eval -- [dir...] [--db <url>] [--llm off|auto|on] [--json <out.json>] [--only <name>]...
 *                   [--no-peer] [--min <metric>=<value>]...
 *
 * Tables and misses go to stdout, progress to stderr. Exit 0 normally, 1 when a --min gate fails, 2 on bad
 * usage or a malformed gold file.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadInput } from '../src/cli/load-input.ts';
import { runPipeline, type PipelineResult } from '../src/graph/run.ts';
import { migrationsOf, SEED_SQL_PATH } from '../src/tools/artifacts/build-artifacts.ts';
import { isLlmMode, LLM_MODES, LlmConfigError, resolveLlm, type LlmConfig, type LlmMode } from '../src/tools/extract/llm/config.ts';
import type { Database } from '../src/tools/database/database.ts';
import { withThrowawayDatabase } from '../src/tools/database/open.ts';
import { keepServerDatabasesWarm, settleServerDatabases } from '../src/tools/database/postgres.ts';
import { quoteCatalogIdent, readCatalog } from '../src/tools/database/read-catalog.ts';
import { probeIsolation } from '../src/tools/validate/isolation.ts';
import { isMultiTenant, parseGold, type Gold } from './score/gold.ts';
import { scoreIsolation } from './score/isolation.ts';
import { metric } from './score/metric.ts';
import { referenceColumnsToRead, type ReferenceValues } from './score/reference-data.ts';
import { settingsInPolicies } from './score/rls.ts';
import { failedScores, scoreSchema } from './score/score.ts';
import {
  aggregate,
  failedGates,
  GATE_METRICS,
  OUR_COLUMNS,
  PEER_COLUMNS,
  renderMisses,
  renderSet,
  type CaseResult,
  type Gate,
} from './score/summary.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DIRS = [resolve(REPO, '../shared/evals'), resolve(REPO, 'evals/prds'), resolve(REPO, 'evals/heldout')];
const PEER_DIR = resolve(REPO, '../shared/evals-peer/liam');
const DEFAULT_JSON = resolve(REPO, 'evals/reports/latest.json');

const USAGE = `Usage: npm run eval -- [dir...] [options]

Scores the pipeline on every <name>.gold.json of each directory (default: ../shared/evals, evals/prds and evals/heldout),
plus the peer benchmark ../shared/evals-peer/liam as a separate section.

Options:
  --db <url>              apply and probe on this PostgreSQL server (default: DATABASE_URL, else PGlite)
  --llm off|auto|on       LLM-assisted extraction (default off: deterministic, reproducible); auto/on read
                          OPENAI_API_KEY / OPENAI_BASE_URL / SCHEMAWRIGHT_MODEL
  --json <file>           JSON report (default evals/reports/latest.json)
  --only <name>           only inputs whose name contains <name> (repeatable)
  --no-peer               skip the peer benchmark
  --min <metric>=<value>  exit 1 when our inputs' macro mean of <metric> is below <value> (repeatable)
  -h, --help              this help`;

interface EvalCase {
  name: string;
  inputPath: string;
  gold: Gold;
}

interface EvalSet {
  name: string;
  dir: string;
  peer: boolean;
  cases: EvalCase[];
}

interface Options {
  databaseUrl: string | undefined;
  llm: LlmMode;
  json: string;
  only: string[];
  gates: Gate[];
  sets: EvalSet[];
}

class UsageError extends Error {}
/** Gold files that don't parse, or whose input is missing: nothing runs until they are fixed. */
class CorpusError extends Error {}

async function main(argv: string[]): Promise<number> {
  let options: Options | null;
  try {
    options = await parseOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\n\n${USAGE}`);
    if (error instanceof CorpusError) return fail(error.message);
    throw error;
  }
  if (options === null) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let llm: LlmConfig | undefined;
  try {
    llm = resolveLlm(options.llm);
  } catch (error) {
    if (error instanceof LlmConfigError) return fail(error.message);
    throw error;
  }

  const all = options.sets.flatMap((s) => s.cases);
  if (all.length === 0) return fail('No inputs to score (check the directories and --only).');
  const results = new Map<EvalSet, CaseResult[]>();
  let done = 0;
  // Many runs in one process: throwaway server databases are created ahead and dropped off the runs' path.
  if (options.databaseUrl) keepServerDatabasesWarm(options.databaseUrl);
  for (const set of options.sets) {
    const list: CaseResult[] = [];
    for (const c of set.cases) {
      done += 1;
      process.stderr.write(`[${done}/${all.length}] ${set.name}/${c.name}: `);
      const result = await runCase(c, options.databaseUrl, llm);
      process.stderr.write(` ${result.migrationApplies ? 'ok' : 'FAILED'} ${seconds(result.ms)} (pipeline ${seconds(result.pipelineMs)})\n`);
      list.push(result);
    }
    results.set(set, list);
  }
  await settleServerDatabases();

  const out: string[] = [];
  for (const [set, cases] of results) {
    const columns = set.peer ? PEER_COLUMNS : OUR_COLUMNS;
    out.push(renderSet(set.peer ? `${set.name} (peer benchmark, single-tenant)` : set.name, cases, columns), '');
  }
  for (const [set, cases] of results) {
    const misses = renderMisses(cases, set.peer ? PEER_COLUMNS : OUR_COLUMNS);
    if (misses) out.push(`== Misses: ${set.name} ==`, misses, '');
  }
  const ours = [...results].filter(([set]) => !set.peer).flatMap(([, cases]) => cases);
  const failed = failedGates(ours, options.gates);
  if (options.gates.length > 0) out.push(failed.length === 0 ? `Gates passed (${options.gates.length}).` : `Gates FAILED:\n  ${failed.join('\n  ')}`);
  process.stdout.write(out.join('\n') + '\n');

  await writeReport(options, results, failed, llm);
  process.stderr.write(`JSON report: ${relative(process.cwd(), options.json) || options.json}\n`);
  return failed.length > 0 ? 1 : 0;
}

async function runCase(c: EvalCase, databaseUrl: string | undefined, llm: LlmConfig | undefined): Promise<CaseResult> {
  const started = performance.now();
  const base = { name: c.name, input: relative(REPO, c.inputPath), multiTenant: isMultiTenant(c.gold) };
  let pipelineMs = 0;
  const finish = (rest: Omit<CaseResult, 'name' | 'input' | 'multiTenant' | 'ms' | 'pipelineMs'>): CaseResult => ({
    ...base,
    ms: Math.round(performance.now() - started),
    pipelineMs,
    ...rest,
  });

  let result: PipelineResult;
  try {
    const input = await loadInput(c.inputPath);
    result = await runPipeline(input, {
      ...(databaseUrl ? { databaseUrl } : {}),
      llm: llm ?? 'off',
      onEvent: (event) => {
        if (event.type === 'node-started') process.stderr.write(`${event.round > 0 ? `${event.node}#${event.round}` : event.node} `);
      },
    });
  } catch (error) {
    pipelineMs = Math.round(performance.now() - started);
    const reason = `pipeline error: ${message(error)}`;
    return finish({
      pipeline: { valid: false, prismaValid: null, noDrift: null, error: message(error) },
      migrationApplies: false,
      applyError: reason,
      scores: failedScores(c.gold, reason),
      isolation: null,
    });
  }

  pipelineMs = Math.round(performance.now() - started);
  const { report } = result;
  const pipeline = {
    valid: result.valid,
    prismaValid: report.validation?.prisma.ok ?? null,
    noDrift: report.validation ? report.validation.drift.ok : null,
  };
  process.stderr.write('| apply ');
  try {
    const outcome = await withThrowawayDatabase({ url: databaseUrl }, (db) => evaluateOnDatabase(db, c.gold, result));
    const prismaProblem = pipeline.prismaValid === false ? 'Prisma rejects the generated schema (see report.json findings)' : undefined;
    const applyError = outcome.applyError ?? prismaProblem;
    return finish({ pipeline, ...outcome, migrationApplies: applyError === undefined, ...(applyError ? { applyError } : {}) });
  } catch (error) {
    // The harness itself failed (database, catalog): the input is reported failed rather than ending the run.
    const reason = `eval harness error: ${message(error)}`;
    return finish({ pipeline, migrationApplies: false, applyError: reason, scores: failedScores(c.gold, reason), isolation: null });
  }
}

type DatabaseOutcome = Pick<CaseResult, 'scores' | 'isolation'> & { applyError?: string };

/** Applies the generated migration and seed to `db`, then scores the catalog and probes isolation on it. */
async function evaluateOnDatabase(db: Database, gold: Gold, result: PipelineResult): Promise<DatabaseOutcome> {
  const applyError = await applyMigrationAndSeed(db, migrationsOf(result.artifacts), result.artifacts[SEED_SQL_PATH] ?? '');
  if (applyError !== null) return { applyError, scores: failedScores(gold, applyError), isolation: null };

  const catalog = await readCatalog(db);
  const referenceValues = await readReferenceValues(db, referenceColumnsToRead(catalog, gold));
  const { column, setting, rootTable, appRole } = result.report.tenancy;
  const scores = scoreSchema(catalog, gold, { referenceValues, rootTable, ...(setting ? { setting } : {}) });
  process.stderr.write('score probe');
  // The generator's report names the setting; the README's fallback is the one the policies read, then
  // DESIGN §5's default.
  const probeSetting = setting || settingsInPolicies(catalog)[0] || 'app.current_org_id';
  try {
    const report = await probeIsolation(db, { tenantColumn: column, setting: probeSetting, rootTable, appRole });
    return { scores, isolation: scoreIsolation(report) };
  } catch (error) {
    const miss = `the isolation probe crashed: ${message(error)}`;
    return { scores, isolation: { isolation: metric(0, 1, [miss]), notProbed: [], crossTenantReference: metric(0, 0) } };
  }
}

/** Returns the error text, or null when every migration and the seed ran. */
async function applyMigrationAndSeed(db: Database, migrations: Array<{ name: string; sql: string }>, seed: string): Promise<string | null> {
  if (migrations.length === 0) return 'no prisma/migrations/*/migration.sql in the artifacts';
  for (const m of migrations) {
    try {
      await db.exec(m.sql);
    } catch (error) {
      return `migration ${m.name} does not apply: ${message(error)}`;
    }
  }
  try {
    await db.exec(seed);
  } catch (error) {
    return `seed.sql fails: ${message(error)}`;
  }
  return null;
}

async function readReferenceValues(db: Database, columns: Array<{ table: string; column: string }>): Promise<ReferenceValues> {
  const values: ReferenceValues = {};
  for (const { table, column } of columns) {
    const rows = await db.query<{ v: string | null }>(`SELECT DISTINCT ${quoteCatalogIdent(column)}::text AS v FROM ${quoteCatalogIdent(table)}`);
    (values[table] ??= {})[column] = rows.flatMap((r) => (r.v === null ? [] : [r.v]));
  }
  return values;
}

/** The options, or null when help was asked for. */
async function parseOptions(argv: string[]): Promise<Options | null> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        llm: { type: 'string', default: 'off' },
        json: { type: 'string' },
        only: { type: 'string', multiple: true, default: [] },
        'no-peer': { type: 'boolean', default: false },
        min: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(message(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  const llm = values.llm;
  if (!isLlmMode(llm)) throw new UsageError(`--llm must be ${LLM_MODES.join(', ')} (got "${llm}")`);
  const gates = values.min.map(parseGate);

  const explicit = positionals.map((p) => resolve(p));
  for (const dir of explicit) if (!existsSync(dir)) throw new UsageError(`no such directory: ${dir}`);
  // Default folders that don't exist yet (evals/prds) are skipped; named ones must exist.
  const dirs = explicit.length > 0 ? explicit : DEFAULT_DIRS.filter((d) => existsSync(d));
  if (!values['no-peer'] && existsSync(PEER_DIR) && !dirs.includes(PEER_DIR)) dirs.push(PEER_DIR);

  const sets: EvalSet[] = [];
  for (const dir of dirs) {
    const cases = (await discover(dir)).filter((c) => values.only.length === 0 || values.only.some((o) => c.name.includes(o)));
    const peer = dir === PEER_DIR || (cases.length > 0 && cases.every((c) => !isMultiTenant(c.gold)));
    if (cases.length > 0) sets.push({ name: setName(dir), dir, peer, cases });
  }
  return {
    databaseUrl: values.db ?? (process.env.DATABASE_URL || undefined),
    llm,
    json: values.json ? resolve(values.json) : DEFAULT_JSON,
    only: values.only,
    gates,
    sets,
  };
}

function parseGate(text: string): Gate {
  const m = /^([A-Za-z][A-Za-z0-9]*)=(\d+(?:\.\d+)?)(%?)$/.exec(text);
  if (!m) throw new UsageError(`--min wants <metric>=<value>, e.g. entityRecall=0.9 or entityRecall=90% (got "${text}")`);
  const [, name = '', value = '0', pct] = m;
  if (!GATE_METRICS.includes(name)) throw new UsageError(`unknown metric "${name}"; one of: ${GATE_METRICS.join(', ')}`);
  const min = pct ? Number(value) / 100 : Number(value);
  if (min > 1) throw new UsageError(`--min ${name}: ${value} is above 1 (write 0.9 or 90%)`);
  return { metric: name, min };
}

/** Every <stem>.gold.json with its input: the file the gold's `prd` names, else <stem>.md or <stem>.json. */
async function discover(dir: string): Promise<EvalCase[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.gold.json')).sort();
  const problems: string[] = [];
  const cases: EvalCase[] = [];
  for (const file of files) {
    const path = join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      problems.push(`Invalid gold file ${path}: not JSON (${message(error)})`);
      continue;
    }
    let gold: Gold;
    try {
      gold = parseGold(json, path);
    } catch (error) {
      problems.push(message(error));
      continue;
    }
    const stem = basename(file, '.gold.json');
    const inputPath = [join(dir, gold.prd), join(dir, `${stem}.md`), join(dir, `${stem}.json`)].find((p) => existsSync(p));
    if (!inputPath) problems.push(`${path}: its input ${gold.prd} is not in ${dir}`);
    else cases.push({ name: stem, inputPath, gold });
  }
  if (problems.length > 0) throw new CorpusError(problems.join('\n'));
  return cases;
}

function setName(dir: string): string {
  return relative(REPO, dir) || '.';
}

async function writeReport(options: Options, results: Map<EvalSet, CaseResult[]>, failed: string[], llm: LlmConfig | undefined): Promise<void> {
  const report = {
    generatedAt: new Date().toISOString(),
    engine: options.databaseUrl ? 'postgres' : 'pglite',
    llm: { mode: options.llm, model: llm?.model ?? null },
    only: options.only,
    gates: { requested: options.gates, failed },
    sets: [...results].map(([set, cases]) => ({
      name: set.name,
      peer: set.peer,
      aggregate: aggregate(cases),
      cases,
    })),
  };
  await mkdir(dirname(options.json), { recursive: true });
  await writeFile(options.json, JSON.stringify(report, null, 2) + '\n');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fail(text: string): number {
  process.stderr.write(`${text}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
