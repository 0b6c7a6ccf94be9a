// Where drafts are analysed: in a pool of worker threads (piscina), so page
// views are never queued behind an analysis and every core serves drafts; or,
// without workers (tests, `createApp` alone), on the server's own thread.
// Either way jobs pass through one WorkQueue: arrival order, the visitor who
// left is skipped, and past its limit new work is refused (the route's 503).
// Analyses of recent drafts are kept here, on the server's thread: a download
// re-posts the draft it was shown with, and is answered without a worker.
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Corpus } from '../corpus/types.js';
import { analyseDraft, type DraftAnalysis, type DraftJob } from './draft-analysis.js';
import { LruCache } from '../util/lru-cache.js';
import { WorkQueue } from './work-queue.js';

/** Young-generation limit of each draft worker's V8 heap (see poolAnalyser). */
const YOUNG_GENERATION_MB = 8;
/** Drafts waiting beyond this are refused at once (HTTP 503). */
export const MAX_WAITING_DRAFTS = 200;

export interface DraftAnalyser {
  /** Analyse `job`, unless `cancelled()` says the visitor left before its turn (then CancelledError). QueueFullError past the limit. */
  analyse(job: DraftJob, cancelled?: () => boolean): Promise<DraftAnalysis>;
  close(): Promise<void>;
}

function cacheKey(job: DraftJob): string {
  return createHash('sha256').update(`${job.against ?? ''}\u0000${job.date ?? ''}\u0000${job.source}`).digest('hex');
}

function withRecent(run: (job: DraftJob, cancelled?: () => boolean) => Promise<DraftAnalysis>): DraftAnalyser['analyse'] {
  const recent = new LruCache<DraftAnalysis>(16);
  return async (job, cancelled) => {
    const key = cacheKey(job);
    const hit = recent.get(key);
    if (hit) return hit;
    const analysis = await run(job, cancelled);
    recent.set(key, analysis);
    return analysis;
  };
}

/** Analyses on the calling thread, one at a time. */
export function inlineAnalyser(corpus: Corpus): DraftAnalyser {
  const queue = new WorkQueue(MAX_WAITING_DRAFTS);
  return { analyse: withRecent((job, cancelled) => queue.run(() => analyseDraft(corpus, job), cancelled)), close: async () => {} };
}

/** Threads for draft analysis: one per core (the server's thread only routes and renders). */
export function defaultDraftThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Analyses in `threads` worker threads, each of which loads the corpora named
 * by `corpora`/`builtin` once (the same ones the server loaded). Under tsx (a
 * `.ts` module) the workers get tsx's loader too.
 */
export async function poolAnalyser(options: { corpora: string[]; builtin: boolean; threads: number }): Promise<DraftAnalyser> {
  const { Piscina } = await import('piscina');
  const source = import.meta.url.endsWith('.ts');
  const pool = new Piscina({
    filename: new URL(`./draft-worker.${source ? 'ts' : 'js'}`, import.meta.url).href,
    minThreads: options.threads,
    maxThreads: options.threads,
    // Never idle out: a worker's start-up loads the corpora (a second or more).
    idleTimeout: Infinity,
    workerData: { corpora: options.corpora, builtin: options.builtin },
    // A small young generation per worker: each isolate otherwise grows its
    // semi-spaces under the allocation rate of analyses (tens of MB each), and
    // the server's RSS grew 36 % over a load test instead of settling. (The old
    // generation's growth is bounded process-wide: HEAP_GROWING_PERCENT in server.ts.)
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    ...(source && !process.execArgv.includes('tsx') ? { execArgv: [...process.execArgv, '--import', 'tsx'] } : {}),
  });
  const queue = new WorkQueue(MAX_WAITING_DRAFTS, options.threads);
  return {
    analyse: withRecent((job, cancelled) => queue.run(() => pool.run(job) as Promise<DraftAnalysis>, cancelled)),
    close: () => pool.destroy(),
  };
}
