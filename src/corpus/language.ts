// Which language a text is in, among the three in play (en, ru, uk), and a
// check of a document's declared language against it.
//
// Two kinds of evidence, strongest first:
// 1. Script and alphabet. Latin vs Cyrillic letters separate English from the
//    other two; within Cyrillic, letters only one alphabet has decide between
//    Russian and Ukrainian however short the text (Ukrainian і ї є ґ are not in
//    the Russian alphabet; Russian ы э ъ ё are not in the Ukrainian one).
// 2. franc's trigram model, only on text long enough for it (MIN_LANGUAGE_CHARS):
//    it is unreliable on a sentence or two.
import { franc } from 'franc';

const FRANC_TO_ISO1: Record<string, string> = { eng: 'en', rus: 'ru', ukr: 'uk' };
const CHECKED = new Set(Object.values(FRANC_TO_ISO1));

/** franc judges only texts at least this long (UTF-16 units); shorter ones rely on the alphabet alone. */
export const MIN_LANGUAGE_CHARS = 200;

/** Fewer letters than this say nothing about the script (a number, an id, a heading). */
export const MIN_SCRIPT_LETTERS = 10;

/** Letters of one of the two Cyrillic alphabets that the other lacks (lower and upper case). */
export const UNIQUE_LETTERS: Record<'ru' | 'uk', RegExp> = {
  // A Latin i or ï touching a Cyrillic letter is a Ukrainian і or ї typed on a Latin layout ("Мiжнародний"),
  // a common homoglyph in Ukrainian web text; Russian has no letter it could stand for.
  uk: /[іїєґІЇЄҐ]|(?<=[\u0400-\u04ff])[iIïÏ]|[iIïÏ](?=[\u0400-\u04ff])/gu,
  // Likewise a Latin ë touching a Cyrillic letter is a Russian ё ("всë").
  ru: /[ыэъёЫЭЪЁ]|(?<=[\u0400-\u04ff])[ëË]|[ëË](?=[\u0400-\u04ff])/gu,
};

/**
 * The Ukrainian apostrophe (', ’ or ʼ) between a consonant and я, ю, є or ї
 * ("п'ять", "об’єкт", "мʼясо"): Russian spells that break with ъ or ь, never
 * with an apostrophe, so it tells Ukrainian like the letters above.
 */
export const UKRAINIAN_APOSTROPHE = /(?<=[бпвмфрхкзгґжчшщБПВМФРХКЗГҐЖЧШЩ])['\u2019\u02bc](?=[яюєїЯЮЄЇ])/gu;

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ru: 'Russian', uk: 'Ukrainian' };

export interface AlphabetEvidence {
  /** The language the letters show. */
  language: 'en' | 'ru' | 'uk';
  /** Why, in words: the script, or the distinctive letters found (at most five, in order of first use). */
  reason: string;
}

/**
 * What the letters alone say about a text's language, or undefined when they
 * say nothing: too few letters, mixed scripts, or Cyrillic with no letter
 * unique to one alphabet (or both alphabets' unique letters in similar number).
 */
export function alphabetLanguage(text: string): AlphabetEvidence | undefined {
  return alphabetOf(lettersOf(text));
}

/**
 * A text read once for the language checks: its NFC form (in NFD text, macOS
 * file names and some PDFs, ё is е + U+0308 and ї is і + U+0308), the script
 * letters of that form, and, once asked for, its letters of other Cyrillic
 * alphabets (null: none that count).
 */
export interface TextLetters {
  nfc: string;
  latin: number;
  cyrillic: number;
  other?: OtherCyrillic | null;
}

/** `text` read for the language checks (see TextLetters); hand the result to each check of the same text. */
export function lettersOf(text: string): TextLetters {
  const nfc = text.normalize('NFC');
  return { nfc, ...scriptLetters(nfc) };
}

function alphabetOf({ nfc: text, latin, cyrillic }: TextLetters): AlphabetEvidence | undefined {
  if (latin + cyrillic < MIN_SCRIPT_LETTERS) return undefined;
  if (latin > cyrillic * 4) return { language: 'en', reason: 'the text is in Latin script' };
  if (cyrillic <= latin * 4) return undefined; // mixed: leave it to franc
  const ukLetters = text.match(UNIQUE_LETTERS.uk) ?? [];
  const apostrophes = text.match(UKRAINIAN_APOSTROPHE) ?? [];
  const uk = [...ukLetters, ...apostrophes];
  const ru = text.match(UNIQUE_LETTERS.ru) ?? [];
  // A quoted name from the other language (Київ in a Russian text) must not decide:
  // one alphabet's letters must clearly outnumber the other's.
  const shown = (letters: string[]) => [...new Set(letters.map((l) => l.toLowerCase()))].slice(0, 5).join(', ');
  if (uk.length > 0 && uk.length >= 4 * ru.length) {
    const cyrillicForm = (l: string) => ({ i: 'і', I: 'І', ï: 'ї', Ï: 'Ї' })[l] ?? l;
    const reason = ukLetters.length
      ? `the text has ${shown(ukLetters.map(cyrillicForm))}, letters the Russian alphabet does not have`
      : 'the text has an apostrophe before я, ю, є or ї, which Russian spells with ъ';
    return { language: 'uk', reason };
  }
  if (ru.length > 0 && ru.length >= 4 * uk.length) {
    const cyrillicForm = (l: string) => ({ ë: 'ё', Ë: 'Ё' })[l] ?? l;
    return { language: 'ru', reason: `the text has ${shown(ru.map(cyrillicForm))}, letters the Ukrainian alphabet does not have` };
  }
  return undefined;
}

