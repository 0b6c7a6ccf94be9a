// From tokens to terms: the comparable units of provenance matching.
//
// A term's key decides what matches what:
// - a glossary concept, in either language: `c:<concept>` — this is the
//   cross-lingual bridge ("гарантии безопасности" = "security guarantees");
// - a number: `n:<canonical value>` ("600,000" = "600 тыс." = 600000), with
//   its unit when the text names one (`n:30:years` ≠ `n:30:days`);
// - an English word: `w:<porter stem>`;
// - a Russian/Ukrainian word: `ru:<stem>` (never equal to an English key);
// - a Cyrillic name the glossary does not know: `w:<stem of its transliteration>`,
//   so "Ушаков" meets "Ushakov".
// Adjacent tokens tagged with the same concept (a multi-word glossary form)
// become one term, so "Armed Forces" counts once, like "ВСУ".
import { loadGlossary, stemConcept, stemWord, transliterate, type Token } from '../text/index.js';
import { DIGIT, figuresOf, mayHoldFigure } from '../text/figures.js';
import { fold } from '../text/fold.js';
import type { Lexed, WordFacts } from '../text/lex.js';
import { isContent, tokenizeWithFacts } from '../text/tokenize.js';
import { UNITS } from '../text/numbers.js';
import type { Term } from './types.js';
import { listMarkers } from '../text/list-markers.js';

export function termKey(t: Token): { key: string; neutral: boolean } {
  if (t.concept) return { key: `c:${t.concept}`, neutral: true };
  const possessive = t.lang === 'en' ? possessiveBase(t) : undefined;
  if (possessive) return possessive;
  if (t.kind === 'number') return { key: t.unit ? `n:${t.stem}:${t.unit}` : `n:${t.stem}`, neutral: true };
  if (t.lang === 'ru' || t.lang === 'uk') {
    if (t.kind === 'entity') return { key: `w:${stemWord(transliterate(t.norm).toLowerCase(), 'en')}`, neutral: true };
    return { key: prefixed(ruKeys, 'ru:', t.stem), neutral: false };
  }
  return { key: prefixed(wordKeys, 'w:', t.stem), neutral: false };
}

/**
 * One key string per stem: stems come from the lexer's word memo (one string
 * object per distinct word, its hash computed once), so this lookup is cheap,
 * and the index then looks up the same key object millions of times instead of
 * hashing a fresh `w:…` string per token. Bounded like the word memo.
 */
const wordKeys = new Map<string, string>();
const ruKeys = new Map<string, string>();
const MAX_KEYS = 300_000;

function prefixed(keys: Map<string, string>, prefix: string, stem: string): string {
  let key = keys.get(stem);
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(stem, (key = prefix + stem));
  }
  return key;
}

/**
 * "Ukraine's", "Russia's": the tokenizer keeps the possessive inside the word,
 * so neither the stem nor the glossary sees "Ukraine". Key it by its base word.
 */
function possessiveBase(t: Token): { key: string; neutral: boolean } | undefined {
  // Nearly no word ends in an apostrophe or 's: look at the last two units before running the regex (every English token comes here).
  const n = t.norm.length;
  const last = t.norm.charCodeAt(n - 1);
  if (!isApostrophe(last) && !(last === 0x73 && isApostrophe(t.norm.charCodeAt(n - 2)))) return undefined;
  const m = /^(.+?)['’]s?$/.exec(t.norm);
  if (!m) return undefined;
  const stem = stemWord(m[1], 'en');
  const concept = stemConcept(loadGlossary().forms.en.get(stem));
  return concept ? { key: `c:${concept}`, neutral: true } : { key: `w:${stem}`, neutral: false };
}

const isApostrophe = (code: number) => code === 0x27 || code === 0x2019;

/** Terms of already tokenized text (offsets kept as the tokens have them). */
export function termsOf(tokens: Token[], text?: string): Term[] {
  return termsWithFacts(tokens, undefined, text);
}

/** termsOf, with the word facts of the tokens (tokenizeWithFacts) when the caller has them. */
function termsWithFacts(tokens: Token[], facts: (WordFacts | undefined)[] | undefined, text?: string): Term[] {
  const terms: Term[] = [];
  let prev: Token | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isContent(t)) continue;
    const { key, neutral } = wordKey(t, facts?.[i]);
    const last = terms[terms.length - 1];
    // Merge the tokens of one multi-word glossary form: same concept, nothing but spaces or a hyphen between.
    if (last && prev && t.concept && prev.concept === t.concept && (text === undefined || /^[\s\-‐‑]{0,3}$/.test(fold(text.slice(prev.end, t.start))))) {
      last.end = t.end;
      prev = t;
      continue;
    }
    terms.push({ key, start: t.start, end: t.end, kind: t.kind, neutral });
    prev = t;
  }
  return terms;
}

