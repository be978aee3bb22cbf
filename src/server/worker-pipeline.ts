/**
 * The pipeline run on worker threads, one run per worker at a time; the WorkPool in front decides how many run.
 * A stop request is passed to the worker (LangGraph stops at the next node boundary); a worker that does not
 * answer within ABORT_GRACE_MS is terminated, which frees its PGlite memory for real.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.ts';
import type { PipelineResult } from '../graph/run.ts';
import type { Pipeline } from './jobs/manager.ts';
import type { FromWorker, ToWorker, WorkerError, WorkerSetup } from './worker-protocol.ts';

const ABORT_GRACE_MS = 5000;
/** How long a closing worker may take to drop the server databases it kept warm. */
const SETTLE_GRACE_MS = 5000;
const WORKER_URL = new URL('./pipeline-worker.ts', import.meta.url).href;
/**
 * Node 20 does not apply `--import tsx` loader hooks to a worker's entry, so the worker starts as a tiny script
 * that loads the TypeScript entry through tsx's tsImport (the ESM build; the pinned tsx keeps it at this path).
 */
const TSX_API = new URL('./dist/esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'))).href;
const BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then(({ tsImport }) => tsImport(${JSON.stringify(WORKER_URL)}, ${JSON.stringify(WORKER_URL)}))`;

export class WorkerPipeline {
  private readonly size: number;
  private readonly setup: WorkerSetup;
  private readonly idle: Worker[] = [];
  private readonly busy = new Set<Worker>();
  private nextId = 1;

  constructor(options: { size: number; storeUrl?: string; warm?: boolean }) {
    this.size = options.size;
    this.setup = { storeUrl: options.storeUrl, warm: options.warm ?? false };
  }

  /** Starts every worker now (loading the pipeline, and booting PGlite when `warm`), not on the first runs. */
  prestart(): void {
    while (this.idle.length + this.busy.size < this.size) this.idle.push(this.spawn());
  }

  readonly run: Pipeline = (input, options) => {
    options.signal?.throwIfAborted();
    const worker = this.idle.pop() ?? this.spawn();
    this.busy.add(worker);
    const id = this.nextId++;
    const { signal } = options;
    return new Promise<PipelineResult>((resolve, reject) => {
      let killTimer: NodeJS.Timeout | undefined;
      const release = (healthy: boolean): void => {
        worker.off('message', onMessage).off('error', onCrash).off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
        clearTimeout(killTimer);
        this.busy.delete(worker);
        if (healthy && this.idle.length < this.size) this.idle.push(worker);
        else void worker.terminate();
      };
      const onMessage = (message: FromWorker): void => {
        if (message.type === 'settled' || message.id !== id) return;
        if (message.type === 'event') options.onEvent?.(message.event);
        else if (message.type === 'rounds') options.onState?.({ rounds: message.rounds });
        else if (message.type === 'done') {
          release(true);
          resolve(message.result);
        } else {
          release(true);
          reject(toError(message.error, signal));
        }
      };
      const onCrash = (error: Error): void => {
        release(false);
        reject(error);
      };
      const onExit = (code: number): void => {
        release(false);
        reject(new Error(`The pipeline worker exited (code ${code}) in the middle of a run`));
      };
      const onAbort = (): void => {
        worker.postMessage({ type: 'abort', id } satisfies ToWorker);
        killTimer = setTimeout(() => {
          release(false);
          reject(signal?.reason);
        }, ABORT_GRACE_MS);
      };
      worker.on('message', onMessage).on('error', onCrash).on('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      const message: ToWorker = {
        type: 'run', id, input,
        options: {
          maxRounds: options.maxRounds, databaseUrl: options.databaseUrl, threadId: options.threadId,
          llm: options.llm, existing: options.existing, previous: options.previous, checkpoint: options.checkpointer !== undefined,
        },
      };
      worker.postMessage(message);
    });
  };

  async close(): Promise<void> {
    const all = [...this.idle.splice(0), ...this.busy];
    this.busy.clear();
    await Promise.all(all.map(async (w) => {
      await settled(w);
      await w.terminate();
    }));
  }

  private spawn(): Worker {
    return new Worker(BOOTSTRAP, { eval: true, workerData: this.setup });
  }
}

/** Asks the worker to drop what it keeps on a server; waits for its answer, at most SETTLE_GRACE_MS. */
function settled(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('exit', done);
      resolve();
    };
    const onMessage = (message: FromWorker): void => {
      if (message.type === 'settled') done();
    };
    const timer = setTimeout(done, SETTLE_GRACE_MS);
    worker.on('message', onMessage).on('exit', done);
    worker.postMessage({ type: 'settle' } satisfies ToWorker);
  });
}

function toError(error: WorkerError, signal: AbortSignal | undefined): Error {
  if (error.kind === 'input') return new InputError(error.message.split('\n')[0] ?? error.message, error.issues);
  if (error.kind === 'aborted' && signal?.aborted) return signal.reason instanceof Error ? signal.reason : new Error(error.message);
  const internal = new Error(error.message);
  if (error.stack) internal.stack = error.stack;
  return internal;
}
