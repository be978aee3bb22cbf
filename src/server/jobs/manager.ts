/**
 * Runs generations through the bounded pool: synchronous ones for a waiting request, asynchronous ones as jobs
 * with a persisted event log that server-sent-event clients follow live or replay. On shutdown, running jobs
 * get a grace period; then a durable store keeps them (LangGraph's checkpoint holds every finished node) for the
 * next server to resume, and the memory store fails them.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { InputError } from '../../errors.ts';
import type { PipelineOptions, PipelineResult } from '../../graph/run.ts';
import type { PipelineInput, PipelineStateValue } from '../../graph/state.ts';
import type { NodeEvent } from '../../nodes/node-context.ts';
import { HttpProblem, inputProblem, problem, type Problem } from '../problem.ts';
import type { WorkPool } from '../pool.ts';
import { type GenerationRequest, type JobEvent, type JobEventType, type JobRecord, type JobStore } from './store.ts';

/** runPipeline's options, except that a run reports only the round records of its state (all a job needs). */
export type PipelineRunOptions = Omit<PipelineOptions, 'onState'> & { onState?: (state: Pick<PipelineStateValue, 'rounds'>) => void };
/** runPipeline itself, or the same run on a worker thread. */
export type Pipeline = (input: PipelineInput, options: PipelineRunOptions) => Promise<PipelineResult>;

export interface JobManagerOptions {
  store: JobStore;
  pool: WorkPool;
  pipeline: Pipeline;
  validationUrl?: string;
  jobTimeoutMs: number;
  jobTtlMs: number;
  logger: FastifyBaseLogger;
}

export interface Subscriber {
  onEvent: (event: JobEvent) => void;
  /** The server is going away; the client should reconnect (with Last-Event-ID) later. */
  onClose: () => void;
}

interface Execution {
  job: JobRecord;
  controller: AbortController;
  started: boolean;
  done: Promise<void>;
}

/** How long shutdown waits for aborted runs to notice before recording them as stopped. */
const STOP_WAIT_MS = 5000;

/** Errors and warnings of a round that an event carries in full; the rest are counted (the report has them all). */
const FINDINGS_IN_EVENT = 50;

export class JobManager {
  private readonly options: JobManagerOptions;
  private readonly executions = new Map<string, Execution>();
  private readonly syncRuns = new Set<{ controller: AbortController; done: Promise<unknown> }>();
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private purgeTimer?: NodeJS.Timeout;
  private closing = false;

  constructor(options: JobManagerOptions) {
    this.options = options;
  }

  get shuttingDown(): boolean {
    return this.closing;
  }

  /** Picks up what an earlier server accepted but did not finish, and starts deleting expired jobs. */
  async start(): Promise<void> {
    for (const job of await this.options.store.unfinished()) this.schedule(job, true);
    this.purgeTimer = setInterval(() => void this.purge(), Math.min(this.options.jobTtlMs, 3_600_000)).unref();
  }

  /** Runs one generation for a waiting request. Throws PoolFullError (503) when there is no room. */
  async runNow(request: GenerationRequest, signal: AbortSignal): Promise<PipelineResult> {
    this.refuseWhenClosing();
    const controller = new AbortController();
    const both = AbortSignal.any([signal, controller.signal]);
    const done = this.options.pool.run(() => this.options.pipeline(request.input, this.pipelineOptions(request, both)), { signal: both });
    const run = { controller, done };
    this.syncRuns.add(run);
    try {
      // Answer on abort even if the run is slow to stop; its pool slot stays taken until it really ends.
      return await untilAborted(done, both);
    } catch (error) {
      if (controller.signal.aborted) throw new HttpProblem(503, 'shutting-down', 'The server is restarting; send the request again.', { headers: { 'retry-after': '5' } });
      throw error;
    } finally {
      this.syncRuns.delete(run);
    }
  }

  /** Accepts a job (or throws PoolFullError at once) and returns it queued. */
  async submit(request: GenerationRequest): Promise<JobRecord> {
    this.refuseWhenClosing();
    this.options.pool.admit();
    const now = new Date().toISOString();
    const job: JobRecord = { id: randomUUID(), status: 'queued', request, attempts: 0, createdAt: now, updatedAt: now };
    // Scheduling in the same tick as admit() keeps the queue bound exact; the task waits for the row.
    const created = this.options.store.create(job).then(() => this.log(job.id, 0).emit('status', { status: 'queued' }));
    this.schedule(job, true, created);
    await created;
    return job;
  }

