/**
 * schemawright CLI.
 *   schemawright generate <prd.md|model.json> --out <dir> [--db <url>] [--rounds <n>] [--llm off|auto|on]
 *                         [--existing <models.py|schema.prisma>] [--from <project dir>]
 * Exit codes: 0 valid, 1 validation still fails (see report.json), 2 bad input or usage.
 */
import { parseArgs } from 'node:util';
import { InputError } from '../errors.ts';
import type { NodeEvent } from '../nodes/node-context.ts';
import { isLlmMode, LlmConfigError, resolveLlm, type LlmConfig } from '../tools/extract/llm/config.ts';
import { loadInput } from './load-input.ts';
import { loadExisting, loadPreviousProject, withoutExistingMigrations } from './load-project.ts';
import { writeArtifacts } from './write-artifacts.ts';

const USAGE = `Usage: schemawright generate <prd.md|model.json> --out <dir> [options]

Options:
  --out <dir>       where to write the Prisma project (required)
  --db <url>        validate on this PostgreSQL server (default: DATABASE_URL, else embedded PGlite)
  --rounds <n>      validation rounds before giving up (default 3)
  --llm <mode>      LLM-assisted extraction: off, auto (when OPENAI_API_KEY or OPENAI_BASE_URL is set;
                    the default) or on (required); model from SCHEMAWRIGHT_MODEL (default gpt-4o-mini)
  --existing <file> existing models to extend: a SQLAlchemy models file (.py) or a schema.prisma
  --from <dir>      evolve the Prisma project in <dir> (prisma/schema.prisma, prisma/migrations): only the
                    next migration is added; existing migrations are never rewritten
  --quiet           no progress output
  -h, --help        this help`;

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' }, db: { type: 'string' }, rounds: { type: 'string' }, llm: { type: 'string', default: 'auto' },
        existing: { type: 'string' }, from: { type: 'string' },
        quiet: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = args;
  if (values.help) return void console.log(USAGE), 0;
  const [command, inputPath, ...extra] = positionals;
  if (command !== 'generate') return usageError(command ? `unknown command "${command}"` : 'missing command');
  if (!inputPath) return usageError('missing input file (a PRD in markdown or a JSON model)');
  if (extra.length) return usageError(`unexpected arguments: ${extra.join(' ')}`);
  if (!values.out) return usageError('missing --out <dir>');
  const rounds = values.rounds === undefined ? 3 : Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 10) return usageError('--rounds must be a whole number from 1 to 10');
  const databaseUrl = values.db ?? process.env.DATABASE_URL ?? undefined;
  if (!isLlmMode(values.llm)) return usageError(`--llm must be off, auto or on (got "${values.llm}")`);
  let llm: LlmConfig | undefined;
  try {
    llm = resolveLlm(values.llm);
  } catch (error) {
    if (error instanceof LlmConfigError) return usageError(error.message);
    throw error;
  }

  try {
    const input = await loadInput(inputPath);
    const existing = values.existing === undefined ? undefined : await loadExisting(values.existing);
    const previous = values.from === undefined ? undefined : await loadPreviousProject(values.from);
    // Loaded after the arguments are checked: the pipeline pulls in Prisma's engines, PGlite and LangGraph.
    const { runPipeline } = await import('../graph/run.ts');
    const progress = values.quiet ? undefined : printProgress;
    const extraction = llm && input.kind === 'prd' ? `, extracting with ${llm.model}${llm.baseURL ? ` at ${new URL(llm.baseURL).host}` : ''}` : '';
    if (progress) console.error(`schemawright: ${inputPath} → ${values.out} (validating on ${databaseUrl ? 'PostgreSQL server' : 'embedded PGlite'}${extraction})`);
    const result = await runPipeline(input, { maxRounds: rounds, databaseUrl, onEvent: progress, ...(llm ? { llm } : {}), existing, previous });
    const written = await writeArtifacts(values.out, previous ? await withoutExistingMigrations(values.out, result.artifacts, previous) : result.artifacts);
    const report = result.report;
    console.error(`${result.valid ? '✔' : '✖'} ${report.summary}`);
    console.error(`  ${report.counts.tables} tables (${report.counts.tenantTables} under RLS), ${report.counts.foreignKeys} foreign keys, ${report.counts.indexes} indexes; ${written.length} files in ${values.out}`);
    if (report.llm) {
      const { totals, fallbacks, changes } = report.llm;
      console.error(`  LLM: ${totals.calls} call(s), ${totals.promptTokens} + ${totals.completionTokens} tokens, ${changes.length} change(s) applied${fallbacks.length ? `; not used in ${fallbacks.length} round(s): ${fallbacks[0]!.reason}` : ''}`);
    }
    for (const f of report.findings.filter((f) => f.level !== 'info').slice(0, 20))
      console.error(`  ${f.level === 'error' ? 'error  ' : 'warning'} [${f.ruleId}] ${f.target}: ${f.message}`);
    return result.valid ? 0 : 1;
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`schemawright: ${error.message}`);
      return 2;
    }
    console.error(`schemawright: internal error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.SCHEMAWRIGHT_DEBUG) console.error(error);
    return 1;
  }
}

function printProgress(event: NodeEvent): void {
  const round = event.round > 0 ? ` (round ${event.round + 1})` : '';
  if (event.type === 'node-started') process.stderr.write(`  ${event.node.padEnd(13)}…${round}\r`);
  else console.error(`  ${event.node.padEnd(13)} ${String(event.ms).padStart(6)} ms  ${event.summary}${round}`);
}

function usageError(message: string): number {
  console.error(`schemawright: ${message}\n\n${USAGE}`);
  return 2;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/cli/main.ts')) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`schemawright: internal error: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
