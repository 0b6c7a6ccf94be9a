import type { Token } from './lex.js';
import { nameKey } from './names.js';

// Negation is content: "Ukraine will join NATO" and "Ukraine will not join
// NATO" say opposite things. The cue words are data here; the tokenizer keeps
// them out of the stop list, and `polarityChanges` reports a pair whose
// negations differ. Sources: the closed class of English negators (not, no,
// never, none, nor, neither, without, cannot and the n't clitic), Russian
// не/ни/нет/без/никогда/нельзя and the negative pronouns (никто, ничего,
// никакой… in every case), Ukrainian не/ні/немає/без/ніколи and ніхто, ніщо,
// жоден, ніякий… in every case.

const CUES = {
  en: new Set(['not', 'no', 'never', 'neither', 'nor', 'none', 'nobody', 'nothing', 'nowhere', 'without', 'cannot', 'non']),
  // The negative pronouns in all their cases: "Никаких уступок", "Ніяких поступок" negate with no не.
  ru: new Set([
    'не', 'ни', 'нет', 'без', 'никогда', 'нельзя', 'нигде', 'никуда', 'ниоткуда', 'никак',
    'ничто', 'ничего', 'ничему', 'ничем', 'ничём', 'никто', 'никого', 'никому', 'никем',
    'никакой', 'никакая', 'никакое', 'никакие', 'никакого', 'никаких', 'никакому', 'никаким', 'никакую', 'никакою', 'никаком', 'никакими',
  ]),
  uk: new Set([
    'не', 'ні', 'немає', 'нема', 'без', 'ніколи', 'ніде', 'нікуди', 'нізвідки', 'ніяк',
    'ніщо', 'нічого', 'нічому', 'нічим', 'ніхто', 'нікого', 'нікому', 'ніким',
    'жоден', 'жодна', 'жодне', 'жодні', 'жодних', 'жодного', 'жодної', 'жодним', 'жодному', 'жодній', 'жодну', 'жодною', 'жодними',
    'ніякий', 'ніяка', 'ніяке', 'ніякі', 'ніякого', 'ніякої', 'ніякому', 'ніякій', 'ніяким', 'ніякою', 'ніяку', 'ніяких', 'ніякими',
  ]),
};

/** True when a normalised word is a negation cue in its language ("n't" forms included: "won't", "don't"). */
export function isNegation(norm: string, lang: string): boolean {
  if (lang === 'ru') return CUES.ru.has(norm) || CUES.uk.has(norm);
  if (lang === 'uk') return CUES.uk.has(norm) || CUES.ru.has(norm);
  return CUES.en.has(norm) || /n't$/.test(norm);
}

/** A negation in a text: the cue token and the content word it negates (the next one in its clause), if any. */
export interface NegationCue {
  cue: Token;
  head?: Token;
}

/**
 * Words that extend a negation rather than being what it negates: "no longer
 * eligible" negates "eligible", "no more" likewise.
 */
const NEGATION_DEGREE = new Set(['longer', 'more']);

/**
 * "no" + one of these nouns is an adverb of the clause, not a noun phrase: "under no
 * circumstances", "in no case", "by no means", "at no time", "in no way", "on no account", "on no
 * condition": what it negates is the clause's word after it ("Under no circumstances will Ukraine
 * join NATO"), like "no one" ("No one will be held accountable") negates the verb after it.
 */
const NO_ADVERBIAL = new Set(['one', 'circumstances', 'circumstance', 'case', 'means', 'time', 'way', 'account', 'condition', 'conditions']);

/**
 * "not only … but also", "не только … но и", "не лише … а й": a cue before one of
 * these words adds rather than negates, so it is no negation.
 */
const NOT_ONLY = new Set(['only', 'just', 'merely', 'только', 'лишь', 'лише', 'тільки', 'лиш']);

/**
 * Bounds, not negations: "no later than 100 days", "not less than 20 years",
 * "не менее 20 лет" (= "at least 20 years"), "не позднее", "не більше". The
 * cue before one of these comparatives (English: followed by "than") sets a
 * limit on a figure or date and negates nothing.
 */
const BOUND_EN = new Set(['later', 'earlier', 'more', 'less', 'fewer', 'greater', 'longer', 'sooner']);
const BOUND_CYRILLIC = new Set([
  'менее', 'более', 'позднее', 'ранее', 'больше', 'меньше', 'позже', 'раньше', 'свыше',
  'менше', 'більше', 'пізніше', 'раніше', 'понад',
]);

