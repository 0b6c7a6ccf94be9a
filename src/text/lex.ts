// Raw tokens: words, numbers and acronyms with exact offsets, normalised and
// stemmed, before any glossary lookup (the glossary itself is built with these).
import { foldText, originalSpan, type Folded } from './fold.js';
import { digitFraction, TIME_UNITS, EN_CUE_BEFORE, EN_HALF_BEFORE, EN_HALF_NEXT, EN_ONE, EN_PERIOD_BEFORE, CYRILLIC_PERIOD_BEFORE, fractionWord, mayBeFractionWord, oneWordFraction, VULGAR, VULGAR_CLASS } from './fractions.js';
import { monthCandidate } from './months.js';
import { normalizeWord } from './normalize.js';
import { AND_A_HALF, HALF_A, homographIsNumber, isHomograph, NUMBER_JOINERS, NumeralReader, numberWord, wordsValue } from './number-words.js';
import { canonicalNumber, CURRENCY_SIGNS, numberValue, SCALE_PATTERN } from './numbers.js';
import { isNegation } from './polarity.js';
import { isStopWord, stemWord, type Lang } from './stem.js';
import { byWord, byWordAt } from './word-cache.js';

export interface Token {
  /** The surface form: `text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** Lower case, quotes/dashes normalised, ё→е; for numbers the canonical value ("600000"). */
  norm: string;
  /** Porter stem (en), dictionary lemma (ru, Az.js), Snowball-style stem (uk); for numbers the canonical value. */
  stem: string;
  kind: 'word' | 'number' | 'entity';
  stop: boolean;
  lang: Lang;
  /** Glossary concept id shared by English and Russian words ("nato", "sanction", "donetsk"). */
  concept?: string;
  /** Inside a glossary phrase, the concept the word has on its own ("guarantee" in "security guarantees"). */
  broader?: string;
  /** For numbers: the value; also set on a number word below ten ("three"), which stays a word. */
  value?: number;
  /**
   * True for a number the lexer read as a fraction: "two-thirds", "a third of", "half", "половину",
   * "2/3", "½", "1½" (with a scale word: "a quarter million"). figures() reads it (Figure.fraction).
   */
  fraction?: true;
  /** True for a negation cue ("not", "never", "не", "без"): never a stop word. */
  negation?: boolean;
  /** For a hyphenated compound ("Ukrainian-Russian"), the concepts of its parts (set by tokenize). */
  parts?: string[];
  /** For a number, the unit its passage gives it (set by provenance's spanTokens). */
  unit?: string;
}

/**
 * A token with every optional field present, undefined until a later stage sets it, so that every
 * token has one hidden class. Tokens with nine different sets of fields (a field added here and
 * there: negation, value, concept, …) made the tokenizer's hot functions megamorphic and
 * deoptimised them whenever a new set first came by: with the other paths first taken late, a
 * fresh pass over the kremlin archive compiled tokenizeWithFacts ~11 times and lexFresh and
 * spelledNumbers ~10 times each (now 3, 5 and 5). JSON.stringify leaves undefined fields out, and
 * the fields are in the order the pipeline sets them (negation in lexFresh, value and fraction in
 * lexSpecial and spelledNumbers, concept, broader and parts in tokenize, unit in spanTokens), so a token's JSON is
 * as before.
 */
function newToken(text: string, start: number, end: number, norm: string, stem: string, kind: Token['kind'], stop: boolean, lang: Lang): Token {
  return { text, start, end, norm, stem, kind, stop, lang, negation: undefined, value: undefined, fraction: undefined, concept: undefined, broader: undefined, parts: undefined, unit: undefined };
}

/** A copy of `t` (its optional fields too) with the fixed fields given: a spread ({ ...t }) would make a token of another hidden class. */
function copyToken(t: Token, text: string, start: number, end: number, norm: string, stem: string, kind: Token['kind'], stop: boolean): Token {
  const copy = newToken(text, start, end, norm, stem, kind, stop, t.lang);
  copy.negation = t.negation;
  copy.value = t.value;
  copy.fraction = t.fraction;
  copy.concept = t.concept;
  copy.broader = t.broader;
  copy.parts = t.parts;
  copy.unit = t.unit;
  return copy;
}

/** A copy of `t` with a value ("three", "five-year"). */
function withValue(t: Token, value: number): Token {
  const copy = copyToken(t, t.text, t.start, t.end, t.norm, t.stem, t.kind, t.stop);
  copy.value = value;
  return copy;
}

/** A number token (newToken) of canonical value `canon`. */
function numberToken(text: string, start: number, end: number, canon: string, lang: Lang, value: number): Token {
  const token = newToken(text, start, end, canon, canon, 'number', false, lang);
  token.value = value;
  return token;
}

/** A number token read as a fraction (Token.fraction). */
function fractionToken(text: string, start: number, end: number, canon: string, lang: Lang, value: number): Token {
  const token = numberToken(text, start, end, canon, lang, value);
  token.fraction = true;
  return token;
}

