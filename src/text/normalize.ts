import { fold } from './fold.js';
// String-level normalisation shared by every comparison: typographic quotes,
// dashes and spaces are variants of one another across reprints (Axios, AFP,
// machine translation), so they must not count as changes.

const QUOTES: [RegExp, string][] = [
  [/[\u2018\u2019\u201a\u201b\u2032\u02bc]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"'],
];
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;
const SPACES = /[\u00a0\u2007\u2009\u202f\u200a\u2002\u2003]/g;

/** The fold of foldText (NFC, no invisible characters, full-width forms, LF), straight quotes, ASCII hyphen for every dash, one space for any run of spaces. */
export function normalizeText(text: string): string {
  let out = fold(text);
  for (const [re, to] of QUOTES) out = out.replace(re, to);
  return out.replace(DASHES, '-').replace(SPACES, ' ').replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

/**
 * The comparison form of one word: lower case, straight apostrophe, ASCII
 * hyphen, and `ё` folded into `е` (Russian print omits the diaeresis at will,
 * so `вооружённые` and `вооруженные` are the same word).
 */
export function normalizeWord(word: string): string {
  // Printable ASCII: fold, the quotes, dashes and ё change nothing (all of them are beyond ASCII), and a
  // word has no double space; five regex passes saved per new word of a bulk corpus, nearly all ASCII.
  if (isPrintableAscii(word)) return word.toLowerCase();
  let out = fold(word).toLowerCase();
  for (const [re, to] of QUOTES) out = out.replace(re, to);
  return out.replace(DASHES, '-').replace(/ё/g, 'е');
}

/** Every UTF-16 unit is printable ASCII (0x20–0x7e) and no two spaces follow each other (what fold leaves as it is). */
function isPrintableAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || (c === 0x20 && word.charCodeAt(i + 1) === 0x20)) return false;
  }
  return true;
}
