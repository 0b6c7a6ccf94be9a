// Heavy work (analysing a pasted draft: ~140 ms of CPU) run in arrival order,
// at most `concurrency` jobs at a time, each started in its own turn of the
// event loop.
//
// Why: without it, an analysis starts as soon as its request body is read, in
// whatever order sockets become readable. Under load one turn of the event loop
// then runs dozens of analyses back to back, and a request that needs two turns
// waits 10 s or more while later ones pass it (the load test saw timeouts). In
// a queue a request waits only for the jobs ahead of it, and page views are
// answered between jobs. Past `maxWaiting` queued jobs, new work is refused
// at once rather than left to time out.
//
// A job may be synchronous (run on this thread, concurrency 1) or return a
// promise (handed to a worker pool: concurrency = its threads, so the pool's
// own queue stays empty and this queue keeps the order, the limit and the
// cancellation of jobs whose visitor left).

export class QueueFullError extends Error {}
/** The job's requester went away before its turn: the work was skipped. */
export class CancelledError extends Error {}

export class WorkQueue {
  private readonly jobs: (() => void)[] = [];
  private scheduled = false;
  private running = 0;

  constructor(
    readonly maxWaiting: number,
    readonly concurrency = 1,
  ) {}

  get waiting(): number {
    return this.jobs.length;
  }

  /**
   * Queue `work`. `cancelled` is asked when the job's turn comes: a visitor who
   * gave up (closed the connection) must not leave work behind, or under
   * overload the queue fills with analyses nobody waits for and every request
   * times out.
   */
  run<T>(work: () => T | Promise<T>, cancelled: () => boolean = () => false): Promise<T> {
    if (this.jobs.length >= this.maxWaiting) return Promise.reject(new QueueFullError('too many analyses waiting'));
    return new Promise<T>((resolve, reject) => {
      this.jobs.push(() => {
        if (cancelled()) {
          reject(new CancelledError('the request was closed before its turn'));
          return;
        }
        this.running++;
        const done = () => {
          this.running--;
          this.schedule();
        };
        try {
          Promise.resolve(work()).then(resolve, reject).finally(done);
        } catch (e) {
          reject(e);
          done();
        }
      });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || !this.jobs.length || this.running >= this.concurrency) return;
    this.scheduled = true;
    // setImmediate, not a microtask: pending I/O (page requests, request bodies) is handled between jobs.
    setImmediate(() => {
      this.scheduled = false;
      if (this.running < this.concurrency) this.jobs.shift()?.();
      this.schedule();
    });
  }
}
