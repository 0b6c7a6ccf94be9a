// Numbers written in words, in English, Russian and Ukrainian: "one hundred
// days", "six hundred thousand", "шестьсот тысяч", "тридцати километров",
// "сто днів", "п'ятсот тисяч". No maintained npm package reads all three
// languages (words-to-numbers is English only), so the words are data here,
// each with its value and its role; `wordsValue` combines a run of them.
//
// Russian and Ukrainian numerals decline; the oblique forms that plan prose
// uses (genitive after "до", "более", "не менее"; instrumental after "с") are
// listed beside the nominative. Words are compared after normalizeWord
// (lower case, ё→е, straight apostrophe).

import { fractionWords } from './fractions.js';

type Role = 'unit' | 'hundreds' | 'hundred' | 'scale';

const TABLE = new Map<string, { value: number; role: Role }>();

function add(role: Role, value: number, forms: string) {
  for (const f of forms.split(/\s+/).filter(Boolean)) TABLE.set(f, { value, role });
}

// English (the cardinals; "a" is not read as one).
[
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
].forEach((w, i) => add('unit', i, w));
['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].forEach((w, i) => add('unit', (i + 2) * 10, w));
add('hundred', 100, 'hundred');
/** "one and a half million", "half a million": the lexer reads these phrases as one word each (see spelledNumbers). */
export const AND_A_HALF = 'and-a-half';
export const HALF_A = 'half-a';
add('unit', 0.5, `${AND_A_HALF} ${HALF_A}`);
add('scale', 1e3, 'thousand');
add('scale', 1e6, 'million');
add('scale', 1e9, 'billion');
add('scale', 1e12, 'trillion');

// Russian: every case (nominative, genitive, dative, instrumental, prepositional),
// since "ограничена шестьюстами тысячами человек" is as much a figure as "600 тыс.".
add('unit', 0, 'ноль нуль ноля нуля нолю нулю нолем нулем');
add('unit', 1, 'один одна одно одного одной одному одним одну одном одною');
add('unit', 2, 'два две двух двум двумя');
add('unit', 3, 'три трех трем тремя');
add('unit', 4, 'четыре четырех четырем четырьмя');
add('unit', 5, 'пять пяти пятью');
add('unit', 6, 'шесть шести шестью');
add('unit', 7, 'семь семи семью');
add('unit', 8, 'восемь восьми восемью восьмью');
add('unit', 9, 'девять девяти девятью');
add('unit', 10, 'десять десяти десятью');
const RU_TEENS = ['одиннадцат', 'двенадцат', 'тринадцат', 'четырнадцат', 'пятнадцат', 'шестнадцат', 'семнадцат', 'восемнадцат', 'девятнадцат'];
RU_TEENS.forEach((s, i) => add('unit', 11 + i, `${s}ь ${s}и ${s}ью`));
add('unit', 20, 'двадцать двадцати двадцатью');
add('unit', 30, 'тридцать тридцати тридцатью');
add('unit', 40, 'сорок сорока');
add('unit', 50, 'пятьдесят пятидесяти пятьюдесятью');
add('unit', 60, 'шестьдесят шестидесяти шестьюдесятью');
add('unit', 70, 'семьдесят семидесяти семьюдесятью');
add('unit', 80, 'восемьдесят восьмидесяти восемьюдесятью восьмьюдесятью');
add('unit', 90, 'девяносто девяноста');
// "полтора миллиона" = 1.5 million.
add('unit', 1.5, 'полтора полторы полутора');
// "полмиллиона" = 500,000: one word, so a value of its own.
add('unit', 5e5, 'полмиллиона');
add('unit', 5e8, 'полмиллиарда');
add('hundreds', 100, 'сто ста');
add('hundreds', 200, 'двести двухсот двумстам двумястами двухстах');
add('hundreds', 300, 'триста трехсот тремстам тремястами трехстах');
add('hundreds', 400, 'четыреста четырехсот четыремстам четырьмястами четырехстах');
add('hundreds', 500, 'пятьсот пятисот пятистам пятьюстами пятистах');
add('hundreds', 600, 'шестьсот шестисот шестистам шестьюстами шестистах');
add('hundreds', 700, 'семьсот семисот семистам семьюстами семистах');
add('hundreds', 800, 'восемьсот восьмисот восьмистам восемьюстами восьмьюстами восьмистах');
add('hundreds', 900, 'девятьсот девятисот девятистам девятьюстами девятистах');
add('scale', 1e3, 'тысяча тысячи тысяч тысячу тысячам тысячами тысяче тысячах тысячей тысячью');
add('scale', 1e6, 'миллион миллиона миллионов миллионы миллионам миллионами миллиону миллионом миллионе миллионах');
add('scale', 1e9, 'миллиард миллиарда миллиардов миллиарды миллиардам миллиардами миллиарду миллиардом миллиарде миллиардах');
add('scale', 1e12, 'триллион триллиона триллионов триллионы триллионам триллионами триллиону триллионом триллионе триллионах');

// Ukrainian, every case (forms shared with Russian are not repeated).
add('unit', 0, 'нуль нуля нулю нулем');
add('unit', 1, 'одне одній одного одному одним одну одною');
add('unit', 2, 'дві двох двом двома');
add('unit', 3, 'трьох трьом трьома');
add('unit', 4, 'чотири чотирьох чотирьом чотирма');
add('unit', 5, "п'ять п'яти п'ятьом п'ятьма п'ятьох");
add('unit', 6, 'шість шести шістьом шістьма шістьох');
add('unit', 7, 'сім семи сімом сімома сімох');
add('unit', 8, 'вісім восьми вісьмом вісьма вісьмох');
add('unit', 9, "дев'ять дев'яти дев'ятьом дев'ятьма дев'ятьох");
add('unit', 10, 'десять десяти десятьом десятьма десятьох');
const UK_TEENS = ['одинадцят', 'дванадцят', 'тринадцят', 'чотирнадцят', "п'ятнадцят", 'шістнадцят', 'сімнадцят', 'вісімнадцят', "дев'ятнадцят"];
UK_TEENS.forEach((s, i) => add('unit', 11 + i, `${s}ь ${s}и ${s}ьом ${s}ьма ${s}ьох`));
add('unit', 20, 'двадцять двадцяти двадцятьом двадцятьма двадцятьох');
add('unit', 30, 'тридцять тридцяти тридцятьом тридцятьма тридцятьох');
add('unit', 50, "п'ятдесят п'ятдесяти п'ятдесятьом п'ятдесятьма");
add('unit', 60, 'шістдесят шістдесяти шістдесятьом шістдесятьма');
add('unit', 70, 'сімдесят сімдесяти сімдесятьом сімдесятьма');
add('unit', 80, 'вісімдесят вісімдесяти вісімдесятьом вісімдесятьма');
add('unit', 90, "дев'яносто дев'яноста");
add('unit', 1.5, 'півтора півтори');
add('unit', 5e5, 'півмільйона');
add('unit', 5e8, 'півмільярда');
add('hundreds', 200, 'двісті двохсот двомстам двомастами двохстах');
add('hundreds', 300, 'трьохсот трьомстам трьомастами трьохстах');
add('hundreds', 400, 'чотириста чотирьохсот чотирьомстам чотирмастами чотирьохстах');
add('hundreds', 500, "п'ятсот п'ятисот п'ятистам п'ятьмастами п'ятистах");
add('hundreds', 600, 'шістсот шістьмастами');
add('hundreds', 700, 'сімсот сьомастами');
add('hundreds', 800, 'вісімсот вісьмастами');
add('hundreds', 900, "дев'ятсот дев'ятисот дев'ятистам дев'ятьмастами дев'ятистах");
add('scale', 1e3, 'тисяча тисячі тисяч тисячу тисячам тисячами тисячею тисячах');
add('scale', 1e6, 'мільйон мільйона мільйону мільйонів мільйони мільйонам мільйонами мільйоном мільйоні мільйонах');
add('scale', 1e9, 'мільярд мільярда мільярду мільярдів мільярди мільярдам мільярдами мільярдом мільярді мільярдах');
add('scale', 1e12, 'трильйон трильйона трильйону трильйонів трильйони трильйонам трильйонами трильйоном трильйоні трильйонах');

/** Role and value of one normalised word, or undefined when it is no number word. */
export function numberWord(norm: string): { value: number; role: Role } | undefined {
  return TABLE.get(norm);
}

/** Words that join number words inside one number ("one hundred and five"). */
export const NUMBER_JOINERS = new Set(['and']);

/**
 * The value of a run of number words (already normalised, hyphenated compounds
 * split: "twenty-five" → ["twenty", "five"]), or undefined when the run does
 * not read as one number ("one" alone is a pronoun as often as a figure).
 * Method: the usual accumulator — units add, "hundred" multiplies the
 * running group, a scale word closes the group.
 */
export function wordsValue(words: string[]): number | undefined {
  let total = 0;
  let group = 0;
  let seen = 0;
  for (const w of words) {
    const entry = TABLE.get(w);
    if (!entry) return undefined;
    seen++;
    if (entry.role === 'unit' || entry.role === 'hundreds') group += entry.value;
    else if (entry.role === 'hundred') group = (group || 1) * 100;
    else {
      total += (group || 1) * entry.value;
      group = 0;
    }
  }
  if (!seen) return undefined;
  // "one" alone is a pronoun as often as a figure; a scale word alone ("тысячи людей") is "thousands".
  if (seen === 1 && ((TABLE.get(words[0])!.value === 1 && TABLE.get(words[0])!.role === 'unit') || TABLE.get(words[0])!.role === 'scale')) return undefined;
  return total + group;
}

/** Any table word, or fraction word (fractions.ts), standing as a word of its own (text lower-cased, ё→е, straight apostrophe, invisible characters out). */
let NUMBER_WORD_RE: RegExp | undefined;

/**
 * True when `text` may hold a number written in words: a cheap pre-check
 * (one regular expression, no lexing) that lets figures() skip text with no
 * digit of any script and no number word. It errs on the side of true.
 */
export function mayHoldNumberWord(text: string): boolean {
  NUMBER_WORD_RE ??= new RegExp(`(?<!\\p{L})(?:${[...TABLE.keys(), ...fractionWords()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?!\\p{L})`, 'u');
  const plain = text.toLowerCase().replace(/[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, '').replace(/ё/g, 'е').replace(/[\u2018\u2019\u02bc\u2032]/g, "'");
  return NUMBER_WORD_RE.test(plain);
}
