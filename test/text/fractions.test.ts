// Fractions are one figure each (issue 11, item 3: "figures however written ...
// one value each"): "two-thirds", "2/3 of", "⅔", "две трети" and "дві третини"
// are one figure of value 2/3 spanning the whole expression; words that only
// look like fractions (ordinals, periods, dates, document symbols) are not.
// English sentences are real: from the Kremlin archive (data/bulk/
// kremlin-en-2000-2020.jsonl.gz, record ids given). The Russian and Ukrainian
// phrases are short test phrases, not plan text.
import { describe, expect, it } from 'vitest';
import { changedFiguresAndEntities, sameFigure } from '../../src/align/diff.js';
import { figures, type Figure } from '../../src/text/figures.js';
import { lexTokens } from '../../src/text/lex.js';

/** [text, value, unit] of each figure, and a check that each span slices the text to the figure's text. */
function read(text: string, language: string): [string, number, string?][] {
  const fs = figures(text, language);
  for (const f of fs) expect(text.slice(f.start, f.end)).toBe(f.text);
  return fs.map((f) => (f.unit ? [f.text, f.value, f.unit] : [f.text, f.value]));
}

describe('English fractions in words', () => {
  it.each([
    ['two-thirds of the frozen assets', 'two-thirds', 2 / 3],
    ['two thirds of the frozen assets', 'two thirds', 2 / 3],
    ['one-third of the funds', 'one-third', 1 / 3],
    ['a third of the funds', 'a third', 1 / 3],
    ['one half of the funds', 'one half', 1 / 2],
    ['a half of the funds', 'a half', 1 / 2],
    ['half of the profits', 'half', 1 / 2],
    ['half the territory', 'half', 1 / 2],
    ['three-quarters of the funds', 'three-quarters', 3 / 4],
    ['three quarters of the funds', 'three quarters', 3 / 4],
    ['a quarter of the funds', 'a quarter', 1 / 4],
    ['one fifth', 'one fifth', 1 / 5],
    ['two-fifths of the seats', 'two-fifths', 2 / 5],
    ['three tenths of the seats', 'three tenths', 3 / 10],
    ['nine-tenths of the seats', 'nine-tenths', 9 / 10],
    ['a fourth of the seats', 'a fourth', 1 / 4],
    ['one hundredth of the seats', 'one hundredth', 1 / 100],
  ])('%s → one figure', (text, surface, value) => {
    expect(read(text, 'en')).toEqual([[surface, value]]);
    expect(figures(text, 'en')[0].fraction).toBe(true);
  });

  it('keeps the exact double: 2/3 however written', () => {
    for (const t of ['two-thirds', 'two thirds of', '2/3 of', '2⁄3', '⅔']) expect(figures(t, 'en').map((f) => f.value)).toEqual([2 / 3]);
  });

  it('reads mixed numbers and scales as before and with vulgar fractions', () => {
    expect(read('one and a half million', 'en')).toEqual([['one and a half million', 1_500_000]]);
    expect(read('two and a half million', 'en')).toEqual([['two and a half million', 2_500_000]]);
    expect(read('half a million', 'en')).toEqual([['half a million', 500_000]]);
    expect(read('a quarter million', 'en')).toEqual([['a quarter million', 250_000]]);
    expect(read('1½ years', 'en')).toEqual([['1½', 1.5, 'years']]);
    expect(read('2¾ million', 'en')).toEqual([['2¾ million', 2_750_000]]);
    expect(read('one-and-a-half years', 'en')).toEqual([['one-and-a-half', 1.5, 'years']]);
    expect(read('two-and-a-quarter', 'en')).toEqual([['two-and-a-quarter', 2.25]]);
    expect(read('½% and 1½ %', 'en')).toEqual([['½%', 0.5, '%'], ['1½ %', 1.5, '%']]);
  });

  // Real sentences (Kremlin archive): quantities and look-alikes.
  it.each([
    // kremlin-en-6152
    ['The Conference of the Parties shall be effective if it is attended by at least two thirds of the Parties to the Treaty.', [['two thirds', 2 / 3]]],
    // kremlin-en-8000
    ['Last year, compared to 2008 (and remembering that 2009 was a difficult year) the sector’s output increased by almost a quarter.', [['2008', 2008], ['2009', 2009], ['a quarter', 1 / 4]]],
    // kremlin-en-9210
    ['Often, the banks choose not to invest into the real sector, focusing instead on less risky marketable securities, whose portfolio has increased by one third since the beginning of this year.', [['one third', 1 / 3]]],
    // kremlin-en-17118
    ['As you know, Russia has more than half of the world’s arable land, 55 percent.', [['half', 1 / 2], ['55', 55, '%']]],
    // kremlin-en-17428
    ['Surveys show that more than a third of our people have problems with cold water supply, 40 percent of apartment blocks have problems with hot water supply, and more than a quarter of households say they have problems with electricity supply.', [['a third', 1 / 3], ['40', 40, '%'], ['a quarter', 1 / 4]]],
    // kremlin-en-17545
    ['In other words, as of today, almost two thirds of our territories have not been geologically explored.', [['two thirds', 2 / 3]]],
    // kremlin-en-17916
    ['Fuel and energy sector goods account for three quarters of overall goods in the foreign trade structure, but for around a third of goods in the member countries’ reciprocal trade.', [['three quarters', 3 / 4], ['a third', 1 / 3]]],
    // kremlin-en-51284
    ['Our maximum unemployment benefit is very low – half the cost of living.', [['half', 1 / 2]]],
    // kremlin-en-55830
    ['It was almost cut in half.', [['half', 1 / 2]]],
  ] as [string, [string, number, string?][]][])('real quantity: %s', (text, expected) => {
    expect(read(text, 'en')).toEqual(expected);
  });

  it.each([
    // kremlin-en-8011: periods
    ['In the first half of this year we are witnessing a full-scale advancement of Russian-Chinese relations.', []],
    ['As you noted, we have many important events coming up in the second half of the year with regard to our bilateral relations.', []],
    // kremlin-en-27795: "quarters" as periods
    ['He cited basic economic indices to say that industrial output had grown by 4% in the first three quarters of 2002, according to preliminary estimates.', [['4%', 4, '%'], ['three', 3], ['2002', 2002]]],
    // kremlin-en-8011, kremlin-en-60797: no "half" figure in "behalf", "half-hearted"
    ['With this in mind, I would like to congratulate you and the great Russian nation on this holiday, on behalf of the government and the people of China.', []],
    ['Russia’s response to shelling is weak; Zelensky has not decide anything and passports are a half-hearted issue…', []],
    // kremlin-en-8021, kremlin-en-17180, kremlin-en-63951: ordinals
    ['And now, other nations can bring up the question of joining the SCO both as full-fledged members and as observers, or as so-called Dialogue Partners, which is a third category.', []],
    ['Serious attention is paid to developing a fifth generation multifunctional fighter plane and a multipurpose transport aircraft.', []],
    ['Let me repeat that these people were going to work in a third country.', []],
  ] as [string, [string, number, string?][]][])('real look-alike, no fraction: %s', (text, expected) => {
    expect(read(text, 'en')).toEqual(expected);
  });

  it('leaves ordinals and periods that are no quantity', () => {
    expect(read('one third country', 'en')).toEqual([]);
    expect(read('the other half', 'en')).toEqual([]);
    // kremlin-en-60719
    expect(read('(2nd half of the 4th millennium BC)', 'en')).toEqual([['2', 2], ['4', 4]]);
    expect(read('first quarter of 2019', 'en')).toEqual([['2019', 2019]]);
    expect(read('3 quarters', 'en')).toEqual([['3', 3]]);
    // Digits before "half" are no numerator of it.
    expect(read('in 2019 half of the budget', 'en')).toEqual([['2019', 2019], ['half', 1 / 2]]);
    expect(read('a third.', 'en')).toEqual([]);
    expect(read('guaranteed by a third party', 'en')).toEqual([]);
    expect(read('than a third country', 'en')).toEqual([]);
  });

  it('leaves a length of time alone: a fraction of a century or an hour is no share (it would equal 25 %)', () => {
    expect(read('a quarter of a century ago', 'en')).toEqual([]);
    expect(read('for half a century', 'en')).toEqual([]);
    expect(read('in half an hour', 'en')).toEqual([]);
    expect(read('a quarter of an hour', 'en')).toEqual([]);
    expect(read('четверть века назад', 'ru')).toEqual([]);
    expect(read('half of the profits', 'en')).toEqual([['half', 1 / 2]]);
  });
});