/** franc's guess as an ISO 639-1 code, or undefined when the text is too short to judge. */
export function francLanguage(text: string): string | undefined {
  if (text.length < MIN_LANGUAGE_CHARS) return undefined;
  const code = franc(text, { only: Object.keys(FRANC_TO_ISO1), minLength: MIN_LANGUAGE_CHARS });
  return FRANC_TO_ISO1[code];
}

/**
 * The text's language as an ISO 639-1 code (en, ru or uk), or undefined when
 * neither the letters nor (on long texts) franc can tell. The alphabet decides
 * first: franc confuses Russian and Ukrainian more often than the letters do.
 */
export function guessLanguage(text: string): string | undefined {
  const byLetters = alphabetLanguage(text);
  if (byLetters) return byLetters.language;
  return francLanguage(text);
}

/**
 * The language of a text that declares none (a plain numbered draft, pasted
 * prose): the guess; else, for a short Cyrillic text with no letter unique to
 * either alphabet, franc between Russian and Ukrainian at its own 10-character
 * floor, Russian if it cannot tell; else English. `letters`: the text read
 * by lettersOf, when the caller has it.
 */
export function undeclaredLanguage(text: string, letters = lettersOf(text)): string {
  const byLetters = alphabetOf(letters);
  if (byLetters) return byLetters.language;
  // Before franc, which can call a long Russian text with no і, ї or є Ukrainian (see below).
  if (cyrillicWithoutUkrainianLetters(letters) >= UKRAINIAN_LETTER_SPAN) return 'ru';
  const guess = francLanguage(text);
  if (guess) return guess;
  const { latin, cyrillic } = scriptLetters(text);
  if (cyrillic <= latin) return 'en';
  // No і, ї or є in a stretch of Ukrainian is rare (together about 6.5 % of Ukrainian letters:
  // 60 letters without one happen with probability ≈ 0.935^60 ≈ 0.02), while a Russian
  // sentence often has no ы, э, ъ or ё; franc's trigrams on a sentence or two are no better.
  if (cyrillic >= UKRAINIAN_LETTER_SPAN) return 'ru';
  return FRANC_TO_ISO1[franc(text, { only: ['rus', 'ukr'], minLength: 10 })] ?? 'ru';
}

/**
 * Cyrillic letters without any of і, ї, є after which an undeclared text is
 * read as Russian (see undeclaredLanguage). Letter frequencies of Ukrainian
 * prose: і ≈ 5.5 %, ї ≈ 0.6 %, є ≈ 0.4 % (standard frequency tables).
 */
export const UKRAINIAN_LETTER_SPAN = 60;

/**
 * Cyrillic letters of neither the Russian nor the Ukrainian alphabet, each with the languages that
 * write it (their standard alphabets), and the Bulgarian ъ: a vowel before a consonant
 * ("България", "във"), where Russian writes ъ only before е, ё, ю, я.
 */
const OTHER_CYRILLIC: [RegExp, string][] = [
  [/[ўЎ]/gu, 'Belarusian'],
  [/[ђЂћЋ]/gu, 'Serbian'],
  [/[џЏјЈљЉњЊ]/gu, 'Serbian or Macedonian'],
  [/[ѓЃќЌѕЅ]/gu, 'Macedonian'],
  [/[әӘғҒқҚңҢөӨұҰүҮһҺ]/gu, 'Kazakh or another Turkic language'],
  [/[ъЪ](?=[бвгджзйклмнпрстфхцчшщБВГДЖЗЙКЛМНПРСТФХЦЧШЩ])|[ѝЍ]/gu, 'Bulgarian'],
];

/** Any of those letters: one scan tells the (usual) text that has none, before the six that name the language. */
const ANY_OTHER_CYRILLIC = new RegExp(OTHER_CYRILLIC.map(([re]) => `(?:${re.source})`).join('|'), 'u');

