// Figures: numbers with their value and, when the text names it, their unit.
// Currency is one unit however written: "€200 billion", "EUR 200 billion",
// "200 billion euros", "200 млрд евро" are all { value: 2e11, unit: 'EUR' }.
import { fold } from './fold.js';
import { lexTokens, type Token } from './lex.js';
import { VULGAR_CLASS } from './fractions.js';
import { mayHoldNumberWord } from './number-words.js';
import { CURRENCY_CODES, CURRENCY_SIGN_UNITS, UNITS } from './numbers.js';

export interface Figure {
  value: number;
  text: string;
  start: number;
  end: number;
  unit?: string;
  /**
   * True for a fraction written as one ("two-thirds", "2/3 of", "½", "половину"; value in (0, 1)):
   * a part of a quantity, which compares with a percentage of it ("half" = "50%", see align/diff.ts).
   */
  fraction?: true;
}

function unitOf(word: string | undefined, side: 'en' | 'ru'): string | undefined {
  if (!word) return undefined;
  return UNITS.find((u) => u[side].some((prefix) => word.startsWith(prefix)))?.unit;
}

/** Only spaces (of any kind) or invisible characters between two offsets. */
const blank = (s: string) => /^[\p{Zs}\t\p{Cf}\p{Default_Ignorable_Code_Point}]*$/u.test(s);

/**
 * False when `text` holds no figure: no digit of any script (full-width too, and raised digits, which
 * fold to a figure after a space: "³⁰ years", see fold.ts) and no number word. True errs on the side of true.
 */
export function mayHoldFigure(text: string): boolean {
  return DIGIT.test(text) || VULGAR_FRACTION.test(text) || mayHoldNumberWord(text);
}

/** A vulgar fraction character ("½", "⅔"; fractions.ts). */
const VULGAR_FRACTION = new RegExp(`[${VULGAR_CLASS}]`, 'u');

/** A digit of any script, or a raised digit (see mayHoldFigure). */
export const DIGIT = /[\p{Nd}\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089]/u;

/** Figures of `text` with offsets into `text` as given (UTF-16 units). */
export function figures(text: string, language: string): Figure[] {
  // Text with no figure needs no lexing (a second lexing pass per passage when indexing a bulk corpus).
  if (!mayHoldFigure(text)) return [];
  // Kept for tokenize(), which usually lexes the same text next (see lexTokens).
  return figuresOf(lexTokens(text, language, { keep: true }), text);
}

/**
 * The figures among `tokens`, the lexTokens (or tokenize: its tags change no
 * number) of `text`, for a text that mayHoldFigure. figures() is this on a
 * fresh lexing; a caller that tokenizes the text anyway passes its own tokens.
 */
export function figuresOf(tokens: Token[], text: string): Figure[] {
  const out: Figure[] = [];
  tokens.forEach((t, i) => {
    // Numbers, and number words below ten ("three"), which the lexer leaves as words with a value.
    if (t.kind !== 'number' && t.value === undefined) return;
    const side = t.lang === 'en' || t.lang === 'other' ? 'en' : 'ru';
    let unit: string | undefined;
    const surface = fold(t.text);
    // The first code point, without an array of them all.
    const sign = surface.length ? String.fromCodePoint(surface.codePointAt(0)!) : undefined;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const after = fold(text.slice(t.end, t.end + 6));
    if (/%\s*$/.test(surface)) unit = '%';
    else if (sign && CURRENCY_SIGN_UNITS[sign]) unit = CURRENCY_SIGN_UNITS[sign];
    else if (prev && CURRENCY_CODES[prev.norm] && blank(text.slice(prev.end, t.start))) unit = CURRENCY_CODES[prev.norm];
    else if (/^[\p{Zs}]?[$€£₽₴]/u.test(after)) unit = CURRENCY_SIGN_UNITS[after.trimStart()[0]];
    // The unit is the next word, when it follows the figure directly.
    else if (next && next.kind !== 'number' && blank(text.slice(t.end, next.start))) unit = unitOf(next.norm, side);
    const figure: Figure = { value: t.value!, text: t.text, start: t.start, end: t.end, ...(unit ? { unit } : {}) };
    // A fraction the lexer read (Token.fraction), a part of a quantity when below one ("1½ million" is none).
    if (t.fraction && t.value! > 0 && t.value! < 1) figure.fraction = true;
    out.push(figure);
  });
  return out;
}