/** A word: letters and marks, inner apostrophes or hyphens. */
const WORD = "[\\p{L}\\p{M}]+(?:['\\u2019\\-\\u2010\\u2011][\\p{L}\\p{M}]+)*";
// The token pattern; the alternation order matters: numeric dates, numbers
// (with an optional currency sign, thousands groups — comma, space, or dots when
// there are two or more: "1.500.000" — decimal part, scale word and %),
// dotted acronyms ("U.S."), then words with inner apostrophes or hyphens.
const NAMED_TOKEN_RE = [
  // Numeric dates: "14.02.2026" (day.month.year, the Russian and Ukrainian habit) and ISO "2026-02-14".
  '(?<![\\d.,])(?:(?<dmy>(?<dd>\\d{1,2})\\.(?<dm>\\d{1,2})\\.(?<dy>\\d{4}))|(?<ymd>(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2})))(?![\\d.,]\\d|\\d)',
  `(?<num>[${CURRENCY_SIGNS}]?(?:\\d{1,3}(?:[,\\u00a0\\u202f ]\\d{3})+(?!\\d)|\\d{1,3}(?:\\.\\d{3}){2,}(?!\\d|\\.\\d)|\\d+(?:[.,]\\d+)?)(?:\\s?(?<scale>${SCALE_PATTERN})(?![\\p{L}]))?(?:\\s?%)?)`,
  '(?<acr>(?:\\p{Lu}\\.){2,})',
  // A word: the one alternative without a group of its own (no capture to allocate for the commonest match).
  WORD,
].join('|');
/** Group numbers of the named groups above: the regex is run without names, since a named group costs a `groups` object per match. */
const GROUP = Object.fromEntries([...NAMED_TOKEN_RE.matchAll(/\(\?<([a-z]+)>/g)].map((m, i) => [m[1], i + 1])) as Record<'dmy' | 'dd' | 'dm' | 'dy' | 'ymd' | 'iy' | 'im' | 'id' | 'num' | 'scale' | 'acr', number>;
/** The token pattern at one position (sticky), without group names. */
const TOKEN_AT = new RegExp(NAMED_TOKEN_RE.replace(/\(\?<[a-z]+>/g, '('), 'uy');
/**
 * Where TOKEN_AT can match, and so where a global search with it would stop next: a digit (a number at
 * least), a currency sign before a digit, or a letter or mark (a word at least). A zero-width match: a
 * test() leaves lastIndex at the position, and no match array is made.
 */
const TOKEN_START = new RegExp(`(?=[0-9\\p{L}\\p{M}${VULGAR_CLASS}]|[${CURRENCY_SIGNS}]\\d)`, 'gu');
/** The word alternative at one position: its lastIndex after a test() is the word's end. */
const WORD_AT = new RegExp(WORD, 'uy');
const CURRENCY_CODE_UNITS = new Set([...CURRENCY_SIGNS].map((c) => c.charCodeAt(0)));

const isAsciiLetter = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
const isAsciiDigit = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * Where TOKEN_START matches first at or after `from`, or -1. The ASCII between two tokens
 * (spaces, punctuation) is skipped here without a regex call (with wordEnd: ~9 % less CPU
 * for the tokenise pass over the kremlin archive, where nearly every gap and word is ASCII).
 */
function tokenStart(plain: string, from: number): number {
  for (let i = from; i < plain.length; i++) {
    const code = plain.charCodeAt(i);
    if (code >= 0x80) {
      TOKEN_START.lastIndex = i;
      return TOKEN_START.test(plain) ? TOKEN_START.lastIndex : -1;
    }
    // ASCII: letters and digits start a token, and "$" before a digit; nothing else does.
    if (isAsciiLetter(code) || isAsciiDigit(code) || (code === 0x24 && i + 1 < plain.length && isAsciiDigit(plain.charCodeAt(i + 1)))) return i;
  }
  return -1;
}

/**
 * The end of the word (WORD_AT) that starts at `start`: a run of ASCII letters ended by ASCII that cannot go on a word is read here.
 * No charCodeAt here or in lexFresh reads past the end (a NaN there deoptimised lexFresh, in which this is inlined).
 */
function wordEnd(plain: string, start: number): number {
  const n = plain.length;
  let i = start;
  while (i < n && isAsciiLetter(plain.charCodeAt(i))) i++;
  // The end, or ASCII other than an apostrophe or a hyphen (which may join a next part): the word ends here.
  if (i > start && (i === n || (plain.charCodeAt(i) < 0x80 && plain.charCodeAt(i) !== 0x27 && plain.charCodeAt(i) !== 0x2d))) return i;
  WORD_AT.lastIndex = start;
  WORD_AT.test(plain);
  return WORD_AT.lastIndex;
}

const LANGS = new Map<string, Lang>([
  ['en', 'en'],
  ['ru', 'ru'],
  ['uk', 'uk'],
]);

/** en, ru, uk or other (a Map rather than string compares: a compare first reached by a Russian text deoptimised lexFresh). */
export function languageOf(language: string): Lang {
  return LANGS.get(language) ?? 'other';
}

function tokenLang(word: string, docLang: Lang): Lang {
  if (/\p{Script=Cyrillic}/u.test(word)) return docLang === 'uk' ? 'uk' : 'ru';
  if (/\p{Script=Latin}/u.test(word)) return docLang === 'other' ? 'other' : 'en';
  return docLang;
}

/** JavaScript's \s: WhiteSpace and LineTerminator. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Code units that may open a sentence before its first word: " ' « “ „ ‘ ( [ */
const OPENERS = new Set([...`"'«“„‘([`].map((c) => c.charCodeAt(0)));
/** Code units that end a sentence or a list marker: . ! ? : ; - – — • ) */
const ENDERS = new Set([...'.!?:;-–—•)'].map((c) => c.charCodeAt(0)));

/**
 * True when the word opens a sentence or a list item (capitals there say nothing about names).
 * Read by code unit rather than by regex tests of one-character strings (per capitalised word).
 */
function atSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  for (; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || !(isSpace(c) || OPENERS.has(c))) break;
  }
  return i < 0 || text.charCodeAt(i) === 0x0a || ENDERS.has(text.charCodeAt(i));
}

