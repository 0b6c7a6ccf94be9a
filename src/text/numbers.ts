// Figures as values: "600,000", "600 000", "600 thousand" and "600 тыс." are
// one number, so a changed figure is found by value, not by spelling.

/** Scale words after a number, as data: pattern → multiplier. */
const SCALES: [RegExp, number][] = [
  [/^(thousand|тыс\.?|тысяч[аи]?)$/i, 1e3],
  [/^(million|mln|млн\.?|миллион(а|ов)?)$/i, 1e6],
  [/^(billion|bn|млрд\.?|миллиард(а|ов)?)$/i, 1e9],
  [/^(trillion|трлн\.?|триллион(а|ов)?)$/i, 1e12],
];

export const SCALE_PATTERN = 'thousand|million|billion|trillion|mln|bn|тыс\\.?|тысяч[аи]?|млн\\.?|миллион(?:а|ов)?|млрд\\.?|миллиард(?:а|ов)?|трлн\\.?|триллион(?:а|ов)?';

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
  { unit: 'USD', en: ['dollar', '$', 'usd'], ru: ['доллар', '$'] },
  { unit: 'EUR', en: ['euro', '€'], ru: ['евро', '€'] },
  { unit: 'persons', en: ['personnel', 'people', 'troops', 'soldiers', 'servicemen', 'men'], ru: ['человек', 'военнослужащ', 'солдат'] },
  { unit: 'days', en: ['day'], ru: ['дн', 'дней', 'сут'] },
  { unit: 'years', en: ['year'], ru: ['лет', 'год'] },
  { unit: 'km', en: ['km', 'kilomet'], ru: ['км', 'километр'] },
];
