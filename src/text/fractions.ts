// Fractions, in English, Russian and Ukrainian, as data: "two-thirds", "a
// third of", "half of the profits", "three quarters of", "две трети",
// "половину", "одна пятая", "дві третини", "чверть", "2/3 of", "½", "1½".
// The lexer (lex.ts) makes each one number token whose value is the
// fraction's (2/3 is the double 2 / 3, "half" 0.5) and whose span is the
// whole expression, so figures() gives one figure, whichever way it is written.
//
// The words are ambiguous, so the tables say when each reads as a quantity
// (cues, below): "a third" is also an ordinal ("a third country"), "quarter"
// a period ("the first three quarters of 2019"), "half" a period ("the second
// half of the year"), "пятая" an ordinal ("пятая колонна"), "2/3" a date or a
// document symbol. Where the cue is missing the words stay words; the rules
// were written from the kremlin archive's English uses (e.g. "a third
// category", "to have a third", "9/11", "24/7", "50/50", "14/2 Ilyinka") and
// are tested on those and on made-up negatives, not tuned to a score.

/** How a fraction word needs its numerator. */
type Need =
  // "third", "quarter", "fifth": only after "a"/"an"/"one", and then with a cue (see EN_CUE_BEFORE).
  | 'en-singular'
  // "thirds", "quarters", "fifths": only after a number word of 2 or more.
  | 'en-plural'
  // "half": a quantity on its own (see halfIsQuantity), or after "a"/"one".
  | 'en-half'
  // Russian/Ukrainian nouns ("треть", "половина", "третина", "чверть"): on their own (1/d) or after a numerator.
  | 'noun'
  // Russian/Ukrainian ordinals used as fractions ("пятая", "пятых", "п'ятих"): only after a numerator.
  | 'ordinal';

interface Denominator {
  den: number;
  need: Need;
}

const TABLE = new Map<string, Denominator>();

function add(need: Need, den: number, forms: string) {
  for (const f of forms.split(/\s+/).filter(Boolean)) TABLE.set(f, { den, need });
}

// English. "halves" is left out: "two halves" is rarely a quantity.
add('en-half', 2, 'half');
const EN_ORDINALS: [string, number][] = [
  ['third', 3], ['quarter', 4], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8], ['ninth', 9],
  ['tenth', 10], ['twentieth', 20], ['hundredth', 100], ['thousandth', 1000],
];
for (const [w, d] of EN_ORDINALS) {
  add('en-singular', d, w);
  add('en-plural', d, `${w}s`);
}

// Russian nouns, every case. "третью" (instrumental of "треть") is also the
// accusative of the ordinal "третья" ("третью страну"), so it is listed with the ordinals.
add('noun', 3, 'треть трети третей третям третями третях');
add('noun', 4, 'четверть четверти четвертью четвертей четвертям четвертями четвертях');
add('noun', 2, 'половина половины половине половину половиной половиною половин половинам половинами половинах');
// Ukrainian nouns ("половина" and its forms shared with Russian are not repeated).
add('noun', 3, 'третина третини третині третину третиною третин третинам третинами третинах');
add('noun', 4, 'чверть чверті чвертю чвертей чвертям чвертями чвертях');
add('noun', 2, 'половини половині половиною');

// Russian ordinals read as fractions after a numerator ("одна пятая", "двух пятых", "трем десятым"):
// the feminine singular (after 1) and the plural (after 2 or more), every case.
const RU_HARD = ['ая', 'ой', 'ую', 'ою', 'ых', 'ым', 'ыми'];
const RU_ORDINALS: [string, number][] = [
  ['четверт', 4], ['пят', 5], ['шест', 6], ['седьм', 7], ['восьм', 8], ['девят', 9], ['десят', 10], ['сот', 100], ['тысячн', 1000],
];
for (const [stem, d] of RU_ORDINALS) add('ordinal', d, RU_HARD.map((e) => stem + e).join(' '));
add('ordinal', 3, 'третья третьей третью третьею третьих третьим третьими');
// Ukrainian ordinals (soft "третя", hard the rest).
// The nominative plural ("дві п'яті", "три десяті") is a fraction after 2 to 4, as is the genitive plural ("п'ять шостих").
const UK_HARD = ['а', 'ої', 'ій', 'у', 'ою', 'і', 'их', 'им', 'ими'];
const UK_ORDINALS: [string, number][] = [
  ['четверт', 4], ["п'ят", 5], ['шост', 6], ['сьом', 7], ['восьм', 8], ["дев'ят", 9], ['десят', 10], ['сот', 100], ['тисячн', 1000],
];
for (const [stem, d] of UK_ORDINALS) add('ordinal', d, UK_HARD.map((e) => stem + e).join(' '));
add('ordinal', 3, 'третя третьої третій третю третьою треті третіх третім третіми');

