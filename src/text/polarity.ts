import type { Token } from './lex.js';
import { russianIsAdverb } from './morph.js';
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
    'ничто', 'ничего', 'ничему', 'ничем', 'никто', 'никого', 'никому', 'никем',
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

/**
 * "include, but not be limited to", "including but not limited to", "not restricted to",
 * "включая, но не ограничиваясь", "але не обмежуючись": the negation of a limit widens a
 * list (an inclusion), it negates nothing. English needs "to" after the word.
 */
const NOT_LIMITED = new Set(['limited', 'restricted', 'confined', 'ограничиваясь', 'ограничиваться', 'обмежуючись', 'обмежуватися']);

/** Tokens after a negation (or after its parenthetical) searched for the word it negates. */
const HEAD_WINDOW = 4;

/** True when `at` opens a clause of `text`: nothing but blanks before it since the text's start or a . ! ? ; : or line end. */
function clauseStart(text: string | undefined, at: number): boolean {
  if (text === undefined) return false;
  return /(?:^|[.!?;:\n])[\s"'«“(]*$/.test(text.slice(Math.max(0, at - 40), at)) || at === 0;
}

/**
 * Lexically negative verbs and nouns: they negate their complement as "not" does ("deny
 * accession" = "no accession"). English by surface form, Russian by Az.js lemma, Ukrainian (a
 * stemmer, no lemmas) by the beginning of the word. Source: the negative-implicative and
 * prohibitive verbs of the reporter's cases and their nouns; "object" only before "to", "rule"
 * only before "out" (their other senses negate nothing).
 */
const NEGATIVE_EN = new Set([
  'deny', 'denies', 'denied', 'denying', 'denial', 'refuse', 'refuses', 'refused', 'refusing', 'refusal',
  'reject', 'rejects', 'rejected', 'rejecting', 'rejection', 'refrain', 'refrains', 'refrained', 'refraining',
  'renounce', 'renounces', 'renounced', 'renouncing', 'renunciation', 'forgo', 'forgoes', 'forgoing', 'forwent', 'forgone',
  'forego', 'foregoes', 'forewent', 'prohibit', 'prohibits', 'prohibited', 'prohibiting', 'prohibition',
  'ban', 'bans', 'banned', 'banning', 'exclude', 'excludes', 'excluded', 'exclusion', 'abandon', 'abandons', 'abandoned',
  'abandoning', 'abandonment', 'prevent', 'prevents', 'prevented', 'preventing', 'prevention',
]);
/** "rule out", "object to": the particle the verb needs to be negative. */
const NEGATIVE_EN_WITH: Record<string, string> = {
  rule: 'out', rules: 'out', ruled: 'out', ruling: 'out', object: 'to', objects: 'to', objected: 'to', objecting: 'to',
};
const NEGATIVE_RU = new Set([
  'отказаться', 'отказываться', 'отказ', 'отвергнуть', 'отвергать', 'отклонить', 'отклонять', 'воздержаться', 'воздерживаться',
  'исключить', 'исключать', 'запретить', 'запрещать', 'запрет', 'запрещение', 'предотвратить', 'предотвращать', 'предотвращение',
  'отрицать', 'возражать', 'возразить',
]);
/** Ukrainian word beginnings; "виключно" (exclusively) and "утримувати" (to keep) without "-ся" are no negation; "утримуються", "утримується" (refrain) are. */
const NEGATIVE_UK = /^(відмов|відкин|відкида|виключ(?!н)|заборон|запобіг|заперечу|заперечи|утрима\S*(ся|сь)$|утриму\S*(ся|сь)$)/;

/**
 * The number of tokens a negative predicate at `i` spans ("deny": 1, "rule out": 2), or 0 when
 * the token is none.
 */
function negativePredicate(tokens: Token[], i: number): number {
  const t = tokens[i];
  if (!t || t.kind !== 'word') return 0;
  if (t.lang === 'en') {
    if (NEGATIVE_EN.has(t.norm)) return 1;
    const particle = NEGATIVE_EN_WITH[t.norm];
    return particle && tokens[i + 1]?.norm === particle ? 2 : 0;
  }
  if (t.lang === 'ru') return NEGATIVE_RU.has(t.stem) ? 1 : 0;
  if (t.lang === 'uk') return NEGATIVE_UK.test(t.norm) ? 1 : 0;
  return 0;
}

/**
 * Words a negation passes through to the verb they govern. Negation raising: "Russia is not
 * expected to invade" = "expected not to invade" (likewise believe, think, suppose, likely;
 * "не ожидается, что", "не очікується"); intention and permission: "not intend/plan/seek/want
 * to join", "will not allow Ukraine to join", "не допустить вступления", "abandonment of plans
 * to join". English by surface form ("plan(s)" only before "to"), Russian by lemma, Ukrainian
 * by the beginning of the word.
 */
const THROUGH_EN = new Set([
  'expect', 'expects', 'expected', 'expecting', 'believe', 'believes', 'believed', 'think', 'thinks', 'thought',
  'suppose', 'supposed', 'anticipate', 'anticipates', 'anticipated', 'likely', 'intend', 'intends', 'intended', 'intending',
  'intention', 'intentions', 'want', 'wants', 'wanted', 'seek', 'seeks', 'sought', 'allow', 'allows', 'allowed', 'permit', 'permits', 'permitted',
]);
const THROUGH_EN_BEFORE_TO = new Set(['plan', 'plans', 'planned', 'planning', 'aim', 'aims', 'aspire', 'aspires', 'aspirations']);
const THROUGH_RU = new Set([
  'ожидаться', 'ожидать', 'предполагаться', 'предполагать', 'полагать', 'считать', 'думать', 'планировать', 'планироваться', 'план',
  'намереваться', 'намерение', 'собираться', 'стремиться', 'допустить', 'допускать', 'позволить', 'позволять', 'разрешить', 'разрешать',
]);
const THROUGH_UK = /^(очіку|передбача|вважа|дума|плану|плани|планів|намір|збира|прагн|допуст|дозвол)/;

function passesThrough(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (t.kind !== 'word') return false;
  if (t.lang === 'en') return THROUGH_EN.has(t.norm) || (THROUGH_EN_BEFORE_TO.has(t.norm) && tokens[k + 1]?.norm === 'to');
  if (t.lang === 'ru') return THROUGH_RU.has(t.stem);
  if (t.lang === 'uk') return THROUGH_UK.test(t.norm);
  return false;
}

/**
 * Adverbs a negation passes over to the word it negates: "not to permanently station troops",
 * "не будет постоянно размещать". English: a closed list and words in -ly that are no verbs,
 * nouns or adjectives; Russian: Az.js's dictionary reads the word as an adverb (ADVB);
 * Ukrainian: a closed list (no analyser on npm).
 */
const ADVERB_EN = new Set([
  'ever', 'yet', 'further', 'again', 'also', 'even', 'still', 'always', 'anymore', 'henceforth', 'thereafter',
  'eastward', 'westward', 'northward', 'southward', 'eastwards', 'westwards',
]);
const LY_NOT_ADVERB = new Set([
  'apply', 'supply', 'reply', 'rely', 'imply', 'comply', 'multiply', 'ally', 'rally', 'tally', 'family', 'italy', 'july', 'assembly',
  'monopoly', 'anomaly', 'likely', 'unlikely', 'early', 'only', 'friendly', 'unfriendly', 'timely', 'costly', 'orderly', 'elderly',
  'daily', 'weekly', 'monthly', 'yearly', 'quarterly', 'holy', 'deadly',
]);
const ADVERB_UK = new Set([
  'постійно', 'назавжди', 'надалі', 'далі', 'також', 'ще', 'вже', 'взагалі', 'одразу', 'відразу', 'негайно', 'повністю',
  'безпосередньо', 'офіційно', 'остаточно', 'прямо', 'згодом', 'більше',
]);

function isAdverb(t: Token): boolean {
  if (t.kind !== 'word') return false;
  if (t.lang === 'en') return ADVERB_EN.has(t.norm) || (t.norm.length >= 5 && t.norm.endsWith('ly') && !LY_NOT_ADVERB.has(t.norm));
  if (t.lang === 'ru') return russianIsAdverb(t.norm);
  if (t.lang === 'uk') return ADVERB_UK.has(t.norm);
  return false;
}

/** Tokens searched after an adverb, and after a word the negation passes through, for the word they lead to. */
const ADVERB_WINDOW = 3;
const THROUGH_WINDOW = 6;

/**
 * The word a negation's first content word `k` leads to: itself, or, past an adverb ("not
 * permanently station") or a raising, intention or permission word ("not expected to invade",
 * "not believe Russia will invade": the names between are skipped), the content word after it in
 * the same sentence. Chains ("no plans to permanently station") are followed; with no such word
 * the first one stays the head.
 */
function governed(tokens: Token[], k: number, text: string | undefined): Token {
  let j = k;
  for (let step = 0; step < 4; step++) {
    const x = tokens[j];
    const through = passesThrough(tokens, j);
    if (!through && !isAdverb(x)) return x;
    const window = through ? THROUGH_WINDOW : ADVERB_WINDOW;
    let next = -1;
    for (let m = j + 1; m < Math.min(tokens.length, j + 1 + window); m++) {
      const y = tokens[m];
      if (y.negation || (text && /[.;!?\n]/.test(text.slice(tokens[m - 1].end, y.start)))) break;
      if (y.stop || NEGATION_DEGREE.has(y.norm) || (through && y.kind === 'entity')) continue;
      next = m;
      break;
    }
    if (next < 0) return x;
    j = next;
  }
  return tokens[j];
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
  // Negative predicates a preceding negation cancels ("not deny").
  const cancelled = new Set<Token>();
  tokens.forEach((t, i) => {
    if (!t.negation) {
      // Tokens the negative predicate spans, worked out once for its first complement and the coordinated ones.
      const skip = cancelled.has(t) ? 0 : negativePredicate(tokens, i);
      const p = skip ? predicateCue(tokens, i, skip, text) : undefined;
      if (p) out.push(p, ...coordinatedComplements(tokens, i, skip, p, text));
      return;
    }
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
    if (head) head = governed(tokens, tokens.indexOf(head, from), text);
    const at = head ? tokens.indexOf(head, from) : -1;
    if (head && NOT_LIMITED.has(head.norm) && (head.lang !== 'en' || tokens[at + 1]?.norm === 'to')) return;
    // "not deny", "не отказываться от": two negations, nothing negated.
    if (head && negativePredicate(tokens, at)) {
      cancelled.add(head);
      return;
    }
    out.push({ cue: t, ...(head ? { head } : {}) });
  });
  return out;
}

/**
 * A lexically negative word as a negation of its complement: "deny accession to the Alliance",
 * "refrain from any further enlargement", "abandonment of plans to join NATO", "rule out",
 * "отказ от вступления", "исключить", "відмова від". The head is the first content word after it
 * (after "out" in "rule out", "to" in "object to"), carried through adverbs and raising verbs as
 * for a negation cue. No cue when no content word follows in its sentence within the window,
 * when that word is itself negative, or for an English passive ("be rejected"). `skip`: the
 * tokens the predicate spans (negativePredicate).
 */
function predicateCue(tokens: Token[], i: number, skip: number, text: string | undefined): NegationCue | undefined {
  // A passive ("must be rejected and prohibited") negates its subject, before it: not compared.
  if (!skip || (tokens[i].lang === 'en' && PASSIVE_BE.has(tokens[i - 1]?.norm ?? ''))) return undefined;
  const from = i + skip;
  for (let k = from; k < Math.min(tokens.length, from + HEAD_WINDOW); k++) {
    const x = tokens[k];
    if (x.negation) break;
    if (x.stop || NEGATION_DEGREE.has(x.norm)) continue;
    if (text && /[.;:!?\n]/.test(text.slice(tokens[k - 1].end, x.start))) break;
    const head = governed(tokens, k, text);
    // Unlike "not", a negative word with nothing after it to negate is no negation to compare.
    return negativePredicate(tokens, tokens.indexOf(head, k)) ? undefined : { cue: tokens[i], head };
  }
  return undefined;
}

/** The preposition a negative predicate's complement opens with: "refrain from", "отказ от", "відмова від". */
const COMPLEMENT_PREPOSITIONS = new Set(['from', 'от', 'від']);
/** Words that join a second complement to the first ("…, as well as from", "and from", "а также от", "і від"); "as well as" ends in "as". */
const COMPLEMENT_JOINERS = new Set(['and', 'or', 'nor', 'as', 'и', 'или', 'также', 'і', 'й', 'та', 'або', 'також']);
/** Tokens searched after a negative predicate for a coordinated complement (its sentence ends the search first). */
const COMPLEMENT_REACH = 40;

/**
 * Further complements of the negative predicate at `i` (whose cue is `first`), joined to the
 * first by a coordinator and the same preposition: "refraining from supporting organizations …,
 * as well as from undertaking any actions aimed at changing …" refrains from both; so do
 * "отказ от … и от …", "а также от", "відмова від … та від …". Each is a cue with its own head, so
 * its clause is in the predicate's scope (negationScopes) and "undertaking … changing" is not read
 * as affirmed (a reporter's case: ua-20 15 "undertake not to change" against the 2021 Russian
 * draft treaty). Only for a predicate whose complement opens with the preposition, within its
 * sentence (up to COMPLEMENT_REACH tokens). `skip`: the tokens the predicate spans.
 *
 * The word after each further preposition is looked for as in predicateCue but not by it: that
 * search stops at a negation and at sentence punctuation inside its window, this one passes
 * over the punctuation and over a cue that is also a stop word ("not", "never", "не", "без"),
 * so one helper would change what is found.
 */
function coordinatedComplements(tokens: Token[], i: number, skip: number, first: NegationCue, text: string | undefined): NegationCue[] {
  if (!COMPLEMENT_PREPOSITIONS.has(tokens[i + skip]?.norm ?? '') && !COMPLEMENT_PREPOSITIONS.has(tokens[i + skip - 1]?.norm ?? '')) return [];
  const out: NegationCue[] = [];
  const start = first.head ? tokens.indexOf(first.head, i) + 1 : i + skip + 1;
  for (let k = start; k < Math.min(tokens.length - 1, i + COMPLEMENT_REACH); k++) {
    if (text && /[.;:!?\n]/.test(text.slice(tokens[k - 1].end, tokens[k].start))) break;
    if (!COMPLEMENT_PREPOSITIONS.has(tokens[k].norm) || !COMPLEMENT_JOINERS.has(tokens[k - 1].norm)) continue;
    // The content word after the preposition, carried through adverbs as for the first complement.
    let next = k + 1;
    while (next < tokens.length && next <= k + HEAD_WINDOW && (tokens[next].stop || NEGATION_DEGREE.has(tokens[next].norm))) next++;
    if (next >= tokens.length || next > k + HEAD_WINDOW || tokens[next].negation) continue;
    const head = governed(tokens, next, text);
    if (!negativePredicate(tokens, tokens.indexOf(head, next))) out.push({ cue: tokens[i], head });
  }
  return out;
}

/** Forms of "be" before a passive participle. */
const PASSIVE_BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being']);

/** Words that start a new clause inside a sentence when a subject and an auxiliary follow ("… and NATO will expand"). */
const COORDINATORS = new Set(['and', 'but', 'or', 'while', 'whereas', 'и', 'а', 'но', 'или', 'однако', 'і', 'й', 'та', 'але', 'або']);
const AUXILIARIES = new Set([
  'will', 'shall', 'would', 'should', 'must', 'can', 'could', 'may', 'might', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'do', 'did',
  'будет', 'будут', 'должен', 'должна', 'должны', 'может', 'могут', 'буде', 'будуть', 'має', 'мають', 'повинен', 'повинна', 'повинні', 'може', 'можуть',
]);

/**
 * The stretches of `text` its negations govern, as [start, end) offsets (UTF-16 units): from
 * each cue (or negative predicate) to the end of its clause: the first , ; : . ! ? ( ) or line end
 * after the negated word, or a coordinator followed within three tokens by an auxiliary ("not
 * invade … and NATO will expand": "expand" is outside). A word inside is not affirmed: in "shall
 * not deploy military forces … in addition to the forces stationed on that territory" the
 * negation governs "deploy", and "stationed" says neither yes nor no.
 */
export function negationScopes(tokens: Token[], text: string, cues: NegationCue[] = negationCues(tokens, text)): [number, number][] {
  return cues.map((c) => {
    const i = tokens.indexOf(c.cue);
    let k = c.head ? tokens.indexOf(c.head, i) : i;
    while (k + 1 < tokens.length) {
      const next = tokens[k + 1];
      if (/[,;:.!?()\n]/.test(text.slice(tokens[k].end, next.start))) break;
      if (COORDINATORS.has(next.norm) && tokens.slice(k + 2, k + 5).some((x) => AUXILIARIES.has(x.norm))) break;
      k++;
    }
    return [c.cue.start, tokens[k].end] as [number, number];
  });
}

/** True when offset `at` of `text` (tokenised as `tokens`) lies in the scope of one of its negations (see negationScopes). */
export function inNegationScope(text: string, tokens: Token[], at: number): boolean {
  return negationScopes(tokens, text).some(([s, e]) => at >= s && at < e);
}

/**
 * A word whose prefix reverses its stem ("de-escalatory", "деэскалация", "анти-") affirms no
 * more than the negation does: "Prevention of escalation" and "a de-escalatory environment"
 * agree, so it is no counterpart of a negated word.
 */
const REVERSATIVE = /^(?:de-|anti-|counter-|деэскал|деескал|анти-)/;

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
 * `cues`: negationCues(ta, a) and negationCues(tb, b), when the caller has them already.
 */
export function polarityChanges(a: string, ta: Token[], b: string, tb: Token[], sameLanguage: boolean, translates?: TranslationLink, cues?: { a: NegationCue[]; b: NegationCue[] }): PolarityChange[] {
  const ca = cues?.a ?? negationCues(ta, a);
  const cb = cues?.b ?? negationCues(tb, b);
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
  const scopes = { a: negationScopes(ta, a, ca), b: negationScopes(tb, b, cb) };
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
      // Not inside a negation's scope there either: "not deploy … the forces stationed" does not affirm "stationed".
      const negated = new Set(side.other.map((y) => y.head));
      const governedThere = scopes[side.key === 'a' ? 'b' : 'a'];
      // Nor a word whose own complement is negated ("undertake not to change": the pledge, not the action, against
      // "refraining … from undertaking any actions aimed at changing").
      const counterpart = side.otherTokens.find(
        (t, k) =>
          !t.negation &&
          !negated.has(t) &&
          !governedThere.some(([s, e]) => t.start >= s && t.start < e) &&
          !REVERSATIVE.test(t.norm) &&
          !side.otherTokens[k + 1]?.negation &&
          sameHead(c.head, t),
      );
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