export function isAcronym(word: string): boolean {
  const letters = word.replace(/\./g, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * Tokens of `text`, matched on its fold (foldText: NFC, no invisible
 * characters, one space for any run of space-like characters, NFKC for
 * full-width forms, LF line ends) and reported with offsets into `text` as
 * given: `text.slice(t.start, t.end) === t.text` always holds, even when a
 * soft hyphen sits inside the word. Numbers written in words become one
 * number token ("one hundred" → 100); month names get a `month-N` concept.
 */
export function lexTokens(text: string, language: string, options: { keep?: boolean } = {}): Token[] {
  return lexed(text, language, options.keep === true).tokens;
}

/**
 * lexTokens with, beside each token, the word facts it was made from
 * (undefined for numbers, acronyms, dates and spelled-out numbers), so that
 * tokenize and the term keys read what they derive from a word's surface off
 * its memo entry instead of looking it up per token again.
 */
export function lexWithFacts(text: string, language: string): Lexed {
  return lexed(text, language, false);
}

/** Tokens and, index for index, the word facts of each (see lexWithFacts). */
export interface Lexed {
  tokens: Token[];
  facts: (WordFacts | undefined)[];
}

function lexed(text: string, language: string, keep: boolean): Lexed {
  // A text is often lexed twice in a row: figures() (which only reads its tokens) keeps
  // them, and the next lexTokens of the same text (tokenize, which tags them in place)
  // takes them over, so neither lexes nor copies twice. Only figures() may pass `keep`.
  const at = memo.findIndex((m) => m.language === language && m.text === text);
  if (keep) {
    if (at >= 0) return memo[at].lexed;
    const fresh = lexFresh(text, language);
    memo.unshift({ text, language, lexed: fresh });
    memo.length = Math.min(memo.length, 2);
    return fresh;
  }
  if (at < 0) return lexFresh(text, language);
  return memo.splice(at, 1)[0].lexed;
}

/**
 * The tokens of a numeric date, as "14 February 2026" would give them: the day
 * and the year as numbers, the month as a word with the month concept (so
 * "14.02.2026" = "14 Feb 2026" = "14 февраля 2026", and "02" is no figure).
 * Undefined when the day or month is out of range.
 */
function numericDate(m: RegExpExecArray, fStart: number, text: string, folded: Folded, lang: Lang): Token[] | undefined {
  const dmy = m[GROUP.dmy] !== undefined;
  const parts = dmy ? [m[GROUP.dd], m[GROUP.dm], m[GROUP.dy]] : [m[GROUP.id], m[GROUP.im], m[GROUP.iy]];
  const [day, month] = [Number(parts[0]), Number(parts[1])];
  if (day < 1 || day > 31 || month < 1 || month > 12) return undefined;
  // Offsets of day, month and year inside the surface.
  const at = dmy ? [0, parts[0].length + 1, parts[0].length + parts[1].length + 2] : [8, 5, 0];
  const piece = (k: number): [number, number, string] => {
    const [s, e] = originalSpan(folded, fStart + at[k], fStart + at[k] + parts[k].length);
    return [s, e, text.slice(s, e)];
  };
  const number = (k: number): Token => {
    const [s, e, t] = piece(k);
    const canon = canonicalNumber(Number(parts[k]));
    return numberToken(t, s, e, canon, lang, Number(parts[k]));
  };
  const [ms, me, mt] = piece(1);
  const monthToken = newToken(mt, ms, me, `month-${month}`, `month-${month}`, 'word', false, lang);
  monthToken.concept = `month-${month}`;
  return dmy ? [number(0), monthToken, number(2)] : [number(2), monthToken, number(0)];
}

const LEADING_SIGN = new RegExp(`^[${CURRENCY_SIGNS}]`, 'u');
/** Tokens figures() kept for the next lexTokens of the same text (at most two texts). */
const memo: { text: string; language: string; lexed: Lexed }[] = [];

/**
 * The token at `fStart` of `folded` when TOKEN_AT must read it: a date, a number (or a fraction
 * in digits), a dotted acronym or a vulgar fraction, pushed onto `tokens` (and undefined facts onto
 * `wordFacts`); returns minus the folded end. Otherwise a word: returns its folded end, and lexFresh
 * makes the token. Kept out of lexFresh, which runs per token: its size decides what V8 inlines there.
 */
function lexSpecial(text: string, folded: Folded, fStart: number, docLang: Lang, tokens: Token[], wordFacts: (WordFacts | undefined)[]): number {
  const plain = folded.text;
  if (isVulgar(plain.charCodeAt(fStart))) {
    // A vulgar fraction on its own ("½ of the profits"); after digits ("1½") it is read with them below.
    wordFacts.push(undefined);
    return -vulgarToken(text, folded, fStart, docLang, tokens);
  }
  TOKEN_AT.lastIndex = fStart;
  const m = TOKEN_AT.exec(plain)!;
  const surface = m[0];
  let fEnd = fStart + surface.length;
  // Digits followed by a vulgar fraction or a slash ("1½", "2/3 of"): a fraction spans them both.
  const fraction = m[GROUP.num] !== undefined ? digitsFraction(plain, fStart, fEnd, surface) : undefined;
  if (fraction) fEnd = fraction.end;
  const [start, end] = originalSpan(folded, fStart, fEnd);
  const original = text.slice(start, end);
  if (fraction) {
    tokens.push(fractionToken(original, start, end, canonicalNumber(fraction.value), docLang, fraction.value));
    wordFacts.push(undefined);
    return -fEnd;
  }
  if (m[GROUP.dmy] !== undefined || m[GROUP.ymd] !== undefined) {
    const date = numericDate(m, fStart, text, folded, docLang);
    if (date) {
      tokens.push(...date);
      wordFacts.push(undefined, undefined, undefined);
      return -fEnd;
    }
    // Not a valid day and month ("31.13.2026"): its numbers as numbers.
    for (const n of surface.matchAll(/\d+/g)) {
      const [s, e] = originalSpan(folded, fStart + n.index!, fStart + n.index! + n[0].length);
      const canon = canonicalNumber(Number(n[0]));
      tokens.push(numberToken(text.slice(s, e), s, e, canon, docLang, Number(n[0])));
      wordFacts.push(undefined);
    }
    return -fEnd;
  }
  if (m[GROUP.num] !== undefined) {
    const digits = surface.replace(LEADING_SIGN, '').replace(/\s?%$/, '');
    const scale = m[GROUP.scale];
    const numberPart = scale ? digits.slice(0, digits.length - scale.length).trimEnd() : digits;
    const value = numberValue(numberPart, scale);
    const canon = canonicalNumber(value);
    tokens.push(numberToken(original, start, end, canon, docLang, value));
    wordFacts.push(undefined);
    return -fEnd;
  }
  if (m[GROUP.acr] !== undefined) {
    const lang = tokenLang(surface, docLang);
    const norm = normalizeWord(surface.replace(/\./g, ''));
    tokens.push(newToken(original, start, end, norm, norm, 'entity', false, lang));
    wordFacts.push(undefined);
    return -fEnd;
  }
  return fEnd;
}

// lexFresh runs once per token of every passage of a bulk corpus (5.3 M tokens in the
// kremlin archive), so its word path allocates nothing but the token: a word is found
// with two regex tests (no match array, no string cut: its surface string is the memo's),
// offsets are computed without [start, end] tuples, and the token has no object spreads.
function lexFresh(text: string, language: string): Lexed {
  const docLang = languageOf(language);
  const folded = foldText(text);
  const plain = folded.text;
  const identity = folded.identity === true;
  const tokens: Token[] = [];
  const wordFacts: (WordFacts | undefined)[] = [];
  // Whether the text is set in capitals: looked at once, at its first word in capitals (most texts have none).
  let shouting: boolean | undefined;
  for (let at = 0; ; ) {
    const fStart = tokenStart(plain, at);
    if (fStart < 0) break;
    const code = plain.charCodeAt(fStart);
    let fEnd: number;
    // An ASCII letter is neither a digit nor a currency sign (no Set lookup for the commonest token start).
    if ((isAsciiLetter(code) || ((code < 0x30 || code > 0x39) && !CURRENCY_CODE_UNITS.has(code) && !isVulgar(code))) && (fStart + 1 >= plain.length || plain.charCodeAt(fStart + 1) !== 0x2e) && (fStart + 2 >= plain.length || plain.charCodeAt(fStart + 2) !== 0x2e)) {
      // A letter with no full stop after it: no date, number or dotted acronym, so TOKEN_AT would match a word here.
      fEnd = wordEnd(plain, fStart);
      at = fEnd;
    } else {
      // Dates, numbers, fractions in digits and dotted acronyms: lexSpecial pushes them. Else a word, as TOKEN_AT matched it.
      const r = lexSpecial(text, folded, fStart, docLang, tokens, wordFacts);
      if (r < 0) {
        at = -r;
        continue;
      }
      fEnd = r;
      at = fEnd;
    }
    // What the surface form alone decides is memoised per distinct word (word-cache.ts); month and entity depend on context.
    let facts = byWordAt(docLang, plain, fStart, fEnd, surfaceFacts);
    // originalSpan, inlined: a match is never empty, and on an identity fold the surface is the original.
    const start = identity ? fStart : folded.starts[fStart];
    const end = identity ? fEnd : folded.ends[fEnd - 1];
    const original = identity ? facts.surface : text.slice(start, end);
    // In a text set in capitals every word looks like an acronym ("UKRAINE WILL NOT JOIN NATO"): there a
    // word in capitals is read as the word (its stem, stop-word and negation facts), and tokenize still
    // finds the glossary's acronyms (NATO, US, EU) from the token's own text.
    if (facts.acronym && (shouting ??= inCapitals(plain))) facts = byWord(docLang, facts.surface.toLowerCase(), surfaceFacts);
    const monthHit = facts.monthHit;
    // monthOf, with the word's part memoised: the context (a full stop or a day number beside it) is read only for a month name.
    const month =
      facts.acronym || !monthHit
        ? undefined
        : !monthHit.needsDate || plain[fEnd] === '.' || /^\s?\d/.test(plain.slice(fEnd, fEnd + 2)) || /\d\s?$/.test(plain.slice(Math.max(0, fStart - 2), fStart))
          ? monthHit.month
          : undefined;
    const stop = month === undefined && facts.stop;
    const entity = month === undefined && (facts.acronym || (facts.capitalised && !stop && !facts.negation && !atSentenceStart(plain, fStart)));
    const token = newToken(original, start, end, facts.norm, facts.stem, entity ? 'entity' : 'word', stop, facts.lang);
    if (facts.negation) token.negation = true;
    if (month !== undefined) token.concept = `month-${month}`;
    tokens.push(token);
    wordFacts.push(facts);
  }
  return spelledNumbers({ tokens, facts: wordFacts }, text);
}

/**
 * True when `text` is set in capitals: at least CAPITALS_MIN upper-case letters, and lower-case
 * ones at most a tenth of them (a heading or a telegram-style draft, not prose with a few
 * acronyms). Counted per UTF-16 unit over letters that have case.
 */
function inCapitals(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    // Prose gives up within a few words: even if every unit left were a capital, a tenth would be exceeded.
    if (lower > 0 && lower * 10 > upper + (text.length - i)) return false;
    const c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) upper++;
    else if (c >= 0x61 && c <= 0x7a) lower++;
    // Cyrillic by code unit, as language.ts counts it (no string per letter): Ѐ–Я upper, а–џ lower.
    else if (c >= 0x400 && c <= 0x42f) upper++;
    else if (c >= 0x430 && c <= 0x45f) lower++;
    else if (c >= 0x80) {
      const ch = text[i];
      const lo = ch.toLowerCase();
      const up = ch.toUpperCase();
      if (lo === up) continue;
      if (ch === up) upper++;
      else lower++;
    }
  }
  return upper >= CAPITALS_MIN && lower * 10 <= upper;
}

