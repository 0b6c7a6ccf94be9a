// The web view: loads and indexes the corpora once at start-up, then serves
// server-rendered EJS pages. Requests never re-read files, and no path is
// ever built from a request: ids are looked up in the loaded corpus.
import express from 'express';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { formatIssue } from '../corpus/format-issue.js';
import { loadCorpus } from '../corpus/load.js';
import type { Document } from '../corpus/types.js';
import { openPassageIndexAsync } from '../provenance/open-index.js';
import { errorHandler, notFoundHandler } from './http-errors.js';
import { safeUrl } from './html.js';
import { matchResult, usePassageIndex } from './provenance-view.js';
import { compareRoutes } from './routes/compare.js';
import { draftRoutes, DRAFT_LIMIT_LABEL } from './routes/draft.js';
import { overviewRoutes } from './routes/overview.js';
import { planRoutes } from './routes/plan.js';
import { saveDraftRoutes } from './routes/save-draft.js';
import { styleResults, styleRoutes } from './routes/style.js';
import { securityHeaders } from './security.js';
import { sideColour, sideLabel } from './sides.js';
import type { AppState, ServerOptions } from './state.js';
import { defaultDraftThreads, poolAnalyser } from './draft-pool.js';

export type { AppState, ServerOptions } from './state.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const VIEWS_DIR = resolve(ROOT, 'views');
const PUBLIC_DIR = resolve(ROOT, 'public');

export function createApp(state: AppState): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  app.set('query parser', 'simple');
  Object.assign(app.locals, { sideLabel, sideColour, safeUrl });

  app.use(securityHeaders());
  app.use('/static', express.static(PUBLIC_DIR, { index: false, dotfiles: 'ignore', fallthrough: true, maxAge: '1h' }));

  const router = express.Router();
  overviewRoutes(router, state);
  draftRoutes(router, state);
  styleRoutes(router, state);
  planRoutes(router, state);
  compareRoutes(router, state);
  // (new page routes go above this line)
  app.use(saveDraftRoutes(state)); // before the pages: it tells /draft whether saving is on
  app.use(router);

  app.use(notFoundHandler);
  app.use(errorHandler(DRAFT_LIMIT_LABEL));
  return app;
}

/**
 * How far V8 lets a heap grow past what was live after the last full
 * collection before the next one, in per cent. V8's own factor is up to 4× when
 * the heap limit is large (4 GB here): under the load test the server's heap
 * swung between 160 and 480 MB, and RSS with it, though nothing was retained
 * (after a full collection it stayed at 110 MB over 17,600 page views). The flag
 * is read at every collection, so setting it here takes effect, and it is
 * process-wide, so the draft workers get it too. 50, not 30: at 30 the server
 * spent about 17 % more CPU per page view for the same RSS (one A/B run each,
 * load average 8–11).
 */
export const HEAP_GROWING_PERCENT = 50;

export async function startServer(options: ServerOptions): Promise<import('node:http').Server> {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const corpus = loadCorpus({ corpora: options.corpora, builtin: options.builtin });
  for (const issue of corpus.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  // Index once at start-up (bulk corpora get their persistent SQLite index) and
  // match every plan, so no visitor waits for it and requests never re-read files.
  let opened;
  try {
    opened = await openPassageIndexAsync(corpus, { ...(options.indexProgress ? { onProgress: (done, total, label) => options.indexProgress!.update(done, total, label) } : {}) });
  } finally {
    options.indexProgress?.stop();
  }
  usePassageIndex(corpus, opened.index);
  const state: AppState = { corpus, options };
  const app = createApp(state);
  const threads = options.draftThreads ?? defaultDraftThreads();
  return new Promise((resolveServer, reject) => {
    // Express 5 calls this back on 'error' too (a port in use), with the error: it must not report serving.
    const server = app.listen(options.port, options.host ?? '127.0.0.1', (error?: Error) => {
      if (error) {
        opened.close();
        reject(error);
        return;
      }
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      process.stdout.write(`plan-provenance: serving ${corpus.documents.length} documents at http://${options.host ?? '127.0.0.1'}:${port}/\n`);
      // Warm the plan pages after listening, one plan per tick, so the server
      // answers at once and a request that comes first is simply computed then.
      warmUpInBackground(state);
      // Draft analyses go to worker threads that load the same corpora; until
      // they are started, drafts are analysed on this thread.
      if (threads > 0) {
        poolAnalyser({ corpora: options.corpora, builtin: options.builtin, threads }).then(
          (pool) => (server.listening ? (state.drafts = pool) : void pool.close()),
          (e: unknown) => process.stderr.write(`plan-provenance: draft workers could not start (${(e as Error).message}); drafts are analysed on the main thread\n`),
        );
      }
      resolveServer(server);
    });
    server.on('close', () => {
      opened.close();
      void state.drafts?.close();
    });
    server.on('error', reject);
  });
}

/** Compute what a plan's pages show (memoised), so visitors rarely wait for it. */
function warmPlan(state: AppState, doc: Document): void {
  matchResult(state.corpus, doc);
  styleResults(doc);
}

function warmUpInBackground(state: AppState): void {
  const plans = state.corpus.documents.filter((d) => d.kind === 'plan');
  const next = () => {
    const doc = plans.shift();
    if (!doc) return;
    warmPlan(state, doc);
    setImmediate(next);
  };
  setImmediate(next);
}