/** At least one such letter in this many Cyrillic letters: a quoted name ("Тоқаев") in a long Russian text is not enough. */
const OTHER_CYRILLIC_SHARE = 200;

/**
 * A Cyrillic text in a language that is neither Russian nor Ukrainian (Belarusian, Bulgarian,
 * Serbian, Macedonian, Kazakh…), told by letters neither alphabet has, however short the text: the
 * letters found (at most five) and the languages they suggest; else undefined.
 */
export function otherCyrillicLanguage(text: string | TextLetters): OtherCyrillic | undefined {
  const letters = typeof text === 'string' ? lettersOf(text) : text;
  if (letters.other === undefined) letters.other = otherCyrillicOf(letters) ?? null;
  return letters.other ?? undefined;
}

export interface OtherCyrillic {
  /** The letters found, at most five, lower-cased, in order of the languages below. */
  letters: string;
  /** The languages they suggest, comma-separated. */
  languages: string;
}

function otherCyrillicOf({ nfc: text, latin, cyrillic }: TextLetters): OtherCyrillic | undefined {
  if (cyrillic < MIN_SCRIPT_LETTERS || cyrillic <= latin * 4 || !ANY_OTHER_CYRILLIC.test(text)) return undefined;
  const found: string[] = [];
  const languages: string[] = [];
  for (const [letters, language] of OTHER_CYRILLIC) {
    const m = text.match(letters);
    if (!m) continue;
    found.push(...m.map((l) => (/ъ/i.test(l) ? 'ъ before a consonant' : l)));
    if (!languages.some((l) => language.includes(l))) languages.push(language);
  }
  if (!found.length || found.length * OTHER_CYRILLIC_SHARE < cyrillic) return undefined;
  return { letters: [...new Set(found.map((l) => l.toLowerCase()))].slice(0, 5).join(', '), languages: languages.join(', ') };
}

/**
 * A warning message when the declared language disagrees with the text, else
 * undefined. `letters`: the text read by lettersOf, when the caller has it.
 */
export function languageMismatch(declared: string, text: string, letters?: TextLetters): string | undefined {
  if (!CHECKED.has(declared)) return undefined;
  letters ??= lettersOf(text);
  const other = declared === 'en' ? undefined : otherCyrillicLanguage(letters);
  if (other) {
    return `declared language "${declared}" but the text is not ${LANGUAGE_NAMES[declared]} (it has ${other.letters}, which neither Russian nor Ukrainian writes: ${other.languages}?): check the language field`;
  }
  const byLetters = alphabetOf(letters);
  if (byLetters && byLetters.language !== declared) {
    const script = declared === 'en' ? 'in Cyrillic script; ' : '';
    return `declared language "${declared}" but the text reads as "${byLetters.language}" (${LANGUAGE_NAMES[byLetters.language]}: ${script}${byLetters.reason}): check the language field`;
  }
  if (byLetters) return undefined;
  // Cyrillic with no і, ї, є or Ukrainian apostrophe over UKRAINIAN_LETTER_SPAN letters is not Ukrainian
  // (see undeclaredLanguage); franc, which can call such a text Ukrainian, is not asked.
  const cyrillic = cyrillicWithoutUkrainianLetters(letters);
  if (cyrillic >= UKRAINIAN_LETTER_SPAN) {
    return declared === 'ru'
      ? undefined
      : `declared language "${declared}" but the text reads as "ru" (Russian: ${cyrillic} Cyrillic letters without і, ї or є, which Ukrainian text of that length almost always has): check the language field`;
  }
  const guess = francLanguage(text);
  if (guess && guess !== declared) {
    return `declared language "${declared}" but the text reads as "${guess}": check the language field`;
  }
  return undefined;
}

/** The number of Cyrillic letters when the text is Cyrillic (4 to 1 over Latin) with no і, ї, є, ґ or Ukrainian apostrophe; else 0. */
function cyrillicWithoutUkrainianLetters({ nfc: text, latin, cyrillic }: TextLetters): number {
  if (new RegExp(UNIQUE_LETTERS.uk.source, 'u').test(text) || new RegExp(UKRAINIAN_APOSTROPHE.source, 'u').test(text)) return 0;
  return cyrillic > latin * 4 ? cyrillic : 0;
}

/**
 * Basic Latin letters (A–Z, a–z) and Cyrillic letters (U+0400–U+04FF) in
 * `text`, as given (no normalisation). Counted by code unit: no unit of a
 * surrogate pair falls in either range (a character-by-character loop was ~20 %
 * of loading the kremlin archive, where every record is checked).
 */
export function scriptLetters(text: string): { latin: number; cyrillic: number } {
  let latin = 0;
  let cyrillic = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
  }
  return { latin, cyrillic };
}
