/** The bounded pool: never more than `concurrency` at once, a bounded queue, and no slot lost or double-given. */
import { describe, expect, it } from 'vitest';
import { defaultConcurrency } from '../../src/server/config.ts';
import { PoolFullError, WorkPool } from '../../src/server/pool.ts';

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WorkPool', () => {
  it('runs at most `concurrency` tasks and hands each freed slot to the next in line', async () => {
    const pool = new WorkPool({ concurrency: 2, queueLimit: 10 });
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (i: number) => async () => {
      active++;
      peak = Math.max(peak, active);
      await tick(10);
      order.push(i);
      active--;
    };
    await Promise.all([0, 1, 2, 3, 4, 5].map((i) => pool.run(task(i))));
    expect(peak).toBe(2);
    expect(order.slice(0, 2).sort()).toEqual([0, 1]);
    expect(pool.stats).toMatchObject({ running: 0, queued: 0 });
  });

  it('refuses at once when the slots and the queue are full, with a Retry-After estimate', async () => {
    const pool = new WorkPool({ concurrency: 1, queueLimit: 1 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = pool.run(() => held);
    const second = pool.run(async () => 'second');
    expect(() => pool.admit()).toThrow(PoolFullError);
    await expect(pool.run(async () => 'third')).rejects.toMatchObject({ retryAfterSeconds: expect.any(Number) });
    // Work accepted before a restart must run: forced past the bound, it queues.
    const forced = pool.run(async () => 'forced', { force: true });
    expect(pool.stats.queued).toBe(2);
    release();
    await first;
    expect(await second).toBe('second');
    expect(await forced).toBe('forced');
  });

  it('takes an aborted waiter out of the queue without losing the slot', async () => {
    const pool = new WorkPool({ concurrency: 1, queueLimit: 2 });
    let release!: () => void;
    const running = pool.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const waiting = pool.run(async () => 'never', { signal: controller.signal });
    controller.abort(new Error('client gone'));
    await expect(waiting).rejects.toThrow('client gone');
    expect(pool.stats.queued).toBe(0);
    release();
    await running;
    expect(await pool.run(async () => 'next')).toBe('next');
    await pool.drained();
  });

  it('sizes the default by memory and cores (PGlite needs ~750 MB)', () => {
    expect(defaultConcurrency(24 * 1024 ** 3, 2)).toBe(2);
    expect(defaultConcurrency(2 * 1024 ** 3, 8)).toBe(1);
    expect(defaultConcurrency(8 * 1024 ** 3, 16)).toBe(5);
  });
});
