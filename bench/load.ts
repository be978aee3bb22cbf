/**
 * Load run for the HTTP service, loopback only, bounded in time and in request count, and it stops by itself.
 *
 * A validated generation takes seconds and holds a PGlite instance, so "20 concurrent clients" is a mix: a few
 * clients (by default as many as the pool has slots) post real generations back to back, the rest hit cheap
 * endpoints (/healthz, /readyz, a 400 path, a 404 path) as fast as they are answered. Each kind is reported
 * apart, so the figures say what was measured. 429 and 503 are counted as refusals, not errors: the server is
 * meant to answer them under overload (`overloadClients` adds generation clients beyond the pool to show it).
 *
 *   tsx bench/load.ts [--url http://127.0.0.1:8080] [--clients 20] [--duration 30] [--generation-clients 2]
 *                     [--overload-clients 0] [--json report.json]
 * Without --url it starts its own server (npm start's entry) on a free loopback port and measures its peak RSS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export interface LoadOptions {
  /** A running server to target; must be a loopback address. Default: start one. */
  url?: string;
  clients?: number;
  durationMs?: number;
  /** Clients that post real generations (the rest hit cheap endpoints). Default: the server's pool size, 2. */
  generationClients?: number;
  /** Extra generation clients beyond the pool, to see 503 + Retry-After under overload. */
  overloadClients?: number;
  log?: (line: string) => void;
}

export type RequestKind = 'generation' | 'healthz' | 'readyz' | 'invalid-400' | 'unknown-404';

