// Name keys of the glossary's one-word names → concept, so a spelling the
// glossary does not list ("Lugansk", "Київ", "Zaporozhye") still finds its row
// (tokenize.ts asks it for every entity token without a glossary form).
//
// Building the map stems every Russian name form, which loads the Russian
// analyser (az: ~0.2 s of CPU and ~95 MB, profiled 30 Nov 2026) in every
// process and index worker, English-only ones included. For the shipped
// glossary the map is therefore kept on disk, keyed by everything it is
// derived from, and read back in about a millisecond.
import { CACHE_DIR, cachedMap } from '../util/disk-cache.js';
import { glossaryCacheKey, loadGlossary, type Glossary } from './glossary.js';
import { nameKey } from './names.js';
import { stemWord } from './stem.js';

const built = new WeakMap<Glossary, Map<string, string>>();

/**
 * Name key (names.ts) of each one-word place, body and person form of the
 * glossary, in both languages → its concept. A key two concepts share is
 * dropped (ambiguous). Forms with a space, all-capital forms (acronyms) and
 * keys under 3 letters are left out. For the shipped glossary the map comes
 * from the disk cache when one matches; a cache that cannot be read or
 * written is ignored (the map is then computed).
 */
export function nameConcepts(glossary: Glossary, cacheDir = CACHE_DIR): Map<string, string> {
  let map = built.get(glossary);
  if (map) return map;
  map = glossary === loadGlossary() ? cachedNameConcepts(glossary, cacheDir) : computeNameConcepts(glossary);
  built.set(glossary, map);
  return map;
}

/** The map, computed (see nameConcepts). */
export function computeNameConcepts(glossary: Glossary): Map<string, string> {
  const map = new Map<string, string>();
  const clash = new Set<string>();
  for (const e of glossary.entries) {
    if (e.type === 'term') continue;
    for (const [side, forms] of [['en', e.en], ['ru', e.ru]] as const) {
      for (const form of forms) {
        if (/\s/.test(form) || form === form.toUpperCase()) continue;
        const key = nameKey(stemWord(form.toLowerCase().replace(/ё/g, 'е'), side));
        if (key.length < 3) continue;
        if (map.has(key) && map.get(key) !== e.concept) clash.add(key);
        map.set(key, e.concept);
      }
    }
  }
  for (const k of clash) map.delete(k);
  return map;
}

/** The map from the cache in `cacheDir` when one matches, else computed and stored there (errors ignored). */
export function cachedNameConcepts(glossary: Glossary, cacheDir: string): Map<string, string> {
  // Keyed like the glossary's forms: the same inputs (glossary, text layer, az, natural).
  return cachedMap(cacheDir, 'name-concepts-', glossaryCacheKey(), () => computeNameConcepts(glossary));
}
