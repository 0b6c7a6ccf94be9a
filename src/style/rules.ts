// The translationese feature catalogue, as data. Each feature is a named rule
// with rows of patterns; a match is a span a reader can check. Features are
// taken from the translationese literature (Baroni & Bernardini 2006; Koppel &
// Ordan 2011; Volansky, Ordan & Wintner 2015: passives, contractions, cohesive
// markers, calques of source-language phrases) and from what Russian lacks or
// prefers: articles, genitive chains ("X of the Y of the Z"), impersonal "it is
// necessary", sentence-initial "при этом" / "кроме того".
//
// Style only: no pattern names a country, person, organisation, date or topic
// word, so swapping named entities cannot change a count. Kremlin readout
// formulas ("the sides exchanged views", "it was agreed to maintain contacts")
// are deliberately absent: they are one publisher's house style.
//
// Patterns are regular-expression sources matched case-insensitively against
// the normalised text (straight quotes, hyphen for every dash).

import { FUNCTION_WORD_LIST } from './function-words.js';
import { TAGGER_FEATURES } from './pos.js';

export interface PatternRow {
  /** Regular-expression source; the whole match is the span. */
  pattern: string;
  /** What the row catches, for a tooltip; for calques the Russian model. */
  note: string;
}

/**
 * Feature families: `construction` rules are marked phrases (each span worth
 * reading); the others are rates of common items from the translationese
 * literature (function words, punctuation, cohesive markers: Baroni &
 * Bernardini 2006; Volansky, Ordan & Wintner 2015), plus the tagger's
 * part-of-speech n-grams and sentence-length counts (src/style/pos.ts).
 */
export type FeatureFamily = 'construction' | 'function-word' | 'punctuation' | 'cohesive-marker' | 'sentence' | 'pos-ngram';

export interface FeatureRule {
  id: string;
  family?: FeatureFamily;
  /** Short name for a legend. */
  name: string;
  /** What the feature is and why it suggests (or argues against) translation. */
  description: string;
  /**
   * `construction`: each span is a marked phrase worth reading on its own.
   * `frequency`: a common word whose rate per 100 words is the signal; single
   * spans mean little (a viewer may highlight them faintly or not at all).
   */
  kind?: 'construction' | 'frequency';
  /** Only match at the start of a sentence, line or list item. */
  sentenceInitial?: boolean;
  rows: PatternRow[];
}

/** Past participles: regular -ed/-en forms plus common irregular ones. */
const PARTICIPLE =
  "(?!(?:open|even|often|seven|eleven|ten|citizen|garden|golden|hidden|sudden|need|indeed|speed|seed|feed|bed|red|shed|hundred|kindred|sacred|wicked|naked|wretched|rugged|beloved)\\b)" +
  '(?:[a-z]+(?:ed|en)|made|held|given|taken|done|set|put|built|brought|kept|paid|sent|met|found|known|shown|seen|sold|told|understood|won|led|left|lost|meant|spent|struck|thought|drawn|laid|bound|cut|hit|read|shut|spread|upheld|withheld|sought|taught|caught|bought|fought|heard|felt|dealt|begun|run|borne|worn|torn|sworn|thrown|grown|blown|flown|overcome|become|chosen|stolen|spoken|broken|hidden|written|driven|risen|forbidden|eaten|beaten)\\b';

const ADVERB = "(?:[a-z]+ly )?";

/** One frequency feature per function word (`fw-the` …): its rate per 100 words. */
const FUNCTION_WORD_RULES: FeatureRule[] = FUNCTION_WORD_LIST.map((w) => ({
  id: `fw-${w}`,
  family: 'function-word',
  kind: 'frequency',
  name: `"${w}"`,
  description: `The function word "${w}", counted per 100 words. Translations differ from native English in how often they use function words (articles, pronouns, conjunctions), whatever the topic.`,
  rows: [{ pattern: `\\b${w}\\b`, note: `function word "${w}"` }],
}));

/** Punctuation profile: one rate per mark. Quotes and dashes are normalised first (house style). */
const PUNCTUATION_RULES: FeatureRule[] = [
  ['comma', 'Comma', ',', ','],
  ['semicolon', 'Semicolon', ';', ';'],
  ['colon', 'Colon', ':(?!\\d)', ':'],
  ['parenthesis', 'Parenthesis', '\\(', '('],
  ['dash', 'Dash', '(?<=\\s)-(?=\\s)', ' - '],
  ['quotation', 'Quotation mark', '"', '"'],
  ['question', 'Question mark', '\\?', '?'],
  ['possessive', 'Possessive \'s', "(?<=[a-z])(?<!\\b(?:it|that|there|here|what|who|where|he|she|let|how))'s\\b", "'s"],
].map(([key, name, pattern, mark]) => ({
  id: `punct-${key}`,
  family: 'punctuation' as const,
  kind: 'frequency' as const,
  name,
  description: `"${mark}", counted per 100 words. Punctuation profiles differ between translated and native English (Baroni & Bernardini 2006); Russian punctuation rules (commas before every subordinate clause, the dash) show through, and Russian has no possessive 's.`,
  rows: [{ pattern, note: name.toLowerCase() }],
}));

