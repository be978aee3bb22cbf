/**
 * The bounded pool every pipeline run goes through. A run may hold a PGlite instance (~750 MB worst case), so the
 * number running at once is fixed by memory, and the queue in front of it is bounded: when both are full the
 * caller is told to come back later (503 + Retry-After) instead of the process running out of memory.
 */
export interface PoolStats {
  running: number;
  queued: number;
  concurrency: number;
  queueLimit: number;
}

export class PoolFullError extends Error {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('Every validation slot is busy and the queue is full.');
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

interface Waiter {
  start: () => void;
  cancel: (reason: unknown) => void;
}

export class WorkPool {
  readonly concurrency: number;
  readonly queueLimit: number;
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private readonly idle: Array<() => void> = [];
  /** Recent run time, for an honest Retry-After; starts at a typical PGlite validation. */
  private averageMs = 5000;

  constructor(options: { concurrency: number; queueLimit: number }) {
    this.concurrency = Math.max(1, options.concurrency);
    this.queueLimit = Math.max(0, options.queueLimit);
  }

  get stats(): PoolStats {
    return { running: this.running, queued: this.waiting.length, concurrency: this.concurrency, queueLimit: this.queueLimit };
  }

  /** Seconds until a slot is likely free for one more caller. */
  retryAfterSeconds(): number {
    const ahead = this.waiting.length + 1;
    return Math.max(1, Math.ceil(((ahead / this.concurrency) * this.averageMs) / 1000));
  }

  /** Throws PoolFullError now (not later) when there is no room, so the caller can answer 503 at once. */
  admit(): void {
    if (this.running < this.concurrency) return;
    if (this.waiting.length >= this.queueLimit) throw new PoolFullError(this.retryAfterSeconds());
  }

  /**
   * Runs `task` when a slot is free. `force` skips admission (work accepted before a restart must run);
   * an aborted `signal` takes the task out of the queue if it has not started.
   */
  async run<T>(task: () => Promise<T>, options: { force?: boolean; signal?: AbortSignal } = {}): Promise<T> {
    if (!options.force) this.admit();
    options.signal?.throwIfAborted();
    if (this.running < this.concurrency) this.running++;
    else await this.slot(options.signal);
    const started = performance.now();
    try {
      return await task();
    } finally {
      this.averageMs = this.averageMs * 0.8 + (performance.now() - started) * 0.2;
      // The slot passes straight to the next waiter, so a newcomer cannot slip in between.
      const next = this.waiting.shift();
      if (next) next.start();
      else if (--this.running === 0) this.idle.splice(0).forEach((resolve) => resolve());
    }
  }

  /** Resolves when nothing runs or waits. */
  drained(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Resolves when a finishing task hands its slot over (the slot stays counted in `running`). */
  private slot(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
        waiter.cancel(signal?.reason);
      };
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        cancel: reject,
      };
      this.waiting.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
