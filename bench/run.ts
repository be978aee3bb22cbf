/**
 * npm run bench: cost of every stage for synthetic inputs of 10, 50, 200 and 500 entities, on PGlite and (when
 * BENCH_DATABASE_URL or DATABASE_URL is set) PostgreSQL; the ratio of validated time to the floor (applying the
 * same migration SQL alone on the same engine), the growth exponent from 50 to 500 entities, and peak RSS.
 * All ratios come from this one run. Each engine runs in a child process, so each reports its own memory.
 * `--load` adds the HTTP load run (bench/load.ts).
 *   npm run bench -- [--sizes 10,50,200,500] [--repeat 3] [--json bench/results/latest.json] [--load] [--no-server]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureEngine, type Engine, type EngineResult } from './measure.ts';
import { formatEngine, LEGEND, summarize } from './report.ts';

const RESULT_PREFIX = 'BENCH-RESULT ';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10,50,200,500' },
      repeat: { type: 'string', default: '3' },
      json: { type: 'string', default: 'bench/results/latest.json' },
      load: { type: 'boolean', default: false },
      'no-server': { type: 'boolean', default: false },
      engine: { type: 'string' },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const repeat = Math.max(1, Number(values.repeat));
  const server = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;

  if (values.engine) {
    const engine = values.engine as Engine;
    const result = await measureEngine(engine, engine === 'postgres' ? server : undefined, sizes, repeat, (l) => console.error(l));
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
    process.exit(0);
  }

  const engines: Engine[] = ['pglite', ...(server && !values['no-server'] ? (['postgres'] as const) : [])];
  const results: EngineResult[] = [];
  for (const engine of engines) results.push(await inChild(engine, values.sizes, repeat));
  console.log(results.map(formatEngine).join('\n\n'));
  console.log(`\n${LEGEND}`);
  let load: unknown = null;
  if (values.load) {
    const { runLoad, formatReport } = await import('./load.ts');
    const report = await runLoad({ log: (l) => console.error(l) });
    console.log(`\n${formatReport(report)}`);
    load = report;
  }
  mkdirSync(dirname(values.json), { recursive: true });
  writeFileSync(values.json, JSON.stringify({ sizes, repeat, engines: results.map((r) => ({ ...r, summary: summarize(r) })), load }, null, 2));
  console.error(`wrote ${values.json}`);
  process.exit(0);
}

/** Runs this file for one engine in a fresh process (same Node flags, so the TypeScript loader comes along). */
function inChild(engine: Engine, sizes: string, repeat: number): Promise<EngineResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--engine', engine, '--sizes', sizes, '--repeat', String(repeat)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line) resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as EngineResult);
      else reject(new Error(`the ${engine} bench exited with ${code}`));
    });
  });
}

await main();
