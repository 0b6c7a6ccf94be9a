// The worker threads that tokenise a large index build (index-worker.ts, run
// by piscina). buildIndexFileParallel starts them itself, or is handed them
// by a caller that knew a build was coming before the corpus loaded
// (open-index.ts prestartIndexWorkers): threads started then load their
// modules (the text pipeline, the glossary) while the corpus is read, which
// a build started after the load waited for (~0.3 s on the 2-core machines).
import type { RowBatch, RowTask } from './index-build.js';

export interface IndexWorkers {
  threads: number;
  /** Tokenise one task on a free thread (tasks wait in piscina's queue otherwise). */
  run(task: RowTask): Promise<RowBatch>;
  /** Stop the threads; a second call does nothing. */
  destroy(): Promise<void>;
}

/** Start `threads` tokenising threads (they begin loading at once). Throws what piscina throws. */
export async function startIndexWorkers(threads: number): Promise<IndexWorkers> {
  const { Piscina } = await import('piscina');
  const source = import.meta.url.endsWith('.ts');
  const pool = new Piscina<RowTask, RowBatch>({
    filename: new URL(`./index-worker.${source ? 'ts' : 'js'}`, import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // Under tsx (tests, scripts) the workers need its loader too.
    ...(source && !process.execArgv.includes('tsx') ? { execArgv: [...process.execArgv, '--import', 'tsx'] } : {}),
  });
  let destroyed: Promise<void> | undefined;
  return {
    threads,
    run: (task) => pool.run(task),
    destroy: () => (destroyed ??= pool.destroy()),
  };
}
