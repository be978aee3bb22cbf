/**
 * /v1/generations: run the pipeline and answer with the project (sync), or accept a job (Prefer: respond-async)
 * whose state is polled and whose progress streams as server-sent events.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { InputError } from '../../errors.ts';
import type { PipelineResult } from '../../graph/run.ts';
import type { PipelineInput } from '../../graph/state.ts';
import { HttpProblem, inputProblem, problem } from '../problem.ts';
import { PoolFullError } from '../pool.ts';
import type { JobManager } from '../jobs/manager.ts';
import { FINISHED, type GenerationRequest, type JobEvent, type JobRecord } from '../jobs/store.ts';
import { GenerationBody, GenerationResult, JobAccepted, JobParams, JobView, ProblemResponses } from '../schemas.ts';

export interface GenerationRoutesOptions {
  manager: JobManager;
  /** Cheap up-front input check, so a bad model is a 400 now rather than a failed job later. */
  checkInput?: (input: PipelineInput) => void;
  requestTimeoutMs: number;
  /** Whether an LLM endpoint is configured (OPENAI_API_KEY / OPENAI_BASE_URL); "on" needs one. */
  llmAvailable: boolean;
}

const HEARTBEAT_MS = 15_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generationRoutes(app: FastifyInstance, options: GenerationRoutesOptions): Promise<void> {
  const { manager } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/v1/generations', {
    schema: {
      summary: 'Generate a proven Prisma project from a PRD or a JSON model',
      description: 'Answers 200 with the result, or 202 with a job when the request says `Prefer: respond-async`.',
      tags: ['generations'],
      body: GenerationBody,
      response: { 200: GenerationResult, 202: JobAccepted, ...ProblemResponses, 504: ProblemResponses[503].describe('The synchronous run took too long; use Prefer: respond-async') },
    },
  }, async (request, reply) => {
    if (request.body.llm === 'on' && !options.llmAvailable)
      throw new HttpProblem(400, 'invalid-request', 'LLM extraction is not configured on this server.', {
        errors: [{ path: 'body.llm', message: 'LLM extraction is not configured on this server; use "off" or "auto"' }],
      });
    const generation = toRequest(request.body);
    try {
      options.checkInput?.(generation.input);
    } catch (error) {
      if (error instanceof InputError) throw problemFor(error, generation);
      throw error;
    }
    if (prefersAsync(request)) {
      const job = await admit(() => manager.submit(generation));
      return reply.code(202).header('location', selfLink(job.id)).header('preference-applied', 'respond-async').send(accepted(job));
    }
    const timeout = AbortSignal.timeout(options.requestTimeoutMs);
    const gone = new AbortController();
    reply.raw.once('close', () => gone.abort());
    try {
      return resultBody(await admit(() => manager.runNow(generation, AbortSignal.any([timeout, gone.signal]))));
    } catch (error) {
      if (error instanceof InputError) throw problemFor(error, generation);
      if (timeout.aborted)
        throw new HttpProblem(504, 'timeout', `The generation took longer than ${Math.round(options.requestTimeoutMs / 1000)} s; send it with "Prefer: respond-async" and follow the job instead.`);
      throw error;
    }
  });

  api.get('/v1/generations/:id', {
    schema: { summary: 'A job: its state and, once finished, its result or error', tags: ['generations'], params: JobParams, response: { 200: JobView, 404: ProblemResponses[400].describe('No such job') } },
  }, async (request) => view(await findJob(manager, request.params.id)));

  api.get('/v1/generations/:id/events', {
    schema: {
      summary: 'Server-sent events of a job: status, node-started, node-finished, findings, round',
      description: 'A finished job replays its events and the stream ends. Reconnect with Last-Event-ID to continue after an event.',
      tags: ['generations'],
      params: JobParams,
    },
  }, async (request, reply) => {
    const job = await findJob(manager, request.params.id);
    const after = Number(request.headers['last-event-id'] ?? 0);
    streamEvents(manager, job, Number.isInteger(after) && after > 0 ? after : 0, request, reply);
  });
}

