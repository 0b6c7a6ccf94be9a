// Words for counting: the denominator of every feature rate. Numbers, dates
// and punctuation are not words here, so "2,000" or "2019" cannot change a rate.

export interface Span {
  start: number;
  end: number;
}

const WORD = /[A-Za-z]+(?:['-][A-Za-z]+)*/g;

/** Word spans of a (normalised) text. */
export function wordSpans(text: string): Span[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}

export function countWords(text: string): number {
  return wordSpans(text).length;
}