/** Tokens after a negation (or after its parenthetical) searched for the word it negates. */
const HEAD_WINDOW = 4;

/** True when `at` opens a clause of `text`: nothing but blanks before it since the text's start or a . ! ? ; : or line end. */
function clauseStart(text: string | undefined, at: number): boolean {
  if (text === undefined) return false;
  return /(?:^|[.!?;:\n])[\s"'«“(]*$/.test(text.slice(Math.max(0, at - 40), at)) || at === 0;
}

function isBound(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1]?.norm;
  if (!next) return false;
  const cue = tokens[i].norm;
  if (cue === 'no' || cue === 'not') return BOUND_EN.has(next) && tokens[i + 2]?.norm === 'than';
  if (cue === 'не') return BOUND_CYRILLIC.has(next);
  return false;
}

/**
 * The negations of a token list. "nor" after "neither" is the same negation;
 * the head is the first content token (not a stop word, not another cue, not
 * "longer"/"more") within the next four tokens. Given the text the tokens index,
 * a parenthetical right after the cue is skipped ("will not, under any
 * circumstances, join": the head is "join"), up to eight tokens.
 */
export function negationCues(tokens: Token[], text?: string): NegationCue[] {
  const out: NegationCue[] = [];
  let neither = false;
  tokens.forEach((t, i) => {
    if (!t.negation) return;
    if ((t.norm === 'not' || t.norm === 'не') && NOT_ONLY.has(tokens[i + 1]?.norm ?? '')) return;
    if (isBound(tokens, i)) return;
    if (t.norm === 'neither') neither = true;
    else if (t.norm === 'nor' && neither) return;
    let from = i + 1;
    if (text && from < tokens.length && text.slice(t.end, tokens[from].start).includes(',')) {
      // A parenthetical: its closing comma precedes the word the negation is about (looked for up to i + 9 only).
      for (let k = from + 1; k <= Math.min(i + 9, tokens.length - 1); k++) {
        if (text.slice(tokens[k - 1].end, tokens[k].start).includes(',')) {
          from = k;
          break;
        }
      }
    }
    let head: Token | undefined;
    // A clause that opens with "Under no circumstances" inverts: "… will NATO expand": its subject
    // (the first content word after the auxiliary) is not what is negated, the verb after it is.
    // With no word after it in the text given (a clause cut short), the idiom's noun stays the head.
    let subject: Token | undefined;
    let idiom: Token | undefined;
    let inverted = false;
    for (let k = from; k < Math.min(tokens.length, from + HEAD_WINDOW + (inverted ? 1 : 0)); k++) {
      const x = tokens[k];
      if (x.negation || x.stop || NEGATION_DEGREE.has(x.norm)) continue;
      // "no one" is "nobody", "under no circumstances" is "never": the noun is not what they negate.
      if (k === i + 1 && t.norm === 'no' && NO_ADVERBIAL.has(x.text.toLowerCase())) {
        idiom = x;
        // Inverted with a named subject ("will NATO expand"); a pronoun subject ("will we let") is a stop word anyway.
        inverted = x.norm !== 'one' && i >= 1 && tokens[k + 1]?.stop === true && tokens[k + 2]?.stop === false && clauseStart(text, tokens[i - 1].start);
        continue;
      }
      if (inverted && !subject) {
        subject = x;
        continue;
      }
      head = x;
      break;
    }
    head ??= idiom;
    out.push({ cue: t, ...(head ? { head } : {}) });
  });
  return out;
}

/** A negation one reading has and the other lacks; `a`/`b` quote each side, spans are offsets into each text. */
export interface PolarityChange {
  kind: 'polarity';
  a: string | null;
  b: string | null;
  aSpan?: [number, number];
  bSpan?: [number, number];
}

/**
 * Across languages: true when a word of one reading renders a word of the other
 * (the bilingual lexicon's links: see src/text/lexicon). Passed in by callers
 * so that this module does not load the lexicon.
 */
export type TranslationLink = (x: Token, y: Token) => boolean;