/** Upper-case letters a text needs before inCapitals calls it set in capitals: "NATO, US and EU" is not. */
const CAPITALS_MIN = 12;

/** A vulgar fraction character (fractions.ts): two range tests, as this runs per token start that is no ASCII letter. */
function isVulgar(code: number): boolean {
  return (code >= 0xbc && code <= 0xbe) || (code >= 0x2150 && code <= 0x215e);
}

/** Pushes onto `tokens` the number token of the vulgar fraction at `fStart` ("½", "¾%"); returns where lexing goes on. */
function vulgarToken(text: string, folded: Folded, fStart: number, lang: Lang, tokens: Token[]): number {
  const plain = folded.text;
  const [n, d] = VULGAR.get(plain.charCodeAt(fStart))!;
  // "½%": the percent sign is part of the figure, as in "50%".
  const at = fStart + 1 + percentAfter(plain, fStart + 1);
  const [start, end] = originalSpan(folded, fStart, at);
  tokens.push(fractionToken(text.slice(start, end), start, end, canonicalNumber(n / d), lang, n / d));
  return at;
}

/** The length of a percent sign (with a space before it or not) at `at`: 0, 1 or 2. */
function percentAfter(plain: string, at: number): number {
  if (plain.charCodeAt(at) === 0x25) return 1;
  return plain.charCodeAt(at) === 0x20 && plain.charCodeAt(at + 1) === 0x25 ? 2 : 0;
}