/**
 * termKey of a token made from the word facts `f`: once a concept and a number are
 * ruled out, the key depends on the word alone (and, for Cyrillic, on whether it is
 * an entity), so it is computed once per distinct word and kept on its memo entry
 * (WordFacts.key …) rather than looked up per token (the per-token key lookup was
 * ~8 % of indexing the kremlin archive).
 */
function wordKey(t: Token, f: WordFacts | undefined): { key: string; neutral: boolean } {
  if (f === undefined || t.concept || t.kind === 'number') return termKey(t);
  if (t.kind === 'entity' && (t.lang === 'ru' || t.lang === 'uk')) {
    if (f.entityKey === undefined) ({ key: f.entityKey, neutral: f.entityNeutral } = termKey(t));
    return { key: f.entityKey!, neutral: f.entityNeutral };
  }
  if (f.key === undefined) ({ key: f.key, neutral: f.neutral } = termKey(t));
  return { key: f.key!, neutral: f.neutral };
}

/**
 * Tokens of `text.slice(start, end)` with offsets into `text` (document-level),
 * list markers left out.
 */
export function spanTokens(text: string, start: number, end: number, language: string): Token[] {
  return spanTokensWithFacts(text, start, end, language).tokens;
}

/** spanTokens, with the word facts of each token beside it (see tokenizeWithFacts). */
function spanTokensWithFacts(text: string, start: number, end: number, language: string): Lexed {
  const slice = text.slice(start, end);
  const markers = listMarkers(slice);
  const all = tokenizeWithFacts(slice, language);
  const units = numberUnits(all.tokens, slice);
  let lexed = all;
  if (markers.length) {
    lexed = { tokens: [], facts: [] };
    for (let i = 0; i < all.tokens.length; i++) {
      const t = all.tokens[i];
      if (markers.some(([a, b]) => t.start >= a && t.end <= b)) continue;
      lexed.tokens.push(t);
      lexed.facts.push(all.facts[i]);
    }
  }
  // tokenize's tokens are this call's own: shifted in place rather than copied (a copy per token was a tenth of indexing).
  for (const t of lexed.tokens) {
    const unit = t.kind === 'number' ? (units?.get(t.start) ?? hyphenUnit(slice, t.end)) : undefined;
    t.start += start;
    t.end += start;
    if (unit) t.unit = unit;
  }
  return lexed;
}

/**
 * Start → unit of the figures of `text` (what figures(text) gives), read off
 * its tokenize tokens: figures() runs its pre-check (a lower-cased copy of the
 * text, four replaces and a regex of every number word) on every passage,
 * though most passages have no number token; here it runs only when one has,
 * so the result is the same. Undefined: no unit.
 */
function numberUnits(tokens: Token[], text: string): Map<number, string> | undefined {
  let figure = false;
  let digits = false;
  for (const t of tokens) {
    if (t.kind !== 'number' && t.value === undefined) continue;
    figure = true;
    // A number written in digits: the text has a digit, so mayHoldFigure holds without a scan of the whole text.
    if (t.kind === 'number' && DIGIT.test(t.text)) {
      digits = true;
      break;
    }
  }
  if (!figure || (!digits && !mayHoldFigure(text))) return undefined;
  return new Map(figuresOf(tokens, text).filter((f) => f.unit).map((f) => [f.start, f.unit!]));
}

// "30-day", "100-day", "15-year": figures() only looks for a unit after a space.
function hyphenUnit(text: string, end: number): string | undefined {
  const m = /^[-‐‑](\p{L}+)/u.exec(fold(text.slice(end, end + 40)));
  if (!m) return undefined;
  const word = m[1].toLowerCase();
  return UNITS.find((u) => [...u.en, ...u.ru].some((prefix) => /\p{L}/u.test(prefix) && word.startsWith(prefix)))?.unit;
}

/** Terms of a span of a document, with document-level offsets. */
export function spanTerms(text: string, start: number, end: number, language: string): Term[] {
  const { tokens, facts } = spanTokensWithFacts(text, start, end, language);
  return termsWithFacts(tokens, facts, text);
}
