// Document summaries (what `provenance list` prints) cached on disk, keyed by
// the contents of every corpus file and of the loader's own code. A hit costs
// reading and hashing the files — no YAML parser, schema library or language
// detector is loaded — which is most of `provenance list`'s start-up time.
// A miss loads the corpus as usual and stores the result for the next run.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_DIR, readCache, writeCache } from '../util/disk-cache.js';
import type { LoadOptions } from './load.js';
import { loaderCodeFingerprint } from './loader-code.js';
import type { DocumentSummary } from './summary.js';
import type { LoadIssue } from './types.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Same folder as load.ts's BUILTIN_CORPUS_DIR (not imported: load.ts pulls in the parser). */
const BUILTIN_DIR = resolve(HERE, '../../corpora');
/** Older cache files beyond this many are removed when a new one is written. */
const KEEP = 8;

export interface CorpusSummaries {
  summaries: DocumentSummary[];
  issues: LoadIssue[];
  /** True when the summaries came from the cache. */
  cached: boolean;
}

export async function loadSummaries(options: LoadOptions = {}, cacheDir = CACHE_DIR): Promise<CorpusSummaries> {
  const paths = [...(options.builtin !== false ? [BUILTIN_DIR] : []), ...(options.corpora ?? []).map((p) => resolve(p))];
  const key = cacheKey(paths);
  const name = `summaries-${key}.json`;
  const stored = readCache<Omit<CorpusSummaries, 'cached'>>(cacheDir, name);
  if (stored) return { ...stored, cached: true };
  const [{ loadCorpusAsync }, { summarizeDocument }] = await Promise.all([import('./load-async.js'), import('./summary.js')]);
  const corpus = await loadCorpusAsync(options);
  const result = { summaries: corpus.documents.map(summarizeDocument), issues: corpus.issues };
  writeCache(cacheDir, name, result, 'summaries-', KEEP);
  return { ...result, cached: false };
}

/**
 * Everything the summaries depend on: the working directory (paths in messages
 * are shown relative to it), each source path and the contents of every file
 * below it, and the loader's code and libraries.
 */
function cacheKey(paths: string[]): string {
  const h = createHash('sha256');
  h.update(`cwd ${process.cwd()}\n`);
  h.update(loaderCodeFingerprint());
  for (const path of paths) {
    h.update(`source ${path}\n`);
    for (const file of filesBelow(path)) {
      h.update(`file ${file}\n`);
      h.update(readFileSync(file));
    }
  }
  return h.digest('hex').slice(0, 32);
}

/** Every regular file at or below `path` (a superset of what the loader reads: enough for a key). */
function filesBelow(path: string, depth = 0): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    return [];
  }
  if (!isDir) return [path];
  if (depth > 8) return [];
  let names: string[];
  try {
    names = readdirSync(path).sort();
  } catch {
    return [];
  }
  return names.filter((n) => !n.startsWith('.')).flatMap((n) => filesBelow(join(path, n), depth + 1));
}
