// Heavy synchronous work (analysing a pasted draft: ~140 ms of CPU) run one job
// at a time, in arrival order, each in its own turn of the event loop.
//
// Why: without it, an analysis starts as soon as its request body is read, in
// whatever order sockets become readable. Under load one turn of the event loop
// then runs dozens of analyses back to back, and a request that needs two turns
// waits 10 s or more while later ones pass it (the load test saw timeouts). In
// a queue a request waits only for the jobs ahead of it, and page views are
// answered between jobs. Past `maxWaiting` queued jobs, new work is refused
// at once rather than left to time out.

export class QueueFullError extends Error {}
/** The job's requester went away before its turn: the work was skipped. */
export class CancelledError extends Error {}

export class WorkQueue {
  private readonly jobs: (() => void)[] = [];
  private scheduled = false;

  constructor(readonly maxWaiting: number) {}

  get waiting(): number {
    return this.jobs.length;
  }

  /**
   * Queue `work`. `cancelled` is asked when the job's turn comes: a visitor who
   * gave up (closed the connection) must not leave work behind, or under
   * overload the queue fills with analyses nobody waits for and every request
   * times out.
   */
  run<T>(work: () => T, cancelled: () => boolean = () => false): Promise<T> {
    if (this.jobs.length >= this.maxWaiting) return Promise.reject(new QueueFullError('too many analyses waiting'));
    return new Promise<T>((resolve, reject) => {
      this.jobs.push(() => {
        if (cancelled()) {
          reject(new CancelledError('the request was closed before its turn'));
          return;
        }
        try {
          resolve(work());
        } catch (e) {
          reject(e);
        }
      });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate, not a microtask: pending I/O (page requests, request bodies) is handled between jobs.
    setImmediate(() => {
      this.scheduled = false;
      this.jobs.shift()?.();
      if (this.jobs.length) this.schedule();
    });
  }
}
