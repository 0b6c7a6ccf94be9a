// The asynchronous loader: like `loadCorpus`, but bulk files (JSON Lines, CSV)
// are streamed rather than read whole, and progress is reported by bytes, so a
// caller can draw a progress bar while tens of thousands of passages load.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { addBulkFile, isBulkFile } from './bulk-file.js';
import { addPath, BUILTIN_CORPUS_DIR, displayPath, type LoadOptions } from './load.js';
import type { Corpus } from './types.js';

export type { LoadProgress } from './load.js';

export async function loadCorpusAsync(options: LoadOptions = {}): Promise<Corpus> {
  const corpus: Corpus = { documents: [], issues: [] };
  if (options.builtin !== false) addPath(corpus, BUILTIN_CORPUS_DIR, true);
  for (const p of options.corpora ?? []) {
    const path = resolve(p);
    if (isBulkFile(path) && isFile(path)) {
      const shown = displayPath(path);
      const onProgress = options.onProgress;
      await addBulkFile(corpus, path, {
        shown,
        builtin: false,
        cache: options.bulkCache,
        onProgress: onProgress && ((doneBytes, totalBytes) => onProgress({ file: shown, doneBytes, totalBytes })),
      });
    } else {
      addPath(corpus, path, false, { bulkCache: options.bulkCache });
    }
  }
  return corpus;
}

/** True when any of the paths is a bulk file (callers then prefer the streaming loader). */
export function hasBulkFiles(paths: string[] = []): boolean {
  return paths.some((p) => isBulkFile(p));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
