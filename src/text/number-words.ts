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
 * Reads a numeral word by word, accepting a word only when it composes with
 * the words before it into one well-formed numeral, the same for English,
 * Russian and Ukrainian: a scale word ("thousand", "тысяч") multiplies the
 * group before it, and scales fall ("two million three hundred thousand");
 * within a group (below 1000) come a hundreds part ("сто", "two hundred",
 * "fifteen hundred"), then a tens word, then a unit after a tens word
 * ("twenty five", "двадцать пять"), or a teen or unit alone; English "and"
 * joins after a hundreds part or a scale ("one hundred and five", "two
 * thousand and ten"), "and a half" ends a group or follows a scale ("a
 * trillion and a half"). Anything else starts a new number: "five six days"
 * is 5 and 6, "twenty thirty" 20 and 30, "три четыре дня" 3 and 4, "сорок
 * сорока" 40 and 40, "billion billion" two scales. Method: the usual
 * accumulator (group and total) with the slot the group has reached.
 *
 * One instance is reused run after run (reset): no allocation per word.
 */
export class NumeralReader {
  /** Sum of the closed groups (each times its scale). */
  total = 0;
  /** The open group's value. */
  group = 0;
  /** What may still come in the open group: 3 anything, 2 tens/teen/unit (after hundreds), 1 a unit 1–9 (after tens), 0 nothing but a scale or "hundred"/"and a half" (after a unit or teen). */
  slot = 3;
  /** The last scale read (Infinity before any): the next must be smaller. */
  scale = Infinity;
  /** Words read. */
  words = 0;
  /** Nothing may follow (after "zero", "полмиллиона", "and a half" after a scale). */
  closed = false;
  /** The group holds "and a half" or "полтора": no unit nor tens may follow, a scale may. */
  half = false;
  /** The first word's table entry (for the one-word rule of value()). */
  private first: Entry | undefined;

  reset(): void {
    this.total = 0;
    this.group = 0;
    this.slot = 3;
    this.scale = Infinity;
    this.words = 0;
    this.closed = false;
    this.half = false;
    this.first = undefined;
  }

  /**
   * Reads a whole word, hyphenated or not ("twenty-five": every part, or none). True when read;
   * false, and nothing read, when it does not compose with the words before.
   */
  pushWord(norm: string): boolean {
    if (!norm.includes('-')) return this.push(norm);
    const { total, group, slot, scale, words, closed, half, first } = this;
    for (const part of norm.split('-')) {
      if (this.push(part)) continue;
      Object.assign(this, { total, group, slot, scale, words, closed, half });
      this.first = first;
      return false;
    }
    return true;
  }

  /** True when "and" may come next (English: after a hundreds part or a scale, before a smaller number). */
  mayJoin(): boolean {
    return !this.closed && !this.half && ((this.slot === 2 && this.group > 0) || (this.group === 0 && this.total > 0 && this.scale !== Infinity));
  }

  /** Reads `norm` (a normalised table word, or AND_A_HALF / HALF_A) when it composes with the words before; false, and nothing read, when it does not. */
  push(norm: string): boolean {
    const e = TABLE.get(norm);
    if (!e || this.closed) return false;
    const v = e.value;
    const empty = this.words === 0;
    switch (e.role) {
      case 'scale':
        // A scale falls below the last one, after a group or first ("thousand" alone, "a thousand and a half").
        if (v >= this.scale || (this.group === 0 && !empty)) return false;
        this.total += (this.group || 1) * v;
        this.group = 0;
        this.slot = 3;
        this.scale = v;
        this.half = false;
        break;
      case 'hundred':
        // English "two hundred", "fifteen hundred", "hundred" (alone: 100): multiplies a group below 100 that has no hundreds part.
        if (this.half || this.group >= 100 || (this.slot === 2 && this.group > 0) || !Number.isInteger(this.group)) return false;
        this.group = (this.group || 1) * 100;
        this.slot = 2;
        break;
      case 'hundreds':
        if (this.slot !== 3) return false;
        this.group = v;
        this.slot = 2;
        break;
      case 'unit':
        if (v === 0.5) {
          if (norm === HALF_A) {
            // "half a million": first, before a scale (the lexer checks the scale).
            if (!empty) return false;
            this.group = 0.5;
            this.slot = 0;
            this.half = true;
            break;
          }
          // "and a half": ends a group ("two and a half million") or follows a scale ("a trillion and a half").
          if (this.half) return false;
          if (this.group > 0) {
            this.group += 0.5;
            this.slot = 0;
            this.half = true;
          } else if (this.total > 0 && this.scale !== Infinity) {
            this.total += this.scale / 2;
            this.closed = true;
          } else return false;
          break;
        }
        if (this.half) return false;
        if (v === 0) {
          // "ноль", "zero": alone.
          if (!empty) return false;
          this.closed = true;
        } else if (!Number.isInteger(v) || v >= 100) {
          // "полтора" (first, may take a scale), "полмиллиона" (alone).
          if (!empty) return false;
          this.group = v;
          this.slot = 0;
          if (v >= 100) this.closed = true;
          else this.half = true;
          break;
        } else if (v < 10) {
          if (this.slot < 1) return false;
        } else if (v < 20 || v % 10 === 0) {
          if (this.slot < 2) return false;
        } else return false;
        this.group += v;
        this.slot = v >= 20 ? 1 : 0;
        break;
    }
    if (empty) this.first = e;
    this.words++;
    return true;
  }

  /** The numeral's value, or undefined when nothing was read or the one word read is no figure alone ("one" is a pronoun as often; a scale word alone, "тысячи людей", is "thousands"). */
  value(): number | undefined {
    if (this.words === 0) return undefined;
    if (this.words === 1 && ((this.first!.role === 'unit' && this.first!.value === 1) || this.first!.role === 'scale')) return undefined;
    return this.total + this.group;
  }
}

type Entry = { value: number; role: Role };

const READER = new NumeralReader();

/**
 * The value of a run of number words (already normalised, hyphenated compounds
 * split: "twenty-five" → ["twenty", "five"]), or undefined when the run does
 * not read as one well-formed numeral (NumeralReader: "five six" is two
 * numbers) or is one word that is no figure alone ("one", "thousand").
 */
export function wordsValue(words: string[]): number | undefined {
  READER.reset();
  for (const w of words) if (!READER.push(w)) return undefined;
  return READER.value();
}

/**
 * Number words that are often other words, read as numbers alone only with a cue
 * (homographIsNumber). "семью" is "family" (accusative, instrumental of "семья": "поддержать
 * семью", "Одну семью") as well as the instrumental of "семь"; "с нуля" / "з нуля" is "from
 * scratch" ("пересоздать базы данных с нуля"). Inside a numeral of two or more words such a word
 * is a number ("двадцатью семью", "семью тысячами"). Ukrainian "сім'ю" (family) is no table
 * word. Other homographs of the table are rare in the plans' prose ("сорока" magpie, "три" rub)
 * and stay numbers.
 */
const HOMOGRAPHS = new Set(['семью', 'нуля']);

/** True when `norm` alone is a number only with a cue (HOMOGRAPHS, homographIsNumber). */
export function isHomograph(norm: string): boolean {
  return HOMOGRAPHS.has(norm);
}

/**
 * The instrumental plural ending of a counted noun after an instrumental numeral ("годами", "днями",
 * "людьми"). It also ends nouns after a verb that takes the instrumental ("обеспечить семью
 * продуктами": "provide the family with food"), where "семью" then reads as 7: a misreading this cue accepts.
 */
const INSTRUMENTAL_PLURAL = /(?:ами|ями|ьми)$/;

/**
 * Whether the homograph `norm` (isHomograph), standing alone, is a number, given the normalised
 * words right before and after it (undefined: none, or not next to it). "семью": before a counted
 * noun in the instrumental plural ("семью годами"). "нуля": unless after "с"/"со"/"з" ("from
 * scratch"), where it is a number only as the start of a range ("с нуля до 5 %").
 */
export function homographIsNumber(norm: string, before: string | undefined, after: string | undefined): boolean {
  if (norm === 'семью') return after !== undefined && INSTRUMENTAL_PLURAL.test(after);
  if (norm === 'нуля') return !(before === 'с' || before === 'со' || before === 'з') || after === 'до';
  return true;
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