/** A scale word right after a fraction ("1½ million"), sticky. */
const SCALE_AFTER = new RegExp(`\\s?(${SCALE_PATTERN})(?![\\p{L}])`, 'uy');

/**
 * A fraction starting with the digits `surface` at `fStart` in `plain` and going on past
 * `fEnd`: "1½" (and "1½ million"), or "2/3" / "2⁄3" when digitFraction reads it as one.
 * Its value and folded end, or undefined.
 */
function digitsFraction(plain: string, fStart: number, fEnd: number, surface: string): { value: number; end: number } | undefined {
  const next = plain.charCodeAt(fEnd);
  if ((next !== 0x2f && next !== 0x2044 && !isVulgar(next)) || !/^\d{1,4}$/.test(surface)) return undefined;
  const whole = Number(surface);
  const vulgar = VULGAR.get(plain.charCodeAt(fEnd));
  if (vulgar) {
    let value = whole + vulgar[0] / vulgar[1];
    let end = fEnd + 1;
    SCALE_AFTER.lastIndex = end;
    const scale = SCALE_AFTER.exec(plain);
    if (scale) {
      value *= numberValue('1', scale[1]);
      end += scale[0].length;
    }
    return { value, end: end + percentAfter(plain, end) };
  }
  const f = digitFraction(plain, fStart, fEnd, whole);
  return f ? { value: whole / f.den, end: f.end } : undefined;
}

/** One-word numbers below this stay words (with a value): see spelledNumbers. */
const SMALL_SPELLED = 10;

/** True when every hyphen-separated part of the token's norm is a number word ("twenty-five"); never for a number token. */
function isNumberWord(t: Token, f: WordFacts | undefined): boolean {
  if (t.kind === 'number') return false;
  // A word token's answer is on its memo entry (this runs on every token).
  return f !== undefined ? f.numeric : spellsNumber(t.norm);
}

/** Every hyphen-separated part of `norm` is a number word. */
function spellsNumber(norm: string): boolean {
  if (!norm.includes('-')) return numberWord(norm) !== undefined;
  return norm.split('-').every((p) => numberWord(p) !== undefined);
}

/** A fraction word, or a hyphenated word whose last part is one ("two-thirds"). */
function isFractional(norm: string): boolean {
  return mayBeFractionWord(norm) || (norm.includes('-') && mayBeFractionWord(norm.slice(norm.lastIndexOf('-') + 1)));
}

/** A token spelledNumbers may replace: a number word, "half", or a hyphenated word (numberCompound). */
function mayBeSpelled(t: Token, f: WordFacts | undefined): boolean {
  // A word token's answer is on its memo entry (its norm is the entry's, and it is no number).
  if (f !== undefined) return f.spellable;
  return t.norm === 'half' || (t.kind !== 'number' && (t.norm.includes('-') || isNumberWord(t, f) || mayBeFractionWord(t.norm)));
}

/**
 * Runs of number words ("six hundred thousand", "шестьсот тысяч",
 * "twenty-five") become one number token spanning the run, so a figure
 * written in words compares by value with one written in digits. A run is cut
 * where a word does not compose with those before (NumeralReader): "five six
 * days" is two numbers, "пять-шесть" two tokens.
 */
