/**
 * Builds the Fastify instance: zod-typed routes, problem+json errors, OpenAPI at /docs, API keys and a rate
 * limit on /v1, the job store and the bounded pool, and the web page at /. The pipeline is passed in, so tests can stand in for it.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { PipelineInput } from '../graph/state.ts';
import { bearerAuth, clientKey } from './auth.ts';
import type { ServerConfig } from './config.ts';
import { JobManager, type Pipeline } from './jobs/manager.ts';
import { MemoryJobStore } from './jobs/memory-store.ts';
import { PostgresJobStore } from './jobs/postgres-store.ts';
import type { JobStore } from './jobs/store.ts';
import { WorkPool } from './pool.ts';
import { HttpProblem, problem, sendProblem, toProblem } from './problem.ts';
import { archiveRoutes } from './routes/archive.ts';
import { generationRoutes } from './routes/generations.ts';
import { healthRoutes } from './routes/health.ts';
import { webRoutes } from './routes/web.ts';

export interface AppOptions {
  config: ServerConfig;
  pipeline: Pipeline;
  checkInput?: (input: PipelineInput) => void;
  /** An LLM endpoint is configured, so `llm: "on"` can be honoured. */
  llmAvailable?: boolean;
  /** Defaults to PostgreSQL when config.storeUrl is set, else memory. */
  store?: JobStore;
  /** pino options, or false for none (tests). */
  logger?: boolean | { level: string };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel, redact: ['req.headers.authorization'] },
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // A client gets this long to send its request; slow senders must not hold sockets forever.
    requestTimeout: 30_000,
    // New work is refused by the job manager with a problem document; reads keep working while jobs finish.
    return503OnClosing: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => {
    const { body, headers } = toProblem(error, request);
    // Answers given on purpose (busy, timeout, shutting down) are not failures of the service.
    if (error instanceof HttpProblem) request.log.info({ problem: body.type, status: body.status }, body.detail);
    else if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, body, headers);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(reply, problem(404, 'not-found', `There is no ${request.method} ${request.url.split('?')[0]}.`)));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'schemawright', version: '0.1.0', description: 'PRD in, proven multi-tenant PostgreSQL + Prisma project out. Errors are application/problem+json.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      ...(config.apiKeys.length ? { security: [{ bearer: [] }] } : {}),
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const store = options.store ?? (config.storeUrl ? new PostgresJobStore(config.storeUrl) : new MemoryJobStore());
  await store.init();
  const pool = new WorkPool({ concurrency: config.concurrency, queueLimit: config.queueLimit });
  const manager = new JobManager({
    store, pool, pipeline: options.pipeline, validationUrl: config.validationUrl,
    jobTimeoutMs: config.jobTimeoutMs, jobTtlMs: config.jobTtlMs, logger: app.log,
  });

  await app.register(healthRoutes, { manager, store, pool });
  await app.register(async (v1) => {
    const authEnabled = config.apiKeys.length > 0;
    v1.addHook('onRequest', bearerAuth(config.apiKeys));
    // After authentication and body parsing, before validation: invalid requests count too.
    await v1.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      hook: 'preValidation',
      keyGenerator: (request) => clientKey(request, authEnabled),
    });
    await v1.register(generationRoutes, { manager, checkInput: options.checkInput, requestTimeoutMs: config.requestTimeoutMs, llmAvailable: options.llmAvailable ?? false });
    await v1.register(archiveRoutes, { manager });
  });
  await app.register(webRoutes);

  app.addHook('onReady', () => manager.start());
  app.addHook('preClose', () => manager.shutdown(config.shutdownGraceMs));
  app.addHook('onClose', () => store.close());
  return app;
}
