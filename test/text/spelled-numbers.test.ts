// Numbers written in words are one figure only when the words compose as one
// numeral (number-words.ts, NumeralReader): "five six days" is 5 and 6, never
// 11; and "семью" alone is "family", not 7. English sentences are real: from
// the Kremlin archive (data/bulk/kremlin-en-2000-2020.jsonl.gz, record ids
// given). The short Russian, Ukrainian and English phrases are test phrases for
// the mechanism, not plan text.
import { describe, expect, it } from 'vitest';
import { figures } from '../../src/text/figures.js';
import { lexTokens } from '../../src/text/lex.js';
import { NumeralReader, wordsValue } from '../../src/text/number-words.js';

/** [text, value, unit] of each figure, and a check that each span slices the text to the figure's text. */
function read(text: string, language: string): [string, number, string?][] {
  const fs = figures(text, language);
  for (const f of fs) expect(text.slice(f.start, f.end)).toBe(f.text);
  return fs.map((f) => (f.unit ? [f.text, f.value, f.unit] : [f.text, f.value]));
}

describe('number words that do not compose are separate numbers', () => {
  it.each([
    ['five six days', 'en', [['five', 5], ['six', 6, 'days']]],
    ['five-six days', 'en', [['five', 5], ['six', 6, 'days']]],
    ['one two three', 'en', [['two', 2], ['three', 3]]],
    ['twenty thirty', 'en', [['twenty', 20], ['thirty', 30]]],
    ['nineteen ninety-nine', 'en', [['nineteen', 19], ['ninety-nine', 99]]],
    ['billion billion', 'en', []],
    ['three thousand million', 'en', [['three thousand', 3000]]],
    ['три четыре дня', 'ru', [['три', 3], ['четыре', 4, 'days']]],
    ['один два', 'ru', [['два', 2]]],
    ['двадцать тридцать', 'ru', [['двадцать', 20], ['тридцать', 30]]],
    ['сорок сорока', 'ru', [['сорок', 40], ['сорока', 40]]],
    ['двенадцать пять', 'ru', [['двенадцать', 12], ['пять', 5]]],
    ['сто двести', 'ru', [['сто', 100], ['двести', 200]]],
    ['пять-шесть тысяч', 'ru', [['пять', 5], ['шесть тысяч', 6000]]],
    ['двадцять тридцять днів', 'uk', [['двадцять', 20], ['тридцять', 30, 'days']]],
    ["п'ять-шість", 'uk', [["п'ять", 5], ['шість', 6]]],
  ] as [string, string, [string, number, string?][]][])('%s', (text, language, expected) => {
    expect(read(text, language)).toEqual(expected);
  });

  // Real sentences (Kremlin archive).
  it.each([
    // kremlin-en-62582: "and" joins a numeral only after a hundreds part or a scale
    ['In this connection, I suggest we introduce monthly payments for children aged between three and seven starting already from January 1, 2020.', [['three', 3], ['seven', 7], ['1', 1], ['2020', 2020]]],
    // kremlin-en-55761
    ['It took a person between six and eight minutes on average to get registered at a fan ID centre.', [['six', 6], ['eight', 8]]],
    // kremlin-en-57692
    ['Then families with many children will also be eligible as are those with two and three children now.', [['two', 2], ['three', 3]]],
    // kremlin-en-60527
    ['Bur here we can put two and two together and see if it works.', [['two', 2], ['two', 2]]],
    // kremlin-en-63194
    ['we need an objective forecast, not only for the medium- or long-term, but for the next three, seven and ten days.', [['three', 3], ['seven', 7], ['ten', 10, 'days']]],
    // kremlin-en-55935: "one" is a pronoun here, "three years" the figure
    ['Importantly, we do not want to find ourselves in a situation similar to the one three years ago when our access to financial markets was limited', [['three', 3, 'years']]],
    // kremlin-en-51579, kremlin-en-29436: approximate ranges written with a hyphen
    ['we plan to bring new facilities on line in two-three years, when the market stabilises.', [['two', 2], ['three', 3, 'years']]],
    ['noting that over the next five-seven years Russian oil supplies could amount to more than 10% of US oil imports.', [['five', 5], ['seven', 7, 'years'], ['10%', 10, '%']]],
    // kremlin-en-54983: a repeated scale is no one numeral
    ['For example, we need a billion billion (quintillion) bytes to store the sequenced genomes of one million people.', [['one million', 1_000_000, 'persons']]],
  ] as [string, [string, number, string?][]][])('real: %s', (text, expected) => {
    expect(read(text, 'en')).toEqual(expected);
  });
});