  async get(id: string): Promise<JobRecord | undefined> {
    return this.options.store.get(id);
  }

  events(id: string, afterSeq?: number): Promise<JobEvent[]> {
    return this.options.store.events(id, afterSeq);
  }

  subscribe(id: string, subscriber: Subscriber): () => void {
    let set = this.subscribers.get(id);
    if (!set) this.subscribers.set(id, (set = new Set()));
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.subscribers.delete(id);
    };
  }

  /** Finishes what fits in `graceMs`, then checkpoints (durable store) or fails (memory) the rest. */
  async shutdown(graceMs: number): Promise<void> {
    this.closing = true;
    clearInterval(this.purgeTimer);
    for (const execution of this.executions.values()) if (!execution.started) execution.controller.abort();
    const running = [...this.executions.values()].map((e) => e.done);
    const sync = [...this.syncRuns].map((r) => r.done.catch(() => {}));
    await Promise.race([Promise.all([...running, ...sync]), delay(graceMs)]);
    for (const execution of this.executions.values()) execution.controller.abort();
    for (const run of this.syncRuns) run.controller.abort();
    await Promise.race([Promise.all([...this.executions.values()].map((e) => e.done)), delay(STOP_WAIT_MS)]);
    // A run that ignores the abort is recorded as stopped anyway; the process is about to go.
    await Promise.all([...this.executions.values()].map((e) => this.interrupted(e.job)));
    for (const set of this.subscribers.values()) for (const s of set) s.onClose();
    this.subscribers.clear();
  }

  private refuseWhenClosing(): void {
    if (this.closing) throw new HttpProblem(503, 'shutting-down', 'The server is restarting; send the request again.', { headers: { 'retry-after': '5' } });
  }

  private schedule(job: JobRecord, force: boolean, created: Promise<void> = Promise.resolve()): void {
    const controller = new AbortController();
    const execution: Execution = { job, controller, started: false, done: Promise.resolve() };
    execution.done = this.options.pool
      .run(
        async () => {
          execution.started = true;
          await created;
          await this.execute(job, controller.signal);
        },
        { force, signal: controller.signal },
      )
      .catch((error: unknown) => this.notStarted(job, error))
      .finally(() => this.executions.delete(job.id));
    this.executions.set(job.id, execution);
  }

  /** A job that never got a slot: it stays queued for the next server when the store is durable. */
  private async notStarted(job: JobRecord, error: unknown): Promise<void> {
    if (this.closing && this.options.store.durable) return;
    if (this.closing) return this.fail(job.id, problem(503, 'shutting-down', 'The server shut down before the job started; submit it again.')).catch(() => {});
    this.options.logger.error({ err: error, jobId: job.id }, 'job could not start');
    await this.fail(job.id, problem(500, 'internal', `The job failed on our side; quote job id ${job.id} when reporting it.`)).catch(() => {});
  }

  private async execute(job: JobRecord, stop: AbortSignal): Promise<void> {
    const { store } = this.options;
    const past = await store.events(job.id);
    const log = this.log(job.id, past.at(-1)?.seq ?? 0);
    const attempts = job.attempts + 1;
    await store.update(job.id, { status: 'running', attempts });
    await log.emit('status', { status: attempts > 1 ? 'resumed' : 'running', attempt: attempts });
    const timeout = AbortSignal.timeout(this.options.jobTimeoutMs);
    let roundsSeen = past.filter((e) => e.type === 'round').length;
    try {
      const result = await this.options.pipeline(job.request.input, {
        ...this.pipelineOptions(job.request, AbortSignal.any([stop, timeout])),
        threadId: job.id,
        checkpointer: store.checkpointer,
        onEvent: ({ type, ...data }: NodeEvent) => void log.emit(type, data),
        onState: (state) => {
          for (const record of state.rounds.slice(roundsSeen)) {
            const notable = record.findings.filter((f) => f.level !== 'info').sort((a, b) => Number(b.level === 'error') - Number(a.level === 'error'));
            void log.emit('findings', {
              round: record.round,
              errors: notable.filter((f) => f.level === 'error').length,
              warnings: notable.filter((f) => f.level === 'warning').length,
              findings: notable.slice(0, FINDINGS_IN_EVENT).map(({ level, ruleId, target, message, owner }) => ({ level, ruleId, target, message, owner })),
            });
            void log.emit('round', { round: record.round, routedTo: record.routedTo });
          }
          roundsSeen = state.rounds.length;
        },
      });
      await log.flushed();
      await store.update(job.id, { status: 'succeeded', result });
      await log.emit('status', { status: 'succeeded', valid: result.valid, summary: result.report.summary });
      await this.forgetCheckpoints(job.id);
    } catch (error) {
      await log.flushed();
      if (stop.aborted && this.closing) return this.interrupted(job, log);
      await this.fail(job.id, this.jobProblem(job, error, timeout.aborted), log);
    }
  }

  /** Stopped by shutdown: a durable store keeps it queued for the next server, memory fails it. */
  private async interrupted(job: JobRecord, log?: EventLog): Promise<void> {
    const { store } = this.options;
    if (!store.durable) return this.fail(job.id, problem(503, 'shutting-down', 'The server shut down before the job finished; submit it again.'), log);
    await store.update(job.id, { status: 'queued' });
    const events = log ?? this.log(job.id, (await store.events(job.id)).at(-1)?.seq ?? 0);
    await events.emit('status', { status: 'interrupted', detail: 'The server is restarting; the job resumes from its last finished node.' });
  }

  private jobProblem(job: JobRecord, error: unknown, timedOut: boolean): Problem {
    if (error instanceof InputError) return inputProblem(error, job.request.input.kind === 'prd' ? 'prd' : 'model');
    if (timedOut) return problem(504, 'timeout', `The job took longer than ${Math.round(this.options.jobTimeoutMs / 1000)} s and was stopped.`);
    this.options.logger.error({ err: error, jobId: job.id }, 'job failed');
    return problem(500, 'internal', `The job failed on our side; quote job id ${job.id} when reporting it.`);
  }

  private async fail(id: string, error: Problem, log?: EventLog): Promise<void> {
    await this.options.store.update(id, { status: 'failed', error });
    const events = log ?? this.log(id, (await this.options.store.events(id)).at(-1)?.seq ?? 0);
    await events.emit('status', { status: 'failed', error });
    await this.forgetCheckpoints(id);
  }

  private pipelineOptions(request: GenerationRequest, signal: AbortSignal): PipelineRunOptions {
    return { maxRounds: request.rounds, databaseUrl: this.options.validationUrl, llm: request.llm, existing: request.existing, previous: request.previous, signal };
  }

  private async forgetCheckpoints(id: string): Promise<void> {
    // The job row now holds the outcome; the checkpoints only ever served a resume.
    await this.options.store.checkpointer?.deleteThread(id).catch((err: unknown) => this.options.logger.warn({ err, jobId: id }, 'could not delete checkpoints'));
  }

  private async purge(): Promise<void> {
    try {
      const ids = await this.options.store.purgeFinished(new Date(Date.now() - this.options.jobTtlMs));
      if (ids.length) this.options.logger.info({ count: ids.length }, 'purged expired jobs');
    } catch (err) {
      this.options.logger.warn({ err }, 'purging expired jobs failed');
    }
  }

  private log(id: string, lastSeq: number): EventLog {
    return new EventLog(id, lastSeq, this.options.store, (event) => {
      for (const s of this.subscribers.get(id) ?? []) s.onEvent(event);
    }, this.options.logger);
  }
}

/**
 * One job's events in order: each is stored before subscribers see it, so a client that subscribes and then
 * reads the stored log never misses one (it drops the duplicates by seq).
 */
class EventLog {
  private seq: number;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly jobId: string,
    lastSeq: number,
    private readonly store: JobStore,
    private readonly publish: (event: JobEvent) => void,
    private readonly logger: FastifyBaseLogger,
  ) {
    this.seq = lastSeq;
  }

  emit(type: JobEventType, data: Record<string, unknown>): Promise<void> {
    const event: JobEvent = { seq: ++this.seq, type, data, at: new Date().toISOString() };
    this.chain = this.chain
      .then(() => this.store.appendEvent(this.jobId, event))
      .then(() => this.publish(event))
      .catch((err: unknown) => this.logger.warn({ err, jobId: this.jobId }, 'could not record a job event'));
    return this.chain;
  }

  flushed(): Promise<void> {
    return this.chain;
  }
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