/**
 * Negations one reading has and the other lacks, on a word both share: "will
 * join" → "will not join", "Foreign troops" → "No foreign troops". A negation
 * is matched by the word it negates (its head: "not join" matches "never
 * join"); a head is compared by glossary concept, figure value or name key in
 * any language pair, and by stem within one language. A negated head the
 * other reading does not have at all is rewording, not polarity; across
 * languages, negations of words no key can compare are matched by count.
 * Each change quotes the negated phrase on one side and the same words
 * without the negation on the other: `{ a: "join", b: "not join" }`.
 */
export function polarityChanges(a: string, ta: Token[], b: string, tb: Token[], sameLanguage: boolean, translates?: TranslationLink): PolarityChange[] {
  const ca = negationCues(ta, a);
  const cb = negationCues(tb, b);
  const headKey = (t: Token | undefined): string | undefined => {
    if (!t) return undefined;
    if (t.concept) return `c:${t.concept}`;
    if (t.kind === 'number') return `n:${t.norm}`;
    if (t.kind === 'entity') return `t:${nameKey(t.stem)}`;
    return sameLanguage ? `s:${t.stem}` : undefined;
  };
  // Two heads name one word: same key, or, within one language, words whose
  // normal forms differ only in an ending the stemmer left ("умов" / "умовами").
  const sameHead = (x: Token | undefined, y: Token | undefined): boolean => {
    const kx = headKey(x);
    const ky = headKey(y);
    if (kx === ky) return true;
    // Within one language the same stem is the same word, even where a glossary phrase gave one of them
    // a concept ("without cause" is a phrase, "with cause" is not).
    if (sameLanguage && x && y && x.kind === 'word' && y.kind === 'word' && x.stem === y.stem) return true;
    if (!sameLanguage && x && y && translates?.(x, y)) return true;
    if (!x || !y || !sameLanguage || !kx?.startsWith('s:') || !ky?.startsWith('s:')) return false;
    let n = 0;
    while (n < x.norm.length && x.norm[n] === y.norm[n]) n++;
    return n >= 4 && n >= Math.min(x.norm.length, y.norm.length) - 1;
  };
  const out: PolarityChange[] = [];
  const sides = [
    { cues: ca, other: cb, otherTokens: tb, text: a, otherText: b, key: 'a' as const },
    { cues: cb, other: ca, otherTokens: ta, text: b, otherText: a, key: 'b' as const },
  ];
  for (const side of sides) {
    const free = [...side.other];
    const loose: typeof ca = [];
    for (const c of side.cues) {
      const key = headKey(c.head);
      const k = free.findIndex((y) => sameHead(c.head, y.head));
      if (k >= 0) {
        free.splice(k, 1);
        continue;
      }
      // A head no key compares and no lexicon link renders: matched by count below.
      if (key === undefined && !(translates && c.head && side.otherTokens.some((t) => translates(c.head!, t)))) {
        loose.push(c);
        continue;
      }
      // The negated word must be there, unnegated, in the other reading.
      const negated = new Set(side.other.map((y) => y.head));
      const counterpart = side.otherTokens.find((t) => !t.negation && !negated.has(t) && sameHead(c.head, t));
      if (!counterpart) continue;
      out.push(polarityChange(side.key, side.text, c, side.otherText, counterpart));
    }
    // Across languages, negations of words without a comparable key: by count, against every negation
    // of the other reading that no key paired ("not host" / "не разместит": "host" has a concept, "разместит" none).
    const looseOther = sameLanguage ? free.filter((y) => headKey(y.head) === undefined).length : free.length;
    for (const c of loose.slice(looseOther)) out.push(polarityChange(side.key, side.text, c, side.otherText, undefined));
  }
  return out;
}

function polarityChange(side: 'a' | 'b', text: string, c: { cue: Token; head?: Token }, otherText: string, other: Token | undefined): PolarityChange {
  const end = c.head?.end ?? c.cue.end;
  const negated = { text: text.slice(c.cue.start, end), span: [c.cue.start, end] as [number, number] };
  const plain = other ? { text: otherText.slice(other.start, other.end), span: [other.start, other.end] as [number, number] } : undefined;
  return side === 'a'
    ? { kind: 'polarity', a: negated.text, b: plain?.text ?? null, aSpan: negated.span, ...(plain ? { bSpan: plain.span } : {}) }
    : { kind: 'polarity', a: plain?.text ?? null, b: negated.text, ...(plain ? { aSpan: plain.span } : {}), bSpan: negated.span };
}