/** Cohesive markers (Volansky, Ordan & Wintner 2015), grouped by the relation they mark. */
const COHESIVE_RULES: FeatureRule[] = (
  [
    ['contrast', 'contrast', 'however|nevertheless|nonetheless|on the other hand|at the same time|whereas|although|even though|yet|still|instead|on the contrary|in contrast'],
    ['addition', 'addition', 'moreover|furthermore|in addition|besides|also|as well as|what is more|additionally|likewise|similarly'],
    ['cause', 'cause and result', 'therefore|thus|hence|consequently|accordingly|as a result|because|since|that is why|so that|in order to|due to|owing to'],
    ['restatement', 'example and restatement', 'for example|for instance|in particular|in other words|that is|namely|indeed|in fact|actually|above all|first of all|in short|in conclusion|finally'],
  ] as const
).map(([key, relation, markers]) => ({
  id: `cohesive-${key}`,
  family: 'cohesive-marker' as const,
  kind: 'frequency' as const,
  name: `Cohesive marker: ${relation}`,
  description: `Markers of ${relation} ("${markers.split('|').slice(0, 3).join('", "')}" …), counted per 100 words. Translations make links between sentences explicit more often than native texts (explicitation).`,
  rows: [{ pattern: `\\b(?:${markers})\\b`, note: `cohesive marker (${relation})` }],
}));

/** "X of Y" idioms that take no article in native English either. */
const ARTICLELESS_IDIOMS =
  'violation|recognition|celebration|commemoration|anticipation|preparation|addition|accordance|defen[cs]e|consequence|possession|furtherance|appreciation|contravention|observance|acknowledge?ment|remembrance|affirmation|consideration|condemnation|expectation|pursuance|excess|advance|assistance|compliance|existence|absence|presence|substance|excellence|importance|significance|relevance|independence|dependence|confidence|evidence|resistance|difference|reference|the|a|an';

const NOMINAL = '[a-z]+(?:tion|sion|ment|ity|ance|ence|ness|ure|ship|ism)';

const DETERMINER = '(?:the |a |an |our |their |its |this |these |those |his |her |my |your |all |every )';