export interface KindStats {
  requests: number;
  ok: number;
  /** 429 and 503: expected answers to overload. */
  refused: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LoadReport {
  target: string;
  clients: number;
  generationClients: number;
  overloadClients: number;
  durationMs: number;
  /** Wall time including generations still running at the deadline. */
  wallMs: number;
  /** The untimed warm-up generations before the window. */
  warmupMs: number;
  kinds: Partial<Record<RequestKind, KindStats>>;
  all: KindStats;
  /** Unexpected answers and network failures; the run passes when this is 0. */
  errors: number;
  errorSamples: string[];
  statusCounts: Record<string, number>;
  /** The spawned server's peak resident set (VmHWM); null when targeting an external server. */
  peakRssMb: number | null;
  rssBeforeMb: number | null;
  notes: string[];
}

const EXPECTED: Record<RequestKind, number> = { generation: 200, healthz: 200, readyz: 200, 'invalid-400': 400, 'unknown-404': 404 };
const CHEAP: RequestKind[] = ['healthz', 'readyz', 'invalid-400', 'unknown-404'];
/** Bounds the run by count as well as time, whatever the server's speed. */
const MAX_REQUESTS_PER_CLIENT = 50_000;
/** Generations still running at the deadline get this long to finish before they are cut off. */
const DRAIN_MS = 180_000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Sample {
  kind: RequestKind;
  ms: number;
  status: number | 'network';
  detail?: string;
}

export async function runLoad(options: LoadOptions = {}): Promise<LoadReport> {
  const clients = options.clients ?? 20;
  const durationMs = options.durationMs ?? 30_000;
  const generationClients = Math.min(options.generationClients ?? 2, clients);
  const overloadClients = options.overloadClients ?? 0;
  const log = options.log ?? ((line: string) => console.error(line));

  const server = options.url ? undefined : await startServer(log);
  const target = options.url ?? server!.url;
  assertLoopback(target);
  const model = JSON.parse(readFileSync(new URL('../../shared/evals/structured-input.json', import.meta.url), 'utf8')) as unknown;
  const samples: Sample[] = [];
  try {
    const warmupMs = await warmUp(target, model, generationClients, log);
    const rssBefore = server ? rssMb(server.child.pid!, 'VmRSS') : null;
    log(`load: ${clients} clients (${generationClients} generating${overloadClients ? `, +${overloadClients} overload` : ''}) for ${durationMs / 1000} s against ${target}`);
    const started = performance.now();
    const deadline = Date.now() + durationMs;
    const cutoff = AbortSignal.timeout(durationMs + DRAIN_MS);
    const workers = Array.from({ length: clients + overloadClients }, (_, i) =>
      client(i < generationClients || i >= clients ? ['generation'] : rotate(CHEAP, i), target, model, deadline, cutoff, samples),
    );
    await Promise.all(workers);
    const wallMs = Math.round(performance.now() - started);
    const peakRssMb = server ? rssMb(server.child.pid!, 'VmHWM') : null;
    return summarize({ target, clients, generationClients, overloadClients, durationMs, wallMs, warmupMs, samples, peakRssMb, rssBeforeMb: rssBefore });
  } finally {
    await server?.stop();
  }
}

/**
 * One untimed generation per generating client first, so the window measures warm workers (their first run
 * loads the pipeline and boots PGlite). Bounded like everything else.
 */
async function warmUp(target: string, model: unknown, count: number, log: (line: string) => void): Promise<number> {
  if (count === 0) return 0;
  const started = performance.now();
  log(`load: warming up with ${count} generation(s) (not measured)`);
  const signal = AbortSignal.timeout(DRAIN_MS * 2);
  const statuses = await Promise.all(Array.from({ length: count }, () => fetch(`${target}/v1/generations`, { ...requestOf('generation', model), signal }).then(async (r) => (await r.text(), r.status))));
  if (statuses.some((s) => s !== 200)) throw new Error(`warm-up generations answered ${statuses.join(', ')}`);
  return Math.round(performance.now() - started);
}

async function client(kinds: RequestKind[], target: string, model: unknown, deadline: number, cutoff: AbortSignal, samples: Sample[]): Promise<void> {
  for (let i = 0; i < MAX_REQUESTS_PER_CLIENT && Date.now() < deadline && !cutoff.aborted; i++) {
    const kind = kinds[i % kinds.length]!;
    const started = performance.now();
    try {
      const response = await fetch(`${target}${pathOf(kind)}`, { ...requestOf(kind, model), signal: cutoff });
      const text = await response.text();
      const sample: Sample = { kind, ms: performance.now() - started, status: response.status };
      if (response.status !== EXPECTED[kind] && response.status !== 429 && response.status !== 503) sample.detail = `${kind} → ${response.status}: ${text.slice(0, 200)}`;
      if (kind === 'generation' && response.status === 200 && !(JSON.parse(text) as { artifacts?: object }).artifacts) sample.detail = 'generation → 200 without artifacts';
      samples.push(sample);
      // A refused generation client backs off as told instead of hammering the queue.
      if (response.status === 503 || response.status === 429) await sleepUntil(Math.min(deadline, Date.now() + 1000 * Number(response.headers.get('retry-after') ?? 1)));
    } catch (error) {
      samples.push({ kind, ms: performance.now() - started, status: 'network', detail: `${kind} → ${error instanceof Error ? error.message : String(error)}` });
    }
  }
}

function pathOf(kind: RequestKind): string {
  if (kind === 'healthz' || kind === 'readyz') return `/${kind}`;
  if (kind === 'unknown-404') return '/v1/generations/00000000-0000-4000-8000-000000000000';
  return '/v1/generations';
}

function requestOf(kind: RequestKind, model: unknown): RequestInit {
  const headers = { 'content-type': 'application/json' };
  if (kind === 'generation') return { method: 'POST', headers, body: JSON.stringify({ model }) };
  if (kind === 'invalid-400') return { method: 'POST', headers, body: JSON.stringify({ prd: '# App', rounds: 99 }) };
  return { method: 'GET' };
}

function rotate<T>(items: T[], by: number): T[] {
  return items.map((_, i) => items[(i + by) % items.length]!);
}

function summarize(run: { target: string; clients: number; generationClients: number; overloadClients: number; durationMs: number; wallMs: number; warmupMs: number; samples: Sample[]; peakRssMb: number | null; rssBeforeMb: number | null }): LoadReport {
  const kinds: LoadReport['kinds'] = {};
  for (const kind of [...new Set(run.samples.map((s) => s.kind))]) kinds[kind] = stats(run.samples.filter((s) => s.kind === kind));
  const failures = run.samples.filter((s) => s.detail);
  const statusCounts: Record<string, number> = {};
  for (const s of run.samples) statusCounts[String(s.status)] = (statusCounts[String(s.status)] ?? 0) + 1;
  const gen = kinds.generation;
  return {
    target: run.target, clients: run.clients, generationClients: run.generationClients, overloadClients: run.overloadClients,
    durationMs: run.durationMs, wallMs: run.wallMs, warmupMs: run.warmupMs, kinds, all: stats(run.samples),
    errors: failures.length, errorSamples: [...new Set(failures.map((f) => f.detail!))].slice(0, 10), statusCounts,
    peakRssMb: run.peakRssMb, rssBeforeMb: run.rssBeforeMb,
    notes: [
      `Generations are real (structured-input.json, validated on the server's PGlite, on its worker threads); ${gen?.ok ?? 0} completed in the window after an untimed warm-up of ${(run.warmupMs / 1000).toFixed(1)} s. Cheap requests measure the HTTP layer while generations run.`,
      'Latency is from the client: request sent to body read, on loopback; a generation still running at the deadline is waited for.',
      `429/503 answers counted as refusals (expected under overload), not errors: ${run.samples.filter((s) => s.status === 429 || s.status === 503).length}.`,
    ],
  };
}

function stats(samples: Sample[]): KindStats {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => (ms.length ? Math.round(ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]! * 10) / 10 : 0);
  return {
    requests: samples.length,
    ok: samples.filter((s) => !s.detail && s.status !== 429 && s.status !== 503).length,
    refused: samples.filter((s) => s.status === 429 || s.status === 503).length,
    errors: samples.filter((s) => s.detail).length,
    p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1),
  };
}