describe('fractions in digits', () => {
  it.each([
    ['2/3 of the frozen assets', 'en', '2/3', 2 / 3],
    ['1/2 of the profits', 'en', '1/2', 1 / 2],
    ['a 2/3 majority', 'en', '2/3', 2 / 3],
    ['3/100 of the budget', 'en', '3/100', 3 / 100],
    ['2/3 территории', 'ru', '2/3', 2 / 3],
    ['1/4 території', 'uk', '1/4', 1 / 4],
    ['5⁄4 of it', 'en', '5⁄4', 5 / 4],
    ['½ of the profits', 'en', '½', 1 / 2],
    ['¾ of the profits', 'en', '¾', 3 / 4],
    ['⅗ of the profits', 'en', '⅗', 3 / 5],
  ])('%s → one figure', (text, language, surface, value) => {
    expect(read(text, language)).toEqual([[surface, value]]);
  });

  // Real negatives: kremlin-en-27074, kremlin-en-54416, kremlin-en-54850, kremlin-en-55882; dates and UN symbols.
  it.each([
    ['Under the document signed they will be developed jointly on a 50/50 basis.', [['50', 50], ['50', 50]]],
    ['May 5, 2017, 12 pm – 4:30 pm, at 14/2 Ilyinka, entrance 7.', [['5', 5], ['2017', 2017], ['12', 12], ['4', 4], ['30', 30], ['14', 14], ['2', 2], ['7', 7]]],
    ['All federal agencies’ operations groups and the relevant Sberbank offices are working 24/7 to complete the work.', [['24', 24], ['7', 7]]],
    ['On November 8, 2008, the UN General Assembly adopted Resolution 63/3.', [['8', 8], ['2008', 2008], ['63', 63], ['3', 3]]],
    ['signed on 29/09/2015', [['29', 29], ['09', 9], ['2015', 2015]]],
    ['see A/70/PV.18', [['70', 70], ['18', 18]]],
    ['the 9/11 attacks', [['9', 9], ['11', 11]]],
    ['on 1/10/2015', [['1', 1], ['10', 10], ['2015', 2015]]],
    ['2/3', [['2', 2], ['3', 3]]],
    ['2/3 and', [['2', 2], ['3', 3]]],
    ['Decision No. 1/2 of the Council', [['1', 1], ['2', 2]]],
    // A document's number before "of" (review, 1 Dec 2026).
    ['HRC resolution 1/2 of 29 June 2006', [['1', 1], ['2', 2], ['29', 29], ['2006', 2006]]],
    ['Part 1/2 of the report', [['1', 1], ['2', 2]]],
    ['решение № 1/3 от', [['1', 1], ['3', 3]]],
  ] as [string, [string, number][]][])('%s', (text, expected) => {
    expect(read(text, 'en')).toEqual(expected);
  });
});