function spelledNumbers(lexed: Lexed, text: string): Lexed {
  const { tokens, facts } = lexed;
  // Tokens before the first that may change are passed on as they are: most passages
  // have no number word nor hyphen, and need no second pair of arrays.
  let first = 0;
  while (first < tokens.length && !mayBeSpelled(tokens[first], facts[first])) first++;
  if (first === tokens.length) return lexed;
  const out: Token[] = tokens.slice(0, first);
  // A token passed on as it is keeps its word facts; a new or copied one has none.
  const outFacts: (WordFacts | undefined)[] = facts.slice(0, first);
  // Tokens k, k+1, … spell `words` (normalised), each after a blank gap.
  const spells = (k: number, words: string[]) =>
    words.every((w, n) => tokens[k + n]?.norm === w && (n === 0 || adjacent(tokens[k + n - 1], tokens[k + n], text)));
  // "half a million": "half a" before a scale word is one half of it.
  const halfA = (k: number) => spells(k, ['half', 'a']) && k + 2 < tokens.length && numberWord(tokens[k + 2].norm)?.role === 'scale' && adjacent(tokens[k + 1], tokens[k + 2], text);
  for (let i = first; i < tokens.length; i++) {
    const t = tokens[i];
    const half = t.norm === 'half' && halfA(i);
    // A fraction ("two-thirds", "a third of", "half of", "две трети", "половину"): one number token.
    // Looked for only at a word that may be or end one (a memoised fact: a lookup per token here was ~6 % of lexing).
    const fraction = half || t.kind === 'number' || !(facts[i] !== undefined ? facts[i]!.fractional : isFractional(t.norm)) ? undefined : fractionAt(tokens, i, out, text);
    if (fraction) {
      // Its numerator was passed on already: it is replaced.
      if (fraction.start < t.start) {
        out.pop();
        outFacts.pop();
      }
      const surface = text.slice(fraction.start, tokens[fraction.last].end);
      out.push(fractionToken(surface, fraction.start, tokens[fraction.last].end, canonicalNumber(fraction.value), t.lang, fraction.value));
      outFacts.push(undefined);
      i = fraction.last;
      continue;
    }
    if (!half && !isNumberWord(t, facts[i])) {
      // numberCompound only for a hyphenated word ("thirty-day"); every other token as it is.
      if (t.kind === 'number' || !t.norm.includes('-')) {
        out.push(t);
        outFacts.push(facts[i]);
      } else {
        const before = out.length;
        numberCompound(t, out);
        for (let k = before; k < out.length; k++) outFacts.push(out[k] === t ? facts[i] : undefined);
      }
      continue;
    }
    // Extend over number words, joined by spaces (or "and" between two number words; "and a half"),
    // while each composes with those before into one numeral (NumeralReader): "five six days" is two.
    RUN.reset();
    let j = i;
    // Where the number starts: inside a hyphenated word of two numbers ("пять-шесть тысяч"), its last part.
    let start = t.start;
    if (half) {
      RUN.push(HALF_A);
      j = i + 1;
    } else if (!RUN.pushWord(t.norm)) {
      start = leadingNumbers(t, out, outFacts);
      if (start < 0) {
        out.push(t);
        outFacts.push(facts[i]);
        continue;
      }
    }
    while (j + 1 < tokens.length) {
      const gap = text.slice(tokens[j].end, tokens[j + 1].start);
      if (!/^\s*$/.test(foldGap(gap))) break;
      if (spells(j + 1, ['and', 'a', 'half'])) {
        if (!RUN.push(AND_A_HALF)) break;
        j += 3;
        continue;
      }
      if (isNumberWord(tokens[j + 1], facts[j + 1])) {
        if (!RUN.pushWord(tokens[j + 1].norm)) break;
        j++;
        continue;
      }
      const joinerGap = j + 2 < tokens.length ? text.slice(tokens[j + 1].end, tokens[j + 2].start) : '';
      if (
        NUMBER_JOINERS.has(tokens[j + 1].norm) &&
        j + 2 < tokens.length &&
        isNumberWord(tokens[j + 2], facts[j + 2]) &&
        /^\s*$/.test(foldGap(joinerGap)) &&
        RUN.mayJoin() &&
        RUN.pushWord(tokens[j + 2].norm)
      ) {
        j += 2;
        continue;
      }
      break;
    }
    const piece = start !== t.start;
    // "семью" alone is "family" unless a counted noun follows ("семью годами"), "с нуля" "from scratch": see isHomograph.
    const homograph =
      i === j &&
      !piece &&
      isHomograph(t.norm) &&
      !homographIsNumber(t.norm, i > 0 && adjacent(tokens[i - 1], t, text) ? tokens[i - 1].norm : undefined, adjacent(t, tokens[i + 1], text) ? tokens[i + 1].norm : undefined);
    const value = homograph ? undefined : RUN.value();
    if (value === undefined) {
      if (piece) {
        out.push(pieceWord(t, start));
        outFacts.push(undefined);
        continue;
      }
      for (let k = i; k <= j; k++) {
        out.push(tokens[k]);
        outFacts.push(facts[k]);
      }
      i = j;
      continue;
    }
    if (i === j && !piece && value < SMALL_SPELLED) {
      // "three countries": style guides spell out one to nine in running
      // prose, where they are rarely the figure a reader tracks; the word
      // keeps its word key for matching and carries its value for figures().
      out.push(withValue(tokens[i], value));
      outFacts.push(undefined);
      continue;
    }
    const end = tokens[j].end;
    const canon = canonicalNumber(value);
    out.push(numberToken(text.slice(start, end), start, end, canon, tokens[i].lang, value));
    outFacts.push(undefined);
    i = j;
  }
  return { tokens: out, facts: outFacts };
}

/** The numeral spelledNumbers reads a run into (one for all runs: reset per run). */
const RUN = new NumeralReader();

/** The offsets of the hyphens of a hyphenated word's surface (it may hold invisible characters too). */
function hyphenOffsets(t: Token): number[] {
  return [...t.text.matchAll(/[-\u2010\u2011]/g)].map((m) => m.index!);
}

/**
 * A hyphenated word of number words that is no one numeral ("пять-шесть", "five-six", an
 * approximate range): pushes onto `out` a number for each part but the last (a word, when the
 * part is no figure alone: "one"), and leaves RUN reading the last part, which may go on into
 * the words after it ("пять-шесть тысяч": 5 and 6,000). Returns where the last part starts, or
 * -1 when the surface's hyphens do not match the norm's (nothing pushed).
 */
function leadingNumbers(t: Token, out: Token[], outFacts: (WordFacts | undefined)[]): number {
  const parts = t.norm.split('-');
  const hyphens = hyphenOffsets(t);
  if (hyphens.length !== parts.length - 1) return -1;
  RUN.reset();
  let from = 0;
  for (let k = 0; k < parts.length; k++) {
    if (RUN.push(parts[k])) continue;
    const start = from === 0 ? t.start : t.start + hyphens[from - 1] + 1;
    const end = t.start + hyphens[k - 1];
    const value = RUN.value();
    out.push(value === undefined ? pieceWord(t, start, end) : numberToken(surfaceBetween(t, start, end), start, end, canonicalNumber(value), t.lang, value));
    outFacts.push(undefined);
    RUN.reset();
    RUN.push(parts[k]);
    from = k;
  }
  return t.start + hyphens[from - 1] + 1;
}

/** The surface of `t` between two offsets into the text. */
function surfaceBetween(t: Token, start: number, end: number): string {
  return t.text.slice(start - t.start, end - t.start);
}

/** A word token of the part of hyphenated `t` from `start` to `end` (offsets into the text; end: the token's). */
function pieceWord(t: Token, start: number, end = t.end): Token {
  const surface = surfaceBetween(t, start, end);
  const norm = normalizeWord(surface);
  return copyToken(t, surface, start, end, norm, stemWord(norm, t.lang), 'word', isStopWord(norm, t.lang));
}