export function formatReport(report: LoadReport): string {
  const lines = [
    `target ${report.target}: ${report.clients} clients (${report.generationClients} generating${report.overloadClients ? `, +${report.overloadClients} overload` : ''}) for ${report.durationMs / 1000} s (wall ${(report.wallMs / 1000).toFixed(1)} s)`,
    `${'kind'.padEnd(12)} ${'requests'.padStart(9)} ${'ok'.padStart(8)} ${'refused'.padStart(8)} ${'errors'.padStart(7)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'max ms'.padStart(9)}`,
  ];
  const row = (name: string, s: KindStats) =>
    `${name.padEnd(12)} ${String(s.requests).padStart(9)} ${String(s.ok).padStart(8)} ${String(s.refused).padStart(8)} ${String(s.errors).padStart(7)} ${String(s.p50Ms).padStart(9)} ${String(s.p99Ms).padStart(9)} ${String(s.maxMs).padStart(9)}`;
  for (const [kind, s] of Object.entries(report.kinds)) lines.push(row(kind, s));
  lines.push(row('all', report.all));
  lines.push(`statuses ${JSON.stringify(report.statusCounts)}`);
  lines.push(report.peakRssMb === null ? 'peak RSS: not measured (external server)' : `server RSS: ${report.rssBeforeMb} MB before, ${report.peakRssMb} MB peak (VmHWM)`);
  for (const note of report.notes) lines.push(`note: ${note}`);
  for (const sample of report.errorSamples) lines.push(`error: ${sample}`);
  lines.push(report.errors === 0 ? 'result: no errors' : `result: ${report.errors} errors`);
  return lines.join('\n');
}

interface SpawnedServer {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** npm start's entry in a child process, so its RSS is its own; a rate limit high enough not to be the subject. */
async function startServer(log: (line: string) => void): Promise<SpawnedServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', SCHEMAWRIGHT_RATE_LIMIT: '1000000', SCHEMAWRIGHT_STORE_URL: '', DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, sleepUntil(Date.now() + 30_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  const until = Date.now() + 120_000;
  while (Date.now() < until && child.exitCode === null) {
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) {
      log(`load: server pid ${child.pid} up on ${url}`);
      return { url, child, stop };
    }
    await sleepUntil(Date.now() + 250);
  }
  await stop();
  throw new Error('the server did not come up within 120 s');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!(host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host))) throw new Error(`load runs only against loopback addresses, not ${host}`);
}

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

function sleepUntil(time: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())));
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' }, clients: { type: 'string' }, duration: { type: 'string' },
      'generation-clients': { type: 'string' }, 'overload-clients': { type: 'string' }, json: { type: 'string' },
    },
  });
  const number = (raw: string | undefined): number | undefined => (raw === undefined ? undefined : Number(raw));
  const report = await runLoad({
    url: values.url,
    clients: number(values.clients),
    durationMs: values.duration === undefined ? undefined : Number(values.duration) * 1000,
    generationClients: number(values['generation-clients']),
    overloadClients: number(values['overload-clients']),
  });
  console.log(formatReport(report));
  if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2) + '\n');
  return report.errors === 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`load: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
