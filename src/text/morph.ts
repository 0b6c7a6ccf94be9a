// Russian lemmas from Az.js (npm `az`), whose OpenCorpora dictionaries ship
// inside the package: обмен/обмена/обмену → "обмен", день/дня/дней → "день".
// Ukrainian has no maintained morphological analyser on npm; it gets the
// Snowball-style stemmer of @nlpjs/lang-uk (a suffix stripper: stems, not lemmas).
//
// Az's `Morph.init(path, cb)` reads its files through the replaceable `Az.load`
// hook with fs.readFile. We swap in a loader that queues each request and then
// serve the queue with readFileSync, so the dictionaries are ready when
// `initMorphology()` returns and tokenising stays synchronous (no caller has to
// remember an `await`). Loading takes ~250–500 ms and ~95 MB, once per process,
// on the first Russian word (or earlier, by calling `initMorphology()`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type AzModule from 'az';

const require = createRequire(import.meta.url);

type Az = typeof AzModule;

let az: Az | undefined;
/** Time the last `initMorphology()` took to load the dictionaries, in ms (0 before). */
export let morphologyLoadMs = 0;

/**
 * Load Az.js and its OpenCorpora dictionaries synchronously (idempotent).
 * Throws an Error naming the file when a dictionary cannot be read.
 */
export function initMorphology(): void {
  if (az) return;
  const t0 = performance.now();
  const Az = require('az') as Az;
  const dicts = join(dirname(require.resolve('az/package.json')), 'dicts');
  const queue: [string, 'json' | 'arraybuffer', (err: Error | null, data?: unknown) => void][] = [];
  const original = Az.load;
  Az.load = (url, type, callback) => void queue.push([url, type, callback]);
  let failure: Error | null = null;
  let ready = false;
  try {
    Az.Morph.init(dicts, (err) => {
      failure = err;
      ready = !err;
    });
    // Every load is requested before the first one is served: Az counts
    // outstanding loads and would finish early if a callback ran inside init.
    while (queue.length && !failure) {
      const [url, type, callback] = queue.shift()!;
      let data: Buffer;
      try {
        data = readFileSync(url);
      } catch (e) {
        throw new Error(`cannot read the Russian morphology dictionary ${url}: ${(e as Error).message} (reinstall the npm package "az")`);
      }
      callback(null, type === 'json' ? JSON.parse(data.toString('utf8')) : data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    }
  } finally {
    Az.load = original;
  }
  if (failure || !ready) throw new Error(`Russian morphology (az) failed to load from ${dicts}: ${(failure as Error | null)?.message ?? 'incomplete'}`);
  az = Az;
  morphologyLoadMs = performance.now() - t0;
}

/** Most distinct words kept per language cache; bulk corpora repeat a small vocabulary millions of times. */
export const LEMMA_CACHE_SIZE = 200_000;

const ruCache = new Map<string, string>();
const ukCache = new Map<string, string>();

function remember<T>(cache: Map<string, T>, word: string, value: T): T {
  // Bounded: when full, drop the oldest tenth (Map keeps insertion order).
  if (cache.size >= LEMMA_CACHE_SIZE) {
    let drop = LEMMA_CACHE_SIZE / 10;
    for (const k of cache.keys()) {
      cache.delete(k);
      if (--drop <= 0) break;
    }
  }
  cache.set(word, value);
  return value;
}

interface Stemmer {
  stem(word: string): string;
}
let porterRu: Stemmer | undefined;

/**
 * Lemma of a lower-case Russian word with ё folded to е ("вооружённых" →
 * "вооружить", "перемирия" → "перемирие"). Words the OpenCorpora dictionary
 * lacks ("европой", "уиткоффа") get the Russian Porter stem from `natural`
 * instead of Az's guessers, which invent lemmas (европой → петь): a stem at
 * least folds the word's own inflections together.
 */
export function russianLemma(norm: string): string {
  const hit = ruCache.get(norm);
  if (hit !== undefined) return hit;
  initMorphology();
  const parse = az!.Morph(norm).find((p) => p.parser === 'Dictionary');
  let lemma: string;
  if (parse) lemma = parse.normalize().word.toLowerCase().replace(/ё/g, 'е');
  else {
    porterRu ??= require('natural/lib/natural/stemmers/porter_stemmer_ru.js') as Stemmer;
    lemma = porterRu.stem(norm);
  }
  return remember(ruCache, norm, lemma);
}

let stemmerUk: { stem(words: string[]): string[] } | undefined;

/** Stem of a lower-case Ukrainian word (@nlpjs/lang-uk's StemmerUk, a Snowball-style suffix stripper). */
export function ukrainianStem(norm: string): string {
  const hit = ukCache.get(norm);
  if (hit !== undefined) return hit;
  if (!stemmerUk) {
    const StemmerUk = require('@nlpjs/lang-uk/src/stemmer-uk.js') as new () => { stem(words: string[]): string[] };
    stemmerUk = new StemmerUk();
  }
  return remember(ukCache, norm, stemmerUk.stem([norm])[0] ?? norm);
}

/**
 * True when Az.js's dictionary reads a lower-case Russian word first as an adverb (OpenCorpora
 * ADVB: "постоянно", "навсегда", "впредь"); false for words outside the dictionary.
 */
export function russianIsAdverb(norm: string): boolean {
  const hit = adverbCache.get(norm);
  if (hit !== undefined) return hit;
  initMorphology();
  return remember(adverbCache, norm, az!.Morph(norm).find((p) => p.parser === 'Dictionary')?.tag.POST === 'ADVB');
}

/** russianIsAdverb's answers, bounded like the lemma cache (a full Az.js parse per negation was the cost). */
const adverbCache = new Map<string, boolean>();