/** The two tokens are next to each other, with nothing but spaces (or invisible characters) between. */
function adjacent(a: Token | undefined, b: Token | undefined, text: string): boolean {
  return a !== undefined && b !== undefined && /^\s*$/.test(foldGap(text.slice(a.end, b.start)));
}

/**
 * The value of a numerator token ("a", "one", "two", "двух", "twenty-three"), or undefined. Digits
 * only when `digits` (Russian and Ukrainian: "2 трети"); in English "3 quarters" is a period as often.
 */
function numeratorOf(t: Token, digits: boolean): number | undefined {
  if (t.lang === 'en' && EN_ONE.has(t.norm)) return 1;
  if (/\d/.test(t.text) && !(digits && /^\d+$/.test(t.text))) return undefined;
  const value = t.value ?? (numberWord(t.norm)?.role === 'unit' ? numberWord(t.norm)!.value : undefined);
  return value !== undefined && Number.isInteger(value) && value >= 1 ? value : undefined;
}

/**
 * The fraction that token `i` ends or is, read with the token passed on before it (`out`'s last,
 * its numerator when it has one): where it starts, the index of its last token and its value.
 * Undefined when the word is no fraction here; the cues are in fractions.ts.
 */
function fractionAt(tokens: Token[], i: number, out: Token[], text: string): { start: number; last: number; value: number } | undefined {
  const t = tokens[i];
  const one = oneWordFraction(t.norm);
  if (one !== undefined) return withScale(tokens, i, t.start, one, text);
  if (t.norm.includes('-')) return hyphenFraction(tokens, i, text);
  const word = fractionWord(t.norm);
  if (!word) return undefined;
  const next = adjacent(t, tokens[i + 1], text) ? tokens[i + 1] : undefined;
  // The token before, when it is next to this one: the numerator when it reads as one.
  const prev = i > 0 && out.length && out[out.length - 1].end === tokens[i - 1].end && adjacent(out[out.length - 1], t, text) ? out[out.length - 1] : undefined;
  const num = prev ? numeratorOf(prev, word.need === 'noun' || word.need === 'ordinal') : undefined;
  // A number before the word that is no numerator ("3 quarters", "двадцать пятая" = 25th): no fraction;
  // but digits before "half" are no numerator of it ("in 2019 half of the budget").
  if (prev && num === undefined && (prev.kind === 'number' || prev.value !== undefined) && !(word.need === 'en-half' && /\d/.test(prev.text))) return undefined;
  if (num !== undefined && num >= word.den) return undefined;
  // The token before the numerator (or before the word when there is none).
  const k = num !== undefined ? tokenStartingAt(tokens, i, prev!.start) : i;
  const before = k > 0 && adjacent(tokens[k - 1], tokens[k], text) ? tokens[k - 1].norm : undefined;
  const from = num !== undefined ? prev!.start : t.start;
  if (beforeTimeUnit(tokens, i)) return undefined;
  switch (word.need) {
    case 'en-half':
      if (num === 1) return withScale(tokens, i, from, 1 / 2, text);
      if (num !== undefined || (before && EN_PERIOD_BEFORE.has(before))) return undefined;
      return (next && EN_HALF_NEXT.has(next.norm)) || (before && EN_HALF_BEFORE.has(before)) ? withScale(tokens, i, t.start, 1 / 2, text) : undefined;
    case 'en-singular':
      if (num !== 1) return undefined;
      // "a third of", "a quarter million"; "by a third", "more than a quarter", and "one fifth" on its own, at the
      // end or before a stop word ("one fifth.", "one third are"), not before a content word ("one third country").
      // Before a content word it is an ordinal even after a cue word ("guaranteed by a third party").
      if (next?.norm === 'of' || (next && numberWord(next.norm)?.role === 'scale')) return withScale(tokens, i, from, 1 / word.den, text);
      return (!next || next.stop) && ((before && EN_CUE_BEFORE.has(before)) || prev!.norm === 'one') ? withScale(tokens, i, from, 1 / word.den, text) : undefined;
    case 'en-plural':
      if (num === undefined || num < 2) return undefined;
      // "the first three quarters of 2019", "the past two quarters": periods.
      if (word.den === 4 && t.norm === 'quarters' && (next?.norm !== 'of' || (before && EN_PERIOD_BEFORE.has(before)))) return undefined;
      return withScale(tokens, i, from, num / word.den, text);
    case 'noun':
      if (num !== undefined) return withScale(tokens, i, from, num / word.den, text);
      return before && CYRILLIC_PERIOD_BEFORE.test(before) ? undefined : withScale(tokens, i, t.start, 1 / word.den, text);
    case 'ordinal':
      return num === undefined ? undefined : withScale(tokens, i, from, num / word.den, text);
  }
}

/**
 * The index of the token before `i` that starts at `start`, or -1 (a piece of a hyphenated word starts inside one).
 * Searched back from i - 1, as tokens run in text order: from token 0 it was quadratic in a long text's fractions.
 */
function tokenStartingAt(tokens: Token[], i: number, start: number): number {
  for (let k = i - 1; k >= 0 && tokens[k].start >= start; k--) if (tokens[k].start === start) return k;
  return -1;
}

/** True when a unit of time follows token `i`, after "of", "a" or "an" ("a quarter of a century", "half an hour", "четверть века"). */
function beforeTimeUnit(tokens: Token[], i: number): boolean {
  for (let j = i + 1; j < tokens.length && j <= i + 3; j++) {
    const norm = tokens[j].norm;
    if (norm === 'of' || norm === 'a' || norm === 'an') continue;
    return TIME_UNITS.has(norm);
  }
  return false;
}

/**
 * "two-thirds", "one-half", "three-quarters", "nine-tenths": number words, a hyphen, a fraction word
 * (English); and "one-and-a-half", "two-and-a-quarter": a whole number and a singular fraction.
 */
