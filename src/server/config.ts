/**
 * The service's settings, read once from the environment. Two databases are deliberately separate: the store
 * (jobs and LangGraph checkpoints, long-lived) and the validation target (throwaway databases per run).
 */
import { availableParallelism, totalmem } from 'node:os';

export interface ServerConfig {
  host: string;
  port: number;
  /** Jobs table and checkpoints; unset keeps jobs in memory (lost on restart). */
  storeUrl?: string;
  /** Validate generated schemas on this PostgreSQL server; unset uses embedded PGlite. */
  validationUrl?: string;
  /** Bearer keys; empty disables authentication. */
  apiKeys: string[];
  /** Pipeline runs at once; each may hold a PGlite instance. */
  concurrency: number;
  /** Accepted runs waiting for a slot before new ones get 503. */
  queueLimit: number;
  bodyLimitBytes: number;
  /** Requests per client (API key, else IP) per minute on /v1. */
  rateLimitPerMinute: number;
  /** A synchronous generation answers 504 after this; async jobs are not bound by it. */
  requestTimeoutMs: number;
  /** An async job fails after this. */
  jobTimeoutMs: number;
  /** On SIGTERM, running work gets this long to finish before it is checkpointed (or failed, in memory). */
  shutdownGraceMs: number;
  /** Finished jobs are deleted after this. */
  jobTtlMs: number;
  logLevel: string;
}

/** PGlite's worst case per process (research/feasibility.md §5); half the memory is left to Node and the OS. */
const PGLITE_WORST_CASE_BYTES = 750 * 1024 * 1024;

export function defaultConcurrency(memoryBytes: number = totalmem(), cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(memoryBytes / 2 / PGLITE_WORST_CASE_BYTES)));
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const concurrency = integer(env, 'SCHEMAWRIGHT_CONCURRENCY', defaultConcurrency(), 1);
  return {
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 8080, 0),
    storeUrl: env.SCHEMAWRIGHT_STORE_URL || env.DATABASE_URL || undefined,
    validationUrl: env.SCHEMAWRIGHT_VALIDATION_URL || undefined,
    apiKeys: (env.SCHEMAWRIGHT_API_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean),
    concurrency,
    queueLimit: integer(env, 'SCHEMAWRIGHT_QUEUE', concurrency * 8, 0),
    bodyLimitBytes: integer(env, 'SCHEMAWRIGHT_BODY_LIMIT', 2 * 1024 * 1024, 1024),
    rateLimitPerMinute: integer(env, 'SCHEMAWRIGHT_RATE_LIMIT', 600, 1),
    requestTimeoutMs: integer(env, 'SCHEMAWRIGHT_REQUEST_TIMEOUT_MS', 120_000, 1000),
    jobTimeoutMs: integer(env, 'SCHEMAWRIGHT_JOB_TIMEOUT_MS', 600_000, 1000),
    shutdownGraceMs: integer(env, 'SCHEMAWRIGHT_SHUTDOWN_GRACE_MS', 25_000, 0),
    jobTtlMs: integer(env, 'SCHEMAWRIGHT_JOB_TTL_HOURS', 24, 1) * 3_600_000,
    logLevel: env.LOG_LEVEL || 'info',
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return value;
}
