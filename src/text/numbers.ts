// Figures as values: "600,000", "600 000", "600 thousand" and "600 тыс." are
// one number, so a changed figure is found by value, not by spelling.

/** Scale words after a number, as data: pattern → multiplier. */
const SCALES: [RegExp, number][] = [
  [/^(thousand|тыс\.?|тысяч(?:ами|ам|ах|ей|ью|[аиуе])?|тис\.?|тисяч(?:ами|ам|ах|ею|[аіу])?)$/i, 1e3],
  [/^(million|mln|млн\.?|миллион(?:ами|ам|ах|ов|ом|[аыеу])?|мільйон(?:ами|ам|ах|ів|ом|[аиуі])?)$/i, 1e6],
  [/^(billion|bn|млрд\.?|миллиард(?:ами|ам|ах|ов|ом|[аыеу])?|мільярд(?:ами|ам|ах|ів|ом|[аиуі])?)$/i, 1e9],
  [/^(trillion|tn|трлн\.?|триллион(?:ами|ам|ах|ов|ом|[аыеу])?|трильйон(?:ами|ам|ах|ів|ом|[аиуі])?)$/i, 1e12],
];

/** Scale words after digits ("600 thousand", "600 тыс.", "600 тис.", "2 мільярди"); longest alternatives first. */
export const SCALE_PATTERN = [
  'thousand', 'million', 'billion', 'trillion', 'mln', 'bn',
  // Every case of the Russian and Ukrainian scale nouns ("600 тысячами", "2 мільярдами"), not only the nominative/genitive.
  'тысяч(?:ами|ам|ах|ей|ью|[аиуе])?', 'тыс\\.?', 'тисяч(?:ами|ам|ах|ею|[аіу])?', 'тис\\.?',
  'миллион(?:ами|ам|ах|ов|ом|[аыеу])?', 'мільйон(?:ами|ам|ах|ів|ом|[аиуі])?', 'млн\\.?',
  'миллиард(?:ами|ам|ах|ов|ом|[аыеу])?', 'мільярд(?:ами|ам|ах|ів|ом|[аиуі])?', 'млрд\\.?',
  'триллион(?:ами|ам|ах|ов|ом|[аыеу])?', 'трильйон(?:ами|ам|ах|ів|ом|[аиуі])?', 'трлн\\.?',
].join('|');

/** Currency signs that may stand before a figure ("€200 billion", "₴5 млрд"). */
export const CURRENCY_SIGNS = '$€£₽₴';

/** Currency signs and codes as units: "€200 billion" = "EUR 200 billion" = "200 billion euros". */
export const CURRENCY_SIGN_UNITS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '₽': 'RUB', '₴': 'UAH' };
export const CURRENCY_CODES: Record<string, string> = { usd: 'USD', eur: 'EUR', gbp: 'GBP', rub: 'RUB', rur: 'RUB', uah: 'UAH' };

/**
 * The value of a number as written: digits grouped by `,`/space/no-break
 * space in threes are thousands; a single `.` or `,` before other digits is a
 * decimal mark; an optional scale word multiplies.
 */
export function numberValue(digits: string, scale?: string): number {
  const compact = digits.replace(/[\s\u00a0\u202f]/g, '');
  let value: number;
  if (/^\d{1,3}([,.]\d{3})+$/.test(compact) && !/^\d{1,3}[.,]\d{3}$/.test(compact)) {
    value = Number(compact.replace(/[,.]/g, ''));
  } else if (/^\d{1,3},\d{3}$/.test(compact)) {
    // "600,000": a comma before exactly three digits is a thousands separator in
    // the English texts; Russian texts write thousands with a space.
    value = Number(compact.replace(',', ''));
  } else {
    value = Number(compact.replace(',', '.'));
  }
  if (scale) {
    const found = SCALES.find(([re]) => re.test(scale.trim()));
    if (found) value *= found[1];
  }
  return value;
}

/** Canonical string of a value: no exponent, no trailing zeros. */
export function canonicalNumber(value: number): string {
  if (Number.isInteger(value)) return BigInt(Math.round(value)).toString();
  return String(Number(value.toPrecision(12)));
}

/** Units named right after (or before) a figure, as data: stem prefix → unit. */
export const UNITS: { unit: string; en: string[]; ru: string[] }[] = [
  { unit: '%', en: ['percent', 'per cent', '%'], ru: ['процент', '%'] },
  { unit: 'USD', en: ['dollar', '$', 'usd'], ru: ['доллар', 'долар', '$', 'usd'] },
  { unit: 'EUR', en: ['euro', '€', 'eur'], ru: ['евро', 'євро', '€', 'eur'] },
  { unit: 'GBP', en: ['pound', '£', 'gbp'], ru: ['фунт', '£'] },
  { unit: 'RUB', en: ['rouble', 'ruble', '₽', 'rub'], ru: ['руб', '₽'] },
  { unit: 'UAH', en: ['hryvn', '₴', 'uah'], ru: ['грн', 'гривн', 'гривен', '₴'] },
  { unit: 'persons', en: ['personnel', 'people', 'troops', 'soldiers', 'servicemen', 'men'], ru: ['человек', 'военнослужащ', 'солдат', 'осіб', 'особ', 'людей', 'військовослужбовц', 'військов'] },
  { unit: 'days', en: ['day'], ru: ['дн', 'дней', 'сут', 'діб', 'доб'] },
  { unit: 'years', en: ['year'], ru: ['лет', 'год', 'рок', 'рік'] },
  { unit: 'km', en: ['km', 'kilomet'], ru: ['км', 'километр', 'кілометр'] },
];
