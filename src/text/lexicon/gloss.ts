// Turning a dictionary gloss into the one word the comparison can match on.
import { normalizeWord } from '../normalize.js';
import { isStopWord, stemWord } from '../stem.js';

/**
 * The single content word of an English gloss ("to take out" → "take",
 * "an armistice" → "armistice"), or undefined when the gloss has several
 * ("prisoner of war"): a multi-word gloss is a phrase, and one of its words
 * alone would link too much. Parenthesised notes are dropped first.
 */
export function englishHead(gloss: string): string | undefined {
  const words = gloss
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .split(/[^\p{L}'-]+/u)
    .map((w) => normalizeWord(w))
    .filter((w) => w && /^\p{Script=Latin}/u.test(w) && !isStopWord(w, 'en') && w !== 'to' && w !== 'smth' && w !== 'smb' && w !== 'sth' && w !== 'sb');
  return words.length === 1 && words[0].length > 1 ? words[0] : undefined;
}

/** Porter stem of an English word (normalised). */
export const englishStem = (word: string) => stemWord(normalizeWord(word), 'en');

/** Lemma of a Russian word (normalised, ё folded). */
export const russianLemmaOf = (word: string) => stemWord(normalizeWord(word), 'ru');
