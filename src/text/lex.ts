// Raw tokens: words, numbers and acronyms with exact offsets, normalised and
// stemmed, before any glossary lookup (the glossary itself is built with these).
import { normalizeWord } from './normalize.js';
import { canonicalNumber, numberValue, SCALE_PATTERN } from './numbers.js';
import { isStopWord, stemWord, type Lang } from './stem.js';
import { byWord } from './word-cache.js';

export interface Token {
  /** The surface form: `text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** Lower case, quotes/dashes normalised, ё→е; for numbers the canonical value ("600000"). */
  norm: string;
  /** Porter stem (en) or Russian Porter stem (ru, uk); for numbers the canonical value. */
  stem: string;
  kind: 'word' | 'number' | 'entity';
  stop: boolean;
  lang: Lang;
  /** Glossary concept id shared by English and Russian words ("nato", "sanction", "donetsk"). */
  concept?: string;
  /** Inside a glossary phrase, the concept the word has on its own ("guarantee" in "security guarantees"). */
  broader?: string;
  /** For numbers: the value. */
  value?: number;
}

// One pass over the text; the alternation order matters: numbers (with an
// optional currency sign, thousands groups, decimal part, scale word and %),
// dotted acronyms ("U.S."), then words with inner apostrophes or hyphens.
const TOKEN_RE = new RegExp(
  [
    `(?<num>[$€£]?(?:\\d{1,3}(?:[,\\u00a0\\u202f ]\\d{3})+(?!\\d)|\\d+(?:[.,]\\d+)?)(?:[\\s\\u00a0]?(?<scale>${SCALE_PATTERN})(?![\\p{L}]))?(?:\\s?%)?)`,
    '(?<acr>(?:\\p{Lu}\\.){2,})',
    "(?<word>[\\p{L}\\p{M}]+(?:['\\u2019\\-\\u2010\\u2011][\\p{L}\\p{M}]+)*)",
  ].join('|'),
  'gu',
);

export function languageOf(language: string): Lang {
  return language === 'en' || language === 'ru' || language === 'uk' ? language : 'other';
}

function tokenLang(word: string, docLang: Lang): Lang {
  if (/\p{Script=Cyrillic}/u.test(word)) return docLang === 'uk' ? 'uk' : 'ru';
  if (/\p{Script=Latin}/u.test(word)) return docLang === 'other' ? 'other' : 'en';
  return docLang;
}

/** True when the word opens a sentence or a list item (capitals there say nothing about names). */
function atSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[\s"'«“„‘(\[]/.test(text[i]) && text[i] !== '\n') i--;
  if (i < 0 || text[i] === '\n') return true;
  return /[.!?:;\-–—•)]/.test(text[i]);
}

export function isAcronym(word: string): boolean {
  const letters = word.replace(/\./g, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

export function lexTokens(text: string, language: string): Token[] {
  const docLang = languageOf(language);
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const surface = m[0];
    const start = m.index!;
    const end = start + surface.length;
    const g = m.groups!;
    if (g.num !== undefined) {
      const digits = surface.replace(/^[$€£]/, '').replace(/\s?%$/, '');
      const scale = g.scale;
      const numberPart = scale ? digits.slice(0, digits.length - scale.length).trimEnd() : digits;
      const value = numberValue(numberPart, scale);
      const canon = canonicalNumber(value);
      tokens.push({ text: surface, start, end, norm: canon, stem: canon, kind: 'number', stop: false, lang: docLang, value });
      continue;
    }
    if (g.acr !== undefined) {
      const lang = tokenLang(surface, docLang);
      const norm = normalizeWord(surface.replace(/\./g, ''));
      tokens.push({ text: surface, start, end, norm, stem: norm, kind: 'entity', stop: false, lang });
      continue;
    }
    const { lang, norm, stem, acronym, capitalised, stop } = byWord(docLang, surface, surfaceFacts);
    const entity = acronym || (capitalised && !stop && !atSentenceStart(text, start));
    tokens.push({ text: surface, start, end, norm, stem, kind: entity ? 'entity' : 'word', stop, lang });
  }
  return tokens;
}

/** What a word's surface form alone decides (memoised per distinct form by lex: see word-cache.ts). */
function surfaceFacts(surface: string, docLang: Lang) {
  const lang = tokenLang(surface, docLang);
  // "Ukraine's" compares as "ukraine": the English possessive is not part of the name.
  const norm = lang === 'en' ? normalizeWord(surface).replace(/'s$/, '') : normalizeWord(surface);
  const acronym = isAcronym(surface);
  const stop = !acronym && isStopWord(norm, lang);
  return { lang, norm, stem: acronym ? norm : stemWord(norm, lang), acronym, capitalised: /^\p{Lu}/u.test(surface), stop };
}
