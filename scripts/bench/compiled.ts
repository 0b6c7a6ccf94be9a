// The modules the benchmark times, from dist/ (what `provenance` and `npm start`
// run, compiled by tsc), not the TypeScript sources as tsx transpiles them.
//
// Why (1 Dec 2026, kremlin archive, one process each, warm): tsx compiles with
// esbuild's keepNames, which wraps every function it names in a `__name(…)`
// call, also each closure made afresh inside the matcher's and tokeniser's
// loops. Under it a whole-plan match with the fixed scorer took 204–242 ms
// against 153–199 ms from dist/, and the bench printed the slower figure as
// the tool's. The bench runs `npm run build` before any corpus (ensureBuilt).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type LoadAsync = typeof import('../../src/corpus/load-async.js');
type Load = typeof import('../../src/corpus/load.js');
type Match = typeof import('../../src/provenance/match.js');
type OpenIndex = typeof import('../../src/provenance/open-index.js');
type Passages = typeof import('../../src/provenance/passages.js');
type Brute = typeof import('../../src/provenance/brute-index.js');

export interface CompiledModules {
  loadCorpusAsync: LoadAsync['loadCorpusAsync'];
  loadCorpus: Load['loadCorpus'];
  findDocument: Load['findDocument'];
  matchPlan: Match['matchPlan'];
  forgetPointPairs: Match['forgetPointPairs'];
  openPassageIndex: OpenIndex['openPassageIndex'];
  openPassageIndexAsync: OpenIndex['openPassageIndexAsync'];
  defaultIndexThreads: OpenIndex['defaultIndexThreads'];
  documentPassages: Passages['documentPassages'];
  BruteForceIndex: Brute['BruteForceIndex'];
}

/**
 * Import the benchmark's functions from `<root>/dist` (all from there: one copy
 * of each module, so module state such as the key ids is shared as in the CLI).
 * Throws the import's error when dist/ is missing or older than a source's exports.
 */
export async function compiledModules(root: string): Promise<CompiledModules> {
  const from = <T>(path: string) => import(pathToFileURL(join(root, 'dist', path)).href) as Promise<T>;
  const [loadAsync, load, match, open, passages, brute] = await Promise.all([
    from<LoadAsync>('corpus/load-async.js'),
    from<Load>('corpus/load.js'),
    from<Match>('provenance/match.js'),
    from<OpenIndex>('provenance/open-index.js'),
    from<Passages>('provenance/passages.js'),
    from<Brute>('provenance/brute-index.js'),
  ]);
  return {
    loadCorpusAsync: loadAsync.loadCorpusAsync,
    loadCorpus: load.loadCorpus,
    findDocument: load.findDocument,
    matchPlan: match.matchPlan,
    forgetPointPairs: match.forgetPointPairs,
    openPassageIndex: open.openPassageIndex,
    openPassageIndexAsync: open.openPassageIndexAsync,
    defaultIndexThreads: open.defaultIndexThreads,
    documentPassages: passages.documentPassages,
    BruteForceIndex: brute.BruteForceIndex,
  };
}
