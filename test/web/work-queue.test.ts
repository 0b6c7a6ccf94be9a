// The draft-analysis queue: arrival order, one job per event-loop turn, work of
// visitors who left is skipped, and past the limit new work is refused at once.
import { describe, expect, it } from 'vitest';
import { CancelledError, QueueFullError, WorkQueue } from '../../src/web/work-queue.js';

describe('WorkQueue', () => {
  it('runs jobs one at a time in arrival order, letting I/O in between', async () => {
    const queue = new WorkQueue(10);
    const order: string[] = [];
    const jobs = ['a', 'b', 'c'].map((name) => queue.run(() => (order.push(name), name)));
    setImmediate(() => order.push('io'));
    expect(await Promise.all(jobs)).toEqual(['a', 'b', 'c']);
    expect(order.indexOf('io')).toBeGreaterThan(0);
    expect(order.indexOf('io')).toBeLessThan(3);
  });

  it('skips a job whose requester left, and passes errors on', async () => {
    const queue = new WorkQueue(10);
    let ran = false;
    await expect(queue.run(() => (ran = true), () => true)).rejects.toBeInstanceOf(CancelledError);
    expect(ran).toBe(false);
    await expect(queue.run(() => { throw new RangeError('bad'); })).rejects.toBeInstanceOf(RangeError);
  });

  it('refuses new work past its limit without dropping what is queued', async () => {
    const queue = new WorkQueue(2);
    const first = queue.run(() => 1);
    const second = queue.run(() => 2);
    await expect(queue.run(() => 3)).rejects.toBeInstanceOf(QueueFullError);
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(queue.waiting).toBe(0);
  });
});

describe('WorkQueue with a worker pool behind it', () => {
  it('runs up to `concurrency` asynchronous jobs at once, the rest in arrival order', async () => {
    const queue = new WorkQueue(10, 2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const job = (n: number) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      order.push(n);
      return n;
    };
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => queue.run(job(n))))).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(order.slice(0, 2).sort()).toEqual([1, 2]);
  });
});