function hyphenFraction(tokens: Token[], i: number, text: string): { start: number; last: number; value: number } | undefined {
  const parts = tokens[i].norm.split('-');
  const word = fractionWord(parts[parts.length - 1]);
  if (!word || !word.need.startsWith('en-')) return undefined;
  const head = parts.slice(0, -1);
  if (head.length >= 3 && head[head.length - 2] === 'and' && head[head.length - 1] === 'a' && word.need !== 'en-plural') {
    const whole = head.length === 3 && head[0] === 'one' ? 1 : wordsValue(head.slice(0, -2));
    return whole !== undefined && Number.isInteger(whole) ? withScale(tokens, i, tokens[i].start, whole + 1 / word.den, text) : undefined;
  }
  const num = head.length === 1 && head[0] === 'one' ? 1 : wordsValue(head);
  if (num === undefined || !Number.isInteger(num) || num < 1 || num >= word.den) return undefined;
  return withScale(tokens, i, tokens[i].start, num / word.den, text);
}

/** A fraction ending at token `i`, times a scale word right after it ("a quarter million", "half a million" is read elsewhere). */
function withScale(tokens: Token[], i: number, start: number, value: number, text: string): { start: number; last: number; value: number } {
  const next = tokens[i + 1];
  if (next && numberWord(next.norm)?.role === 'scale' && adjacent(tokens[i], next, text)) return { start, last: i + 1, value: value * numberWord(next.norm)!.value };
  return { start, last: i, value };
}

/**
 * "thirty-day", "hundred-day": a compound whose first parts are number words
 * is a number (the figure) and a word (its unit), so it compares with "30-day"
 * and "30 days". Pushes onto `out` the token as it is, or the number and the word.
 */
function numberCompound(t: Token, out: Token[]): void {
  const parts = t.norm.split('-');
  let k = 0;
  while (k < parts.length - 1 && numberWord(parts[k])) k++;
  const value = k ? wordsValue(parts.slice(0, k)) : undefined;
  if (value === undefined) {
    out.push(t);
    return;
  }
  // "five-year", "two-state": small numbers stay words with a value, as in spelledNumbers.
  if (k === 1 && value < SMALL_SPELLED) {
    out.push(withValue(t, value));
    return;
  }
  // The k-th hyphen of the surface ends the number (the surface may hold invisible characters).
  const hyphens = [...t.text.matchAll(/[-\u2010\u2011]/g)].map((m) => m.index!);
  const cut = hyphens[k - 1];
  if (cut === undefined) {
    out.push(t);
    return;
  }
  const canon = canonicalNumber(value);
  const number = numberToken(t.text.slice(0, cut), t.start, t.start + cut, canon, t.lang, value);
  const restNorm = parts.slice(k).join('-');
  const rest = copyToken(t, t.text.slice(cut + 1), t.start + cut + 1, t.end, restNorm, stemWord(restNorm, t.lang), 'word', false);
  out.push(number, rest);
}

/** A gap between two tokens as matching sees it (invisible characters gone). */
function foldGap(gap: string): string {
  return foldText(gap).text;
}

/**
 * What a word's surface form alone decides (memoised per distinct form by lex: see word-cache.ts),
 * and slots that later stages fill once per word rather than once per token: what tokenize derives
 * from the word and a glossary (tokenize.ts), and the word's term keys (provenance/terms.ts). The
 * slots are fields of this object rather than objects of their own: ~320 bytes a word then
 * (heap retained by spanTerms over 200,000 distinct words) instead of ~410, against ~230 with
 * no slots; word-cache.ts bounds the entries accordingly.
 */
export interface WordFacts {
  surface: string;
  lang: Lang;
  norm: string;
  stem: string;
  acronym: boolean;
  capitalised: boolean;
  stop: boolean;
  negation: boolean;
  monthHit: { month: number; needsDate: boolean } | undefined;
  /** Every hyphen-separated part of the norm is a number word ("twenty-five"): see spelledNumbers. */
  numeric: boolean;
  /** The word is a fraction word or a hyphenated compound ending in one ("third", "половину", "two-thirds"): see fractionAt. */
  fractional: boolean;
  /** mayBeSpelled of a token of this word: "half", a hyphen, or numeric (read per token: a scan of the norm for a hyphen per token was ~2 % of a pass). */
  spellable: boolean;
  /** The glossary the next four slots were filled for (undefined: not yet). */
  taggedBy: object | undefined;
  acronymConcept: string | undefined;
  forms: unknown;
  partNames: string[] | undefined;
  /** The concept of the word's name key (null: none; undefined: not looked up yet). */
  spelled: string | null | undefined;
  /** The word's term key and whether it is neutral, once computed; and the same as an entity (Cyrillic names). */
  key: string | undefined;
  neutral: boolean;
  entityKey: string | undefined;
  entityNeutral: boolean;
}

function surfaceFacts(surface: string, docLang: Lang): WordFacts {
  const lang = tokenLang(surface, docLang);
  // "Ukraine's" compares as "ukraine": the English possessive is not part of the name.
  const norm = lang === 'en' ? normalizeWord(surface).replace(/'s$/, '') : normalizeWord(surface);
  const acronym = isAcronym(surface);
  const stop = !acronym && isStopWord(norm, lang);
  const capitalised = /^\p{Lu}/u.test(surface);
  const stem = acronym ? norm : stemWord(norm, lang);
  const numeric = spellsNumber(norm);
  return {
    surface,
    lang,
    norm,
    stem,
    acronym,
    capitalised,
    stop,
    negation: isNegation(norm, lang),
    monthHit: monthCandidate(norm, lang, capitalised),
    numeric,
    fractional: isFractional(norm),
    spellable: norm === 'half' || norm.includes('-') || numeric || mayBeFractionWord(norm),
    taggedBy: undefined,
    acronymConcept: undefined,
    forms: undefined,
    partNames: undefined,
    spelled: undefined,
    key: undefined,
    neutral: false,
    entityKey: undefined,
    entityNeutral: false,
  };
}