describe('well-formed numerals stay one number', () => {
  it.each([
    ['twenty-five', 'en', 25],
    ['twenty five', 'en', 25],
    ['two hundred and fifty thousand', 'en', 250_000],
    ['one hundred and five', 'en', 105],
    ['two thousand and ten', 'en', 2010],
    ['fifteen hundred', 'en', 1500],
    ['two million three hundred thousand', 'en', 2_300_000],
    ['half a million', 'en', 500_000],
    ['two and a half million', 'en', 2_500_000],
    ['шестьсот тысяч', 'ru', 600_000],
    ['двадцать пять', 'ru', 25],
    ['сто двадцать', 'ru', 120],
    ['сто двадцать пять тысяч триста', 'ru', 125_300],
    ['шестьюстами тысячами', 'ru', 600_000],
    ['полтора миллиона', 'ru', 1_500_000],
    ['полмиллиона', 'ru', 500_000],
    ['двадцатью семью', 'ru', 27],
    ['семью тысячами', 'ru', 7000],
    ["п'ятсот тисяч", 'uk', 500_000],
    ['двісті п\'ятдесят', 'uk', 250],
  ] as [string, string, number][])('%s → %d', (text, language, value) => {
    expect(read(text, language)).toEqual([[text, value]]);
  });

  // Real sentences (Kremlin archive).
  it.each([
    // kremlin-en-53079
    ['Three hundred and thirty people were convicted of illegal hunting.', [['Three hundred and thirty', 330, 'persons']]],
    // kremlin-en-60850
    ['One hundred and fifty South Korean companies work in Russia', [['One hundred and fifty', 150]]],
    // kremlin-en-26850
    ['Eighty eight Russian specialists, including security staff, will arrive in Kabul by the end of the week.', [['Eighty eight', 88]]],
    // kremlin-en-29778
    ['Twenty seven people were killed and over 450 were injured.', [['Twenty seven', 27, 'persons'], ['450', 450]]],
    // kremlin-en-34464
    ['In 2004 in Russia more than two hundred thousand road and transport accidents took the lives of almost thirty five thousand people.', [['2004', 2004], ['two hundred thousand', 200_000], ['thirty five thousand', 35_000, 'persons']]],
    // kremlin-en-62366
    ['No, my book, One Thousand and One Questions about This, was published in a multi-million print-run.', [['One Thousand and One', 1001]]],
    // kremlin-en-54790
    ['One and a half thousand is an understatement, I think.', [['One and a half thousand', 1500]]],
    // kremlin-en-60680, kremlin-en-42797: "and a half" after a scale is half of that scale (was read as +0.5)
    ['we have used it to invest over a trillion and a half rubles in ongoing projects in almost every Russian region.', [['trillion and a half', 1.5e12, 'RUB']]],
    ['It was the first collection of photographs and documents dealing with a thousand and a half Soviet prisoners of war who died in Hammelburg.', [['thousand and a half', 1500]]],
  ] as [string, [string, number, string?][]][])('real: %s', (text, expected) => {
    expect(read(text, 'en')).toEqual(expected);
  });
});

describe('homographs: "семью" (family, or the instrumental of семь), "с нуля" (from scratch)', () => {
  it.each([
    ['Одну семью', []],
    ['поддержать семью', []],
    ['в семью', []],
    ['Семью погибшего поддержат', []],
    // Beside a number word it does not compose with: 7 × 8 is no 15, and семью is left alone.
    ['семью восемь', [['восемь', 8]]],
    // A counted noun in the instrumental plural after it: the number.
    ['семью годами', [['семью', 7, 'years']]],
    ['семью днями', [['семью', 7, 'days']]],
  ] as [string, [string, number, string?][]][])('%s', (text, expected) => {
    expect(read(text, 'ru')).toEqual(expected);
  });

  it('"с нуля" is "from scratch", no figure, unless a range follows', () => {
    expect(read('пересоздать с нуля', 'ru')).toEqual([]);
    expect(read('відбудувати з нуля', 'uk')).toEqual([]);
    expect(read('с нуля до 5 %', 'ru')).toEqual([['нуля', 0], ['5 %', 5, '%']]);
    expect(read('больше нуля', 'ru')).toEqual([['нуля', 0]]);
  });

  it('stays a word with no value when it is no number', () => {
    const t = lexTokens('воссоединить семью', 'ru').find((x) => x.norm === 'семью')!;
    expect([t.kind, t.value]).toEqual(['word', undefined]);
  });
});

describe('NumeralReader', () => {
  it('reads nothing it refuses: a refused word leaves the numeral as it was', () => {
    const r = new NumeralReader();
    expect(r.push('twenty')).toBe(true);
    expect(r.push('thirty')).toBe(false);
    expect(r.push('five')).toBe(true);
    expect(r.value()).toBe(25);
    expect(r.pushWord('six-seven')).toBe(false);
    expect(r.value()).toBe(25);
    expect(r.push('thousand')).toBe(true);
    expect(r.mayJoin()).toBe(true);
    expect(r.value()).toBe(25_000);
  });

  it('gives no value for one word that is no figure alone', () => {
    expect(wordsValue(['one'])).toBeUndefined();
    expect(wordsValue(['тысячи'])).toBeUndefined();
    expect(wordsValue(['five', 'six'])).toBeUndefined();
    expect(wordsValue(['twenty', 'five'])).toBe(25);
  });
});
