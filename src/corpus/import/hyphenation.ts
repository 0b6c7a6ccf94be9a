// A word split across a line break with a hyphen: one word ("agree-" +
// "ment" → "agreement") or a real hyphenated word ("non-" + "aggression"
// stays "non-aggression")?
//
// The decision, first rule that applies:
//   1. the text's own vocabulary: the hyphenated form written elsewhere keeps
//      the hyphen; the joined form written elsewhere joins;
//   2. prefixes English hyphenates before a word ("non-", "self-", "ex-", …)
//      and a prefix ending in the vowel the word starts with ("de-escalation",
//      "re-elect", "anti-inflation") keep it;
//   3. capitals or digits after the hyphen ("U.S.-Russian", "COVID-19") keep it;
//   4. the joined form in an English word list (`word-list`, MIT, ~274k words
//      from the atebits/Words list) joins;
//   5. both halves words on their own keep the hyphen ("peace-loving");
//   6. otherwise join: a long word cut by the layout ("Zapo-" + "rizhzhia").
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

/** Prefixes written with a hyphen before a full word (Chicago Manual 7.89 and common usage). */
const HYPHEN_PREFIXES = new Set(['non', 'self', 'ex', 'all', 'quasi', 'cross', 'half', 'well', 'anti', 'post', 'pan']);

/** Prefixes hyphenated before a word starting with their own last vowel (Chicago Manual 7.89, "de-emphasize"). */
const VOWEL_PREFIXES = new Set(['de', 're', 'co', 'pre', 'pro', 'anti', 'semi', 'multi', 'intra', 'extra', 'ultra', 'infra', 'micro', 'macro', 'auto', 'neo']);

let words: Set<string> | undefined;
function wordList(): Set<string> {
  words ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return words;
}

/** Word forms as written in a text, lower-cased: `hyphenated` (with inner hyphens) and `plain`. */
export interface Vocabulary {
  hyphenated: Set<string>;
  plain: Set<string>;
}

/** The vocabulary of `text` (the lines as they stand, before any joining). */
export function vocabularyOf(lines: string[]): Vocabulary {
  const hyphenated = new Set<string>();
  const plain = new Set<string>();
  for (const line of lines) {
    // A line-final "word-" is the very thing being decided: not evidence.
    for (const m of line.replace(/\p{L}+-\s*$/u, '').matchAll(/[\p{L}\d.]+(?:-[\p{L}\d]+)*/gu)) {
      const w = m[0].toLowerCase().replace(/^\.+|\.+$/g, '');
      if (w.includes('-')) hyphenated.add(w);
      else plain.add(w);
    }
  }
  return { hyphenated, plain };
}

/**
 * Join `head` (a line ending in "-") with `tail` (the next line).
 * Returns the joined text: hyphen kept or dropped by the rules above.
 */
export function joinHyphenated(head: string, tail: string, vocabulary: Vocabulary): string {
  const before = /([\p{L}\d.]+)-$/u.exec(head);
  const after = /^([\p{L}\d]+)/u.exec(tail);
  if (!before || !after) return `${head}${tail}`;
  return keepHyphen(before[1], after[1], vocabulary) ? `${head}${tail}` : `${head.slice(0, -1)}${tail}`;
}

/** True when `left-right` is a hyphenated word, false when `leftright` is one word cut by the line end. */
export function keepHyphen(left: string, right: string, vocabulary: Vocabulary): boolean {
  const l = left.toLowerCase();
  const r = right.toLowerCase();
  const lastPart = l.split('-').pop()!;
  if (vocabulary.hyphenated.has(`${l}-${r}`)) return true;
  if (vocabulary.plain.has(`${l}${r}`)) return false;
  if (HYPHEN_PREFIXES.has(lastPart) && isWord(r)) return true;
  if (VOWEL_PREFIXES.has(lastPart) && lastPart.at(-1) === r[0]) return true;
  if (/^[\p{Lu}\d]/u.test(right) || /[\d.]/.test(left) || l.includes('-')) return true;
  if (isWord(`${l}${r}`)) return false;
  if (isWord(l) && isWord(r) && l.length > 1 && r.length > 1) return true;
  return false;
}

function isWord(w: string): boolean {
  return wordList().has(w);
}