describe('Russian and Ukrainian fractions', () => {
  it.each([
    ['ru', 'две трети территории', 'две трети', 2 / 3],
    ['ru', '2 трети территории', '2 трети', 2 / 3],
    ['ru', 'двух третей голосов', 'двух третей', 2 / 3],
    ['ru', 'более трети', 'трети', 1 / 3],
    ['ru', 'треть', 'треть', 1 / 3],
    ['ru', 'одна треть', 'одна треть', 1 / 3],
    ['ru', 'половину прибыли', 'половину', 1 / 2],
    ['ru', 'половина', 'половина', 1 / 2],
    ['ru', 'половины', 'половины', 1 / 2],
    ['ru', 'половиной', 'половиной', 1 / 2],
    ['ru', 'три четверти', 'три четверти', 3 / 4],
    ['ru', 'четверть бюджета', 'четверть', 1 / 4],
    ['ru', 'одна пятая', 'одна пятая', 1 / 5],
    ['ru', 'две пятых', 'две пятых', 2 / 5],
    ['ru', 'трех десятых', 'трех десятых', 3 / 10],
    ['ru', 'сократить наполовину', 'наполовину', 1 / 2],
    ['uk', 'дві третини', 'дві третини', 2 / 3],
    ['uk', 'третина', 'третина', 1 / 3],
    ['uk', 'половина', 'половина', 1 / 2],
    ['uk', 'половину', 'половину', 1 / 2],
    ['uk', 'чверть', 'чверть', 1 / 4],
    ['uk', 'три чверті', 'три чверті', 3 / 4],
    ['uk', "дві п'ятих", "дві п'ятих", 2 / 5],
    ['uk', 'дві треті голосів', 'дві треті', 2 / 3],
    ['uk', 'двома третинами', 'двома третинами', 2 / 3],
    ['uk', "три п'яті", "три п'яті", 3 / 5],
    ['uk', 'одна п’ята', 'одна п’ята', 1 / 5],
  ])('%s %s → one figure', (language, text, surface, value) => {
    expect(read(text, language)).toEqual([[surface, value]]);
  });

  it('reads полтора / півтора as 1.5 (number words)', () => {
    expect(read('полтора года', 'ru')).toEqual([['полтора', 1.5, 'years']]);
    expect(read('полторы тысячи', 'ru')).toEqual([['полторы тысячи', 1500]]);
    expect(read('півтора року', 'uk')).toEqual([['півтора', 1.5, 'years']]);
  });

  it('leaves ordinals and periods that are no quantity', () => {
    expect(read('во второй половине года', 'ru')).toEqual([]);
    expect(read('в первой половине 2025 года', 'ru')).toEqual([['2025', 2025, 'years']]);
    expect(read('в третьей четверти', 'ru')).toEqual([]);
    expect(read('пятая колонна', 'ru')).toEqual([]);
    expect(read('третью страну', 'ru')).toEqual([]);
    // "двадцать пятая" is the 25th, not 20/5.
    expect(read('двадцать пятая сессия', 'ru')).toEqual([['двадцать', 20]]);
    expect(read('друга половина року', 'uk')).toEqual([]);
    expect(read('треті країни', 'uk')).toEqual([]);
  });
});

