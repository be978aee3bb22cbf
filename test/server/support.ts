/** Helpers for the HTTP suites: a server on 127.0.0.1:0, a scripted stand-in pipeline, and an SSE reader. */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app.ts';
import type { ServerConfig } from '../../src/server/config.ts';
import type { Pipeline } from '../../src/server/jobs/manager.ts';
import type { PipelineResult } from '../../src/graph/run.ts';
import type { NodeName } from '../../src/model/index.ts';

export const structuredInput: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../../../shared/evals/structured-input.json', import.meta.url), 'utf8'),
);

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    host: '127.0.0.1', port: 0, apiKeys: [], concurrency: 2, queueLimit: 4, bodyLimitBytes: 2 * 1024 * 1024,
    rateLimitPerMinute: 10_000, requestTimeoutMs: 300_000, jobTimeoutMs: 300_000, shutdownGraceMs: 0,
    jobTtlMs: 3_600_000, logLevel: 'silent', ...overrides,
  };
}

export interface TestServer {
  app: FastifyInstance;
  url: string;
  close: () => Promise<void>;
}

export async function startServer(options: Omit<AppOptions, 'config' | 'logger'> & { config?: Partial<ServerConfig> }): Promise<TestServer> {
  const app = await buildApp({ ...options, config: testConfig(options.config), logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

const NODES: NodeName[] = ['extract', 'relationships', 'indexes', 'tenancy', 'migration', 'validate'];

/**
 * A pipeline that walks the six nodes and records one clean round, without PGlite: the limit and protocol
 * tests need control over timing, not a real schema. `gate` holds every run until it resolves.
 */
export function fakePipeline(options: { gate?: Promise<void>; fail?: Error } = {}): Pipeline & { calls: number; lastOptions?: Parameters<Pipeline>[1] } {
  const run = async (...[, opts]: Parameters<Pipeline>): Promise<PipelineResult> => {
    run.calls++;
    run.lastOptions = opts;
    // Like LangGraph, a stopped run rejects at once even while its current step is still busy.
    const stopped = new Promise<never>((_, reject) => opts.signal?.addEventListener('abort', () => reject(opts.signal?.reason), { once: true }));
    stopped.catch(() => {});
    await Promise.race([options.gate, stopped]);
    if (options.fail) throw options.fail;
    for (const node of NODES) {
      opts.onEvent?.({ type: 'node-started', node, round: 0 });
      await new Promise((resolve) => setTimeout(resolve, 5));
      opts.signal?.throwIfAborted();
      opts.onEvent?.({ type: 'node-finished', node, round: 0, ms: 5, summary: `${node} done` });
    }
    const rounds = [{ round: 0, routedTo: null, findings: [] }];
    opts.onState?.({ rounds } as never);
    return {
      valid: true,
      artifacts: { 'prisma/schema.prisma': '// fake\n', 'report.json': '{}\n' },
      model: { name: 'fake' } as PipelineResult['model'],
      report: { valid: true, summary: 'fake run' } as PipelineResult['report'],
    };
  };
  run.calls = 0;
  run.lastOptions = undefined as Parameters<Pipeline>[1] | undefined;
  return run;
}

export interface SseEvent {
  id: number;
  event: string;
  data: Record<string, unknown>;
}

/** Reads an event stream to its end (the server ends it after the terminal status) or until `stopWhen`. */
export async function readEvents(url: string, options: { headers?: Record<string, string>; stopWhen?: (e: SseEvent) => boolean; timeoutMs?: number } = {}): Promise<SseEvent[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 280_000);
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...options.headers }, signal: controller.signal });
  if (response.status !== 200 || !response.body) throw new Error(`events: HTTP ${response.status} ${await response.text()}`);
  const events: SseEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const fields = Object.fromEntries(block.split('\n').filter((l) => l && !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
        if (!fields.event) continue;
        const event = { id: Number(fields.id), event: fields.event, data: JSON.parse(fields.data ?? '{}') };
        events.push(event);
        if (options.stopWhen?.(event)) {
          controller.abort();
          return events;
        }
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
  }
  return events;
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}