/**
 * "наполовину" (ru, uk: "by half", "half-"): a fraction in one word. "полтора" (1.5), "полмиллиона"
 * and their Ukrainian forms are number words (number-words.ts).
 */
const ONE_WORD = new Map<string, number>([['наполовину', 1 / 2]]);

/** The denominator entry of a normalised word, or undefined. */
export function fractionWord(norm: string): Denominator | undefined {
  return TABLE.get(norm);
}

/** The value of a one-word fraction ("наполовину"), or undefined. */
export function oneWordFraction(norm: string): number | undefined {
  return ONE_WORD.get(norm);
}

/** True when a word may end or be a fraction: lex.ts looks at its neighbours then (a memoised per-word fact). */
export function mayBeFractionWord(norm: string): boolean {
  return TABLE.has(norm) || ONE_WORD.has(norm);
}

/** Every word of the tables, for the cheap pre-check of figures() (mayHoldNumberWord). */
export function fractionWords(): string[] {
  return [...TABLE.keys(), ...ONE_WORD.keys()];
}

/** English words that stand for the numerator 1 before a singular fraction word ("a third", "one half"). */
export const EN_ONE = new Set(['a', 'an', 'one']);

/**
 * English words before "a third" / "one quarter" that make it a quantity ("by a third", "more than a
 * quarter", "almost a fifth"); otherwise only a following "of" does ("a third of the territory").
 * "a third country", "a fifth generation", "to have a third" stay ordinals.
 */
export const EN_CUE_BEFORE = new Set(['by', 'than', 'almost', 'nearly', 'about', 'around', 'approximately', 'roughly', 'some', 'only', 'just', 'exactly', 'least', 'over', 'under']);

/** English words after "half" that make it a quantity: "half of the profits", "half the territory", "half a century". */
export const EN_HALF_NEXT = new Set(['of', 'the', 'a', 'an', 'its', 'their', 'our', 'his', 'her', 'this', 'that', 'these', 'those', 'all', 'my', 'your']);

/** English words before "half" that make it a quantity: "by half", "cut in half", "more than half", "almost half". */
export const EN_HALF_BEFORE = new Set([...EN_CUE_BEFORE, 'in']);

/**
 * English words that make "half" and "quarters" a period, not a quantity: "the first half of
 * 2025", "the second half", "2nd half" (the lexer reads "2", "nd"), "the past two quarters", "the first
 * three quarters of 2019".
 */
export const EN_PERIOD_BEFORE = new Set(['first', 'second', 'third', 'fourth', 'last', 'latter', 'former', 'past', 'next', 'previous', 'coming', 'current', 'final', 'other', 'each', 'every', 'per', 'st', 'nd', 'rd', 'th']);

/**
 * Russian and Ukrainian words before "половина", "четверть", "треть" (and Ukrainian forms) that make
 * them a period or a part named by its place: "первая половина года", "во второй половине",
 * "в третьей четверти", "друга половина", "останню чверть". A stem test on the normalised word.
 */