describe('what users paste', () => {
  it('reads a fraction with invisible characters and CRLF, spans into the text as given', () => {
    const text = 'two-thi\u00adrds of the\r\nassets and 2\u200b/3 of them';
    const fs = figures(text, 'en');
    expect(fs.map((f) => [f.text, f.value])).toEqual([
      ['two-thi\u00adrds', 2 / 3],
      ['2\u200b/3', 2 / 3],
    ]);
    for (const f of fs) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('makes one number token of the fraction (word diff and keys see one value)', () => {
    const a = lexTokens('two-thirds of the assets', 'en');
    const b = lexTokens('2/3 of the assets', 'en');
    expect(a[0]).toMatchObject({ kind: 'number', norm: b[0].norm, value: 2 / 3 });
  });
});

describe('fractions and percentages', () => {
  const fig = (value: number, extra: Partial<Figure> = {}): Figure => ({ value, text: '', start: 0, end: 0, ...extra });

  it('a fraction equals the same share as a percentage, and nothing rounder', () => {
    expect(sameFigure(fig(1 / 2, { fraction: true }), fig(50, { unit: '%' }))).toBe(true);
    expect(sameFigure(fig(50, { unit: '%' }), fig(1 / 2, { fraction: true }))).toBe(true);
    expect(sameFigure(fig(2 / 3, { fraction: true }), fig(200 / 3, { unit: '%' }))).toBe(true);
    expect(sameFigure(fig(1 / 3, { fraction: true }), fig(33, { unit: '%' }))).toBe(false);
    // A plain 0.5 is no share: "0.5" vs "50%" stays a changed figure.
    expect(sameFigure(fig(0.5), fig(50, { unit: '%' }))).toBe(false);
    // A fraction and a plain 50 (no unit) differ.
    expect(sameFigure(fig(1 / 2, { fraction: true }), fig(50))).toBe(false);
  });

  it('"half of the profits" / "50 percent of the profits" / "половину прибыли" change no figure', () => {
    const figureChanges = (a: string, la: string, b: string, lb: string) => changedFiguresAndEntities(a, la, b, lb).filter((c) => c.kind === 'figure');
    expect(figureChanges('The U.S. will receive half of the profits.', 'en', 'The U.S. will receive 50 percent of the profits.', 'en')).toEqual([]);
    expect(figureChanges('США получат половину прибыли.', 'ru', 'США получат 50% прибыли.', 'ru')).toEqual([]);
    expect(figureChanges('A third of the funds.', 'en', '33⅓% of the funds.', 'en')).toEqual([]);
    expect(figureChanges('A third of the funds.', 'en', '33% of the funds.', 'en')).toEqual([{ kind: 'figure', a: 'A third', b: '33%', aSpan: [0, 7], bSpan: [0, 3], unit: '%' }]);
  });
});