/** Every regular-expression feature; part-of-speech and sentence features are in pos.ts. */
export const FEATURE_RULES: FeatureRule[] = [
  {
    id: 'future-passive',
    name: 'Future passive',
    description:
      '"will be confirmed", "shall be recognized": an agentless future passive. Russian drafting favours passive and reflexive forms ("будет подтверждён"); native English drafting more often names who acts.',
    rows: [{ pattern: `\\b(?:will|shall) (?:not )?be ${ADVERB}${PARTICIPLE}`, note: 'will/shall (not) be + past participle' }],
  },
  {
    id: 'passive',
    name: 'Other passive',
    description: '"was taken", "are being held": a present or past passive. Translations from Russian keep the source\'s passive and reflexive verbs.',
    rows: [
      {
        pattern: `(?<!\\b(?:will|shall) (?:not )?)\\b(?:am|is|are|was|were|been|being|be) (?:not )?${ADVERB}${PARTICIPLE}`,
        note: 'be + past participle (not future)',
      },
    ],
  },
  {
    id: 'impersonal-it',
    name: 'Impersonal "it is …"',
    description: '"it is expected that", "it is necessary to": an impersonal frame, the English shadow of Russian "ожидается, что", "необходимо".',
    rows: [
      {
        pattern:
          "\\bit (?:is|was|will be|would be|has been|had been|seems|appears) (?:not )?(?:expected|necessary|important|essential|planned|envisaged|assumed|proposed|supposed|noted|stressed|emphasi[sz]ed|understood|known|clear|obvious|evident|possible|impossible|natural|worth noting|believed|considered|required|advisable|desirable|intended|impermissible|unacceptable)\\b",
        note: 'it + be + expected/necessary/important …',
      },
    ],
  },
  {
    id: 'calque',
    name: 'Calque of a Russian phrase',
    description: 'A set phrase that translates a Russian one word for word ("on the territory of" for "на территории", "the so-called" for "так называемый").',
    rows: [
      { pattern: '\\bon the territory of\\b', note: 'на территории (English: "in")' },
      { pattern: '\\b(?:the )?so-called\\b', note: 'так называемый' },
      { pattern: '\\bin the (?:sphere|field|area|domain) of\\b', note: 'в сфере / в области' },
      { pattern: '\\bwith the (?:aim|purpose|goal) of\\b', note: 'с целью' },
      { pattern: '\\b(?:with)?in the framework of\\b', note: 'в рамках' },
      { pattern: '\\bon the basis of\\b', note: 'на основе / на основании' },
      { pattern: '\\bon an? [a-z]+(?:[ -][a-z]+)? basis\\b', note: 'на … основе' },
      { pattern: '\\bin (?:this|that) (?:connection|regard)\\b', note: 'в этой связи' },
      { pattern: '\\bin connection with\\b', note: 'в связи с' },
      { pattern: '\\bat the level of\\b', note: 'на уровне' },
      { pattern: '\\bon the part of\\b', note: 'со стороны' },
      { pattern: '\\bin the format of\\b', note: 'в формате' },
      { pattern: '\\bas well as\\b', note: 'а также' },
      { pattern: '\\ba (?:whole )?number of\\b', note: 'ряд' },
      { pattern: '\\band so (?:on|forth)\\b', note: 'и так далее' },
      { pattern: '\\bfirst (?:of all|and foremost)\\b', note: 'прежде всего / в первую очередь' },
      { pattern: '\\bat (?:the )?present(?: time)?\\b', note: 'в настоящее время' },
      { pattern: '\\bat (?:the|this) (?:current |present )?stage\\b', note: 'на данном этапе' },
      { pattern: '\\bin the course of\\b', note: 'в ходе' },
      { pattern: '\\b(?:with regard to|as regards|as concerns|as far as [a-z ]{1,30} is concerned)\\b', note: 'что касается' },
      { pattern: '\\bin the interests of\\b', note: 'в интересах' },
      { pattern: '\\bin the (?:near|nearest) future\\b', note: 'в ближайшее время' },
      { pattern: '\\bit goes without saying\\b', note: 'само собой разумеется' },
      { pattern: '\\bsituation (?:around|surrounding)\\b', note: 'ситуация вокруг' },
      { pattern: '\\b(?:take|takes|took|taken|taking) (?:all )?(?:the )?(?:necessary )?measures\\b', note: 'принимать меры' },
      { pattern: '\\bon the (?:issue|question) of\\b', note: 'по вопросу' },
    ],
  },
  {
    id: 'sentence-connective',
    name: 'Sentence-initial connective',
    description: 'A sentence opening with "At the same time", "Besides", "Also", "Thus", "As for": the Russian cohesive openers "при этом", "кроме того", "также", "таким образом", "что касается".',
    sentenceInitial: true,
    rows: [
      { pattern: 'at the same time\\b', note: 'при этом / в то же время' },
      { pattern: 'besides\\b', note: 'кроме того' },
      { pattern: 'moreover\\b', note: 'более того' },
      { pattern: 'also\\b', note: 'также' },
      { pattern: 'thus\\b', note: 'таким образом' },
      { pattern: 'hence\\b', note: 'отсюда' },
      { pattern: 'as (?:for|to)\\b', note: 'что касается' },
      { pattern: '(?:incidentally|by the way)\\b', note: 'кстати' },
    ],
  },
  {
    id: 'adverb-before-object',
    name: 'Word order: adverb before the object',
    description:
      '"discussed in detail the situation", "stressed once again the need": an adverbial placed between a verb and its object. Russian word order allows it ("обсудили подробно ситуацию"); English keeps verb and object together.',
    rows: [
      {
        pattern:
          '\\b(?!(?:is|was|has|does|goes|as|this|its|his|hers|yes|thus|us|plus|less|unless|across|perhaps|always|sometimes|needs|seems|means|remains)\\b)[a-z]+(?:ed|es|s) (?:also|again|once again|once more|in detail|in depth|actively|thoroughly|consistently|firmly|resolutely|repeatedly|fully|comprehensively|substantively|jointly|further|as well) (?:the|a|an|our|their|its|this|these|those|his|her) ',
        note: 'verb + adverbial + object',
      },
    ],
  },
  {
    id: 'fronted-predicate',
    name: 'Word order: fronted predicate',
    description:
      '"Especially important is …", "Of particular importance is …": the predicate put first and the subject last, as in Russian "Особенно важно …", "Особое значение имеет …".',
    sentenceInitial: true,
    rows: [
      {
        pattern:
          '(?:(?:especially|particularly|equally|no less|most|very|also|extremely) (?:important|significant|dangerous|alarming|concerning|worrying|noteworthy|symbolic|telling|indicative|revealing)|of (?:particular|special|great|key|paramount|fundamental) (?:importance|significance|concern|interest)|(?:worth|deserving) (?:noting|mentioning|attention)) (?:is|are|was|were|has been|will be|remains)\\b',
        note: 'predicate + be + subject',
      },
    ],
  },
  {
    id: 'emphatic-particle',
    name: 'Emphatic particle',
    description: '"precisely", "namely", "exactly", "the very": English renderings of the Russian particles "именно", "а именно", "самый".',
    rows: [{ pattern: '\\b(?:precisely|namely|exactly|the very)\\b', note: 'именно / а именно / самый' }],
  },
  {
    id: 'stance-adverb',
    name: 'Stance adverb',
    description: '"absolutely", "of course", "undoubtedly", "naturally": evaluative adverbs that render "абсолютно", "конечно", "безусловно", "естественно".',
    rows: [
      {
        pattern: '\\b(?:absolutely|certainly|undoubtedly|doubtless|obviously|naturally|of course|definitely|surely|unquestionably|evidently|indisputably|apparently)\\b',
        note: 'конечно / безусловно / абсолютно …',
      },
    ],
  },
  {
    id: 'nominal-chain',
    name: 'Genitive chain',
    description: '"the implementation of the provisions of the agreement": nouns strung with "of", the English form of a Russian chain of genitives.',
    rows: [
      {
        pattern: `\\b(?!(?:one|some|many|most|all|each|any|none|both|number|lot|lots|kind|kinds|sort|because|instead|out|ahead|regardless|part|rest|front|top|think|speak|spoke|made|consist|consists|consisting)\\b)[a-z]+ of ${DETERMINER}?(?:[a-z-]+ )?[a-z]+ of ${DETERMINER}?[a-z-]+\\b`,
        note: 'noun of (the) noun of (the) noun',
      },
    ],
  },
  {
    id: 'bare-noun-of',
    name: 'Missing article',
    description: '"for implementation of the agreement", "to peaceful population of": a noun phrase "X of Y" with no article where English puts "the". Russian has no articles.',
    rows: [
      {
        pattern: `\\b(?:in|on|for|to|with|by|at|from|about|against|towards?|through|under|after|before|during) (?:[a-z]+(?:al|ful|ive|ic|ous|ent|ant|ary|ian)\\s)?(?!(?:${ARTICLELESS_IDIOMS})\\b)${NOMINAL} of\\b`,
        note: 'preposition + bare noun + of',
      },
      {
        pattern: `(?<=(?:^|[.!?]\\s+))(?!(?:${ARTICLELESS_IDIOMS})\\b)${NOMINAL} of\\b`,
        note: 'sentence opens with a bare noun + of',
      },
    ],
  },
  {
    id: 'uncontracted-negation',
    name: 'Uncontracted negation',
    description: '"do not", "is not", "cannot" written out where speech and much native prose contract. Translations avoid contractions.',
    rows: [
      {
        pattern: '\\b(?:do|does|did|is|are|was|were|have|has|had|will|would|should|could|must|need) not\\b|\\bcannot\\b',
        note: 'auxiliary + not',
      },
    ],
  },
  {
    id: 'contraction',
    name: 'Contraction',
    description: '"don\'t", "it\'s", "we\'re": a contraction, typical of native English and rare in translation (evidence against translation).',
    rows: [
      {
        pattern: "\\b(?:[a-z]+n't|(?:i|you|we|they|he|she|it|that|there|here|what|who|where|let|how)'(?:s|re|m|ve|ll|d))\\b",
        note: "n't, 's, 're, 'm, 've, 'll, 'd",
      },
    ],
  },
  ...FUNCTION_WORD_RULES,
  ...PUNCTUATION_RULES,
  ...COHESIVE_RULES,
];


export interface CatalogueEntry {
  id: string;
  family: FeatureFamily;
  name: string;
  description: string;
  kind: 'construction' | 'frequency';
}

/** A legend for readers: every feature, regular-expression rules first, then the tagger's (pos.ts). */
export function featureCatalogue(): CatalogueEntry[] {
  return [
    ...FEATURE_RULES.map(({ id, family, name, description, kind }) => ({ id, family: family ?? ('construction' as const), name, description, kind: kind ?? ('construction' as const) })),
    ...TAGGER_FEATURES,
  ];
}