export const CYRILLIC_PERIOD_BEFORE = /^(перв|перш|втор|друг|трет|четв[её]рт|пят|п'ят|шест|шост|послед|останн|прошл|минул|следующ|наступн|текущ|поточн|нынешн|ближайш|эт|ц[іеяю])/;

/**
 * Units of time after a fraction word ("a quarter of a century", "half an hour", "четверть века",
 * "півтора року" is read elsewhere): a length of time, not a share of something, so not read as a
 * fraction (it would equal "25 %" in align's figures). The word after "of", "a", "an" is looked at.
 */
export const TIME_UNITS = new Set([
  'century', 'centuries', 'decade', 'decades', 'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'minute', 'minutes',
  'век', 'века', 'веку', 'веком', 'столетие', 'столетия', 'столетии', 'год', 'года', 'году', 'лет', 'месяц', 'месяца', 'час', 'часа', 'минуты',
  'століття', 'рік', 'року', 'років', 'місяць', 'місяця', 'година', 'години', 'годину',
]);

/** Vulgar fraction characters (Unicode "Number, other" with a numeric value): char code → [numerator, denominator]. */
export const VULGAR = new Map<number, [number, number]>([
  [0xbc, [1, 4]], [0xbd, [1, 2]], [0xbe, [3, 4]],
  [0x2150, [1, 7]], [0x2151, [1, 9]], [0x2152, [1, 10]], [0x2153, [1, 3]], [0x2154, [2, 3]], [0x2155, [1, 5]],
  [0x2156, [2, 5]], [0x2157, [3, 5]], [0x2158, [4, 5]], [0x2159, [1, 6]], [0x215a, [5, 6]], [0x215b, [1, 8]],
  [0x215c, [3, 8]], [0x215d, [5, 8]], [0x215e, [7, 8]],
]);

/** The vulgar fraction characters, for a regex character class. */
export const VULGAR_CLASS = '\\u00bc-\\u00be\\u2150-\\u215e';

/**
 * A fraction written in digits at `at` in `plain` (the folded text), where digits
 * `num` end and a slash follows: its denominator and end, or undefined.
 *
 * - "2⁄3" with U+2044 FRACTION SLASH is always a fraction (denominator ≥ 1).
 * - "2/3" with a plain slash only when it cannot be a date, a ratio or a symbol:
 *   nothing but a space or an opening mark before the numerator ("A/70/PV.18",
 *   "29/09/2015", "No. 1/2", "№ 1/3" fail), nothing numeric or slashed after the denominator,
 *   1 ≤ numerator < denominator ("24/7", "50/50", "14/2" fail), a denominator of
 *   at most 10, or 100 or 1000 ("9/11", "20/80" fail), and a cue after it: the
 *   word "of" or "majority" ("2/3 of the frozen assets", "a 2/3 majority") or, in
 *   Russian and Ukrainian, any Cyrillic word ("2/3 территории").
 */
export function digitFraction(plain: string, numStart: number, numEnd: number, num: number): { den: number; end: number } | undefined {
  const slash = plain.charCodeAt(numEnd);
  if (slash !== 0x2f && slash !== 0x2044) return undefined;
  const before = numStart > 0 ? plain[numStart - 1] : '';
  if (/[\p{L}\p{N}\p{M}/\u2044.,\-_#№]/u.test(before)) return undefined;
  // A number of a document ("Decision No. 1/2", "№ 1/3").
  if (NUMBER_SIGN.test(plain.slice(Math.max(0, numStart - 24), numStart))) return undefined;
  DENOMINATOR.lastIndex = numEnd + 1;
  const m = DENOMINATOR.exec(plain);
  if (!m) return undefined;
  const den = Number(m[1]);
  const end = numEnd + 1 + m[1].length;
  if (slash === 0x2044) return den >= 1 ? { den, end } : undefined;
  if (!(num >= 1 && num < den && (den <= 10 || den === 100 || den === 1000))) return undefined;
  CUE.lastIndex = end;
  return CUE.test(plain) ? { den, end } : undefined;
}

/**
 * "No. ", "Nr ", "№ " or a document word right before a numerator: "Decision No. 1/2", "№ 1/3",
 * "resolution 1/2 of 29 June 2006", "Part 1/2 of the report", "часть 2/3 статьи".
 */
const NUMBER_SIGN =
  /(?:(?<![\p{L}\p{M}])(?:no|nr)\.?|№|(?<![\p{L}\p{M}])(?:resolutions?|decisions?|decrees?|parts?|chapters?|articles?|sections?|paragraphs?|annex(?:es)?|documents?|protocols?|rules?|резолюци\p{L}*|решени\p{L}*|част\p{L}*|стать\p{L}*|пункт\p{L}*|глав\p{L}*|раздел\p{L}*|постановлени\p{L}*|указ\p{L}*|резолюці\p{L}*|рішенн\p{L}*|статт\p{L}*|розділ\p{L}*))\s?$/iu;
/** Digits of a denominator, not followed by more digits, a slash, a decimal part or a letter. */
const DENOMINATOR = /(\d{1,4})(?![\d/\u2044\p{L}\p{M}]|[.,]\d)/uy;
/** What follows a plain-slash fraction: see digitFraction. */
const CUE = /[ \n]?(?:(?:of|majority)(?![\p{L}\p{M}])|\p{Script=Cyrillic})/iuy;
