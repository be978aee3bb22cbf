/** Liveness (the process answers) and readiness (the store answers and the server is not shutting down). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../problem.ts';
import type { JobManager } from '../jobs/manager.ts';
import type { JobStore } from '../jobs/store.ts';
import type { WorkPool } from '../pool.ts';
import { ProblemResponses } from '../schemas.ts';

export interface HealthRoutesOptions {
  manager: JobManager;
  store: JobStore;
  pool: WorkPool;
}

const Pool = z.object({ running: z.number().int(), queued: z.number().int(), concurrency: z.number().int(), queueLimit: z.number().int() });

export async function healthRoutes(app: FastifyInstance, { manager, store, pool }: HealthRoutesOptions): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/healthz', {
    schema: { summary: 'Liveness', tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }));

  api.get('/readyz', {
    schema: {
      summary: 'Readiness: the job store answers and the server takes work',
      tags: ['health'],
      response: { 200: z.object({ status: z.literal('ready'), store: z.enum(['memory', 'postgres']), pool: Pool }), 503: ProblemResponses[503] },
    },
  }, async () => {
    if (manager.shuttingDown) throw new HttpProblem(503, 'shutting-down', 'The server is shutting down.', { headers: { 'retry-after': '5' } });
    try {
      await store.ping();
    } catch {
      throw new HttpProblem(503, 'store-unavailable', 'The job store (PostgreSQL) does not answer.', { headers: { 'retry-after': '5' } });
    }
    return { status: 'ready' as const, store: store.durable ? ('postgres' as const) : ('memory' as const), pool: pool.stats };
  });
}