function toRequest(body: GenerationBody): GenerationRequest {
  const input: PipelineInput = body.prd !== undefined ? { kind: 'prd', text: body.prd, name: body.name } : { kind: 'model', json: body.model, name: body.name };
  return { input, rounds: body.rounds, llm: body.llm, existing: body.existing, previous: body.previous };
}

function problemFor(error: InputError, generation: GenerationRequest): HttpProblem {
  const body = inputProblem(error, generation.input.kind);
  return new HttpProblem(400, 'invalid-input', body.detail, { errors: body.errors });
}

function prefersAsync(request: FastifyRequest): boolean {
  return /(^|[,;\s])respond-async($|[,;\s])/i.test(String(request.headers.prefer ?? ''));
}

/** The pool said no: 503 with a Retry-After the caller can trust roughly. */
async function admit<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PoolFullError)
      throw new HttpProblem(503, 'busy', `Every validation slot is busy and the queue is full; retry in about ${error.retryAfterSeconds} s.`, {
        headers: { 'retry-after': String(error.retryAfterSeconds) },
      });
    throw error;
  }
}

async function findJob(manager: JobManager, id: string): Promise<JobRecord> {
  const job = UUID.test(id) ? await manager.get(id) : undefined;
  if (!job) throw new HttpProblem(404, 'not-found', `There is no job ${id} (finished jobs are kept for a limited time).`);
  return job;
}

function selfLink(id: string): string {
  return `/v1/generations/${id}`;
}

function accepted(job: JobRecord) {
  return { id: job.id, status: job.status, links: { self: selfLink(job.id), events: `${selfLink(job.id)}/events` } };
}

function view(job: JobRecord) {
  const { input, rounds, llm } = job.request;
  return {
    ...accepted(job),
    attempts: job.attempts,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    request: { kind: input.kind, ...(input.name ? { name: input.name } : {}), rounds, llm },
    ...(job.result ? { result: resultBody(job.result) } : {}),
    ...(job.error ? { error: job.error } : {}),
  };
}

/** The report is an interface; a spread gives the plain object type the response schema's record accepts. */
function resultBody({ valid, artifacts, model, report }: PipelineResult) {
  return { valid, artifacts, model: { ...model }, report: { ...report } };
}

function isTerminal(event: JobEvent): boolean {
  return event.type === 'status' && FINISHED.has(event.data.status as JobRecord['status']);
}

/**
 * Replays the stored events after `after`, then follows live ones, until the job's terminal status event.
 * Subscribing before reading the log means nothing falls in between; duplicates are dropped by seq.
 */
function streamEvents(manager: JobManager, job: JobRecord, after: number, request: FastifyRequest, reply: FastifyReply): void {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
  });
  raw.write('retry: 2000\n\n');
  let last = after;
  let ended = false;
  let pending: JobEvent[] | null = [];
  const end = (): void => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    raw.end();
  };
  const send = (event: JobEvent): void => {
    if (ended || event.seq <= last) return;
    last = event.seq;
    raw.write(`id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify({ ...event.data, at: event.at })}\n\n`);
    if (isTerminal(event)) end();
  };
  const unsubscribe = manager.subscribe(job.id, { onEvent: (event) => (pending ? pending.push(event) : send(event)), onClose: end });
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS).unref();
  raw.once('close', end);

  void (async () => {
    try {
      for (const event of await manager.events(job.id, after)) send(event);
      const live = pending ?? [];
      pending = null;
      live.forEach(send);
      // A client that already saw the terminal event (Last-Event-ID at or past it) gets nothing more to wait for.
      if (!ended && after > 0 && (await manager.events(job.id, 0)).some((e) => e.seq <= after && isTerminal(e))) end();
    } catch (err) {
      request.log.error({ err }, 'event replay failed');
      raw.write(`event: error\ndata: ${JSON.stringify(problem(500, 'internal', `Replaying the events failed; quote request id ${String(request.id)}.`))}\n\n`);
      end();
    }
  })();
}
