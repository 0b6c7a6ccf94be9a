// Features that need a tagger: part-of-speech n-grams and sentence lengths.
//
// Tagger: wink-nlp 2.4 with wink-eng-lite-web-model 1.8 (both MIT; the model
// ships inside the npm package, nothing is downloaded at run time). Token
// offsets are found in the tagged text, so they are offsets into it. Tags are
// Universal Dependencies POS tags (DET, NOUN, ADP …).
//
// POS n-grams carry much of the published translationese signal without
// naming any word (Volansky, Ordan & Wintner 2015; Rabinovich & Wintner 2015).
// The n-grams used are fixed in POS_NGRAMS below: the most frequent UPOS
// unigrams, bigrams and trigrams of the two reference sets' 200 training
// texts, masked, counted without looking at the labels (scripts/eval prints
// nothing that chose them), so choosing them cannot leak a label.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { FUNCTION_WORDS } from './function-words.js';
import type { FeatureFamily } from './rules.js';
import { countWords } from './tokens.js';

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

export interface TaggedToken {
  start: number;
  end: number;
  pos: string;
}

export interface TaggedSentence {
  start: number;
  end: number;
  /** Index range into the token list, end exclusive. */
  first: number;
  last: number;
}

export interface Tagged {
  tokens: TaggedToken[];
  sentences: TaggedSentence[];
}

/** Tokens with UPOS tags and sentences, as offsets into `text` (UTF-16 units). SPACE tokens are left out. */
export function tag(text: string): Tagged {
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const all: TaggedToken[] = [];
  // Preceding spaces + values rebuild ordinary text exactly, but wink drops
  // some characters (control characters, odd spaces), so each token is found
  // in the text from where the last one ended; one it cannot find is kept as
  // an empty token, so token and sentence indexes stay aligned.
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const k = values[i] ? text.indexOf(values[i], at) : -1;
    if (k < 0) {
      all.push({ start: at, end: at, pos: tags[i] === 'SPACE' ? 'SPACE' : 'X' });
      continue;
    }
    all.push({ start: k, end: k + values[i].length, pos: tags[i] });
    at = k + values[i].length;
  }
  const keep = all.map((t) => t.pos !== 'SPACE');
  const newIndex: number[] = [];
  let n = 0;
  for (let i = 0; i < all.length; i++) newIndex.push(n), (n += keep[i] ? 1 : 0);
  newIndex.push(n);
  const sentences: TaggedSentence[] = [];
  doc.sentences().each((s: { out: (f: unknown) => unknown }) => {
    const [a, b] = s.out(its.span) as unknown as [number, number];
    const first = newIndex[a];
    const last = newIndex[b + 1];
    if (last > first) sentences.push({ start: all[a].start, end: all[b].end, first, last });
  });
  return { tokens: all.filter((_, i) => keep[i]), sentences };
}

/** Readable names of the UPOS tags, for the legend. */
const TAG_NAMES: Record<string, string> = {
  ADJ: 'adjective', ADP: 'preposition', ADV: 'adverb', AUX: 'auxiliary', CCONJ: 'coordinating conjunction', DET: 'determiner',
  INTJ: 'interjection', NOUN: 'noun', NUM: 'number', PART: 'particle', PRON: 'pronoun', PROPN: 'proper name (masked)',
  PUNCT: 'punctuation', SCONJ: 'subordinating conjunction', SYM: 'symbol', VERB: 'verb', X: 'other',
};

/**
 * The POS n-grams used as features (see the file comment for how they were
 * chosen). Written with "_" between tags.
 */
export const POS_NGRAMS: readonly string[] = [
  'NOUN', 'ADP', 'DET', 'VERB', 'PUNCT', 'ADJ', 'PRON', 'AUX', 'ADV', 'CCONJ', 'PART', 'SCONJ',
  'NOUN_ADP', 'DET_NOUN', 'ADP_DET', 'ADJ_NOUN', 'NOUN_PUNCT', 'DET_ADJ', 'PRON_AUX', 'AUX_VERB', 'PART_VERB', 'VERB_ADP', 'VERB_DET', 'ADP_NOUN', 'NOUN_NOUN', 'NOUN_CCONJ', 'NOUN_AUX', 'PRON_VERB', 'ADP_ADJ', 'PRON_NOUN', 'ADP_PRON', 'VERB_PRON', 'VERB_NOUN', 'ADV_VERB', 'NOUN_VERB', 'AUX_ADV',
  'NOUN_ADP_DET', 'DET_NOUN_ADP', 'ADP_DET_NOUN', 'ADJ_NOUN_ADP', 'DET_ADJ_NOUN', 'ADJ_NOUN_PUNCT', 'NOUN_ADP_NOUN', 'VERB_DET_NOUN', 'ADP_DET_ADJ', 'VERB_ADP_DET', 'ADP_ADJ_NOUN', 'PRON_AUX_VERB', 'NOUN_ADP_ADJ', 'DET_NOUN_PUNCT', 'PART_VERB_DET', 'AUX_VERB_ADP', 'VERB_PART_VERB', 'ADP_NOUN_PUNCT', 'NOUN_CCONJ_NOUN', 'NOUN_PART_VERB',
];

/** A sentence of at least this many words is "long" (fixed before training, not tuned). */
export const LONG_SENTENCE_WORDS = 40;
/** A sentence of fewer than this many words is "short". */
export const SHORT_SENTENCE_WORDS = 10;

export interface TaggerFeature {
  id: string;
  family: FeatureFamily;
  name: string;
  description: string;
  kind: 'frequency';
}

export const TAGGER_FEATURES: TaggerFeature[] = [
  {
    id: 'sentence',
    family: 'sentence',
    kind: 'frequency',
    name: 'Sentence',
    description: 'Sentences per 100 words (the inverse of mean sentence length). Translations keep the source\'s sentence boundaries, and Russian official prose runs long.',
  },
  {
    id: 'long-sentence',
    family: 'sentence',
    kind: 'frequency',
    name: `Long sentence (${LONG_SENTENCE_WORDS}+ words)`,
    description: `Sentences of ${LONG_SENTENCE_WORDS} words or more, per 100 words.`,
  },
  {
    id: 'short-sentence',
    family: 'sentence',
    kind: 'frequency',
    name: `Short sentence (under ${SHORT_SENTENCE_WORDS} words)`,
    description: `Sentences of fewer than ${SHORT_SENTENCE_WORDS} words, per 100 words. Native speeches use short sentences for emphasis.`,
  },
  ...POS_NGRAMS.map((g) => {
    const tags = g.split('_');
    return {
      id: `pos-${g}`,
      family: 'pos-ngram' as const,
      kind: 'frequency' as const,
      name: `POS ${tags.join(' ')}`,
      description: `A ${tags.map((t) => TAG_NAMES[t] ?? t).join(' + ')} sequence (part of speech from the wink-nlp tagger), counted per 100 words. Part-of-speech n-grams capture syntax without naming any word.`,
    };
  }),
];

export interface TaggerSpan {
  rule: string;
  start: number;
  end: number;
}

const NGRAM_IDS = new Set(POS_NGRAMS);

/** Spans of every tagger feature in a tagged text: n-grams never cross a sentence boundary. */
export function taggerSpans(text: string, tagged: Tagged = tag(text), ngrams: ReadonlySet<string> = NGRAM_IDS): TaggerSpan[] {
  const spans: TaggerSpan[] = [];
  for (const s of tagged.sentences) {
    const words = countWords(text.slice(s.start, s.end));
    if (words === 0) continue;
    spans.push({ rule: 'sentence', start: s.start, end: s.end });
    if (words >= LONG_SENTENCE_WORDS) spans.push({ rule: 'long-sentence', start: s.start, end: s.end });
    if (words < SHORT_SENTENCE_WORDS) spans.push({ rule: 'short-sentence', start: s.start, end: s.end });
    for (let i = s.first; i < s.last; i++) {
      for (let n = 1; n <= 3 && i + n <= s.last; n++) {
        const key = tagged.tokens.slice(i, i + n).map((t) => t.pos).join('_');
        if (ngrams.has(key)) spans.push({ rule: `pos-${key}`, start: tagged.tokens[i].start, end: tagged.tokens[i + n - 1].end });
      }
    }
  }
  return spans;
}

/** Every UPOS n-gram (n = 1..3) of a tagged text with its count: for choosing POS_NGRAMS. */
export function ngramCounts(tagged: Tagged): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of tagged.sentences) {
    for (let i = s.first; i < s.last; i++) {
      for (let n = 1; n <= 3 && i + n <= s.last; n++) {
        const key = tagged.tokens.slice(i, i + n).map((t) => t.pos).join('_');
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}

// Mixed n-grams (Baroni & Bernardini 2006; Volansky, Ordan & Wintner 2015):
// every token is its part-of-speech tag unless it is a function word of the
// fixed list (function-words.ts), which is kept as itself ("of the NOUN").
// Punctuation is kept as a named mark (COMMA, STOP …) so an id stays one URL
// path segment. An n-gram that touches a masked word ("xxxx"), a digit, a
// proper name, a number or an unknown tag is not counted: those say who or
// when, not how.

/** Names of punctuation marks in mixed n-gram ids. */
const MARKS: Record<string, string> = { ',': 'COMMA', '.': 'STOP', ';': 'SEMI', ':': 'COLON', '-': 'DASH', '(': 'PAREN', ')': 'PAREN', '"': 'QUOTE', '?': 'QMARK', '!': 'EXCL' };
const OPAQUE_TAGS = new Set(['PROPN', 'NUM', 'SYM', 'X', 'INTJ', 'SPACE']);

/** A token as the mixed sequence sees it, or null when it is masked or opaque (name, number). */
export function mixedToken(text: string, t: TaggedToken, kept: ReadonlySet<string> = FUNCTION_WORDS): string | null {
  const word = text.slice(t.start, t.end);
  if (/^[xX]x*$/.test(word) || /[0-9]/.test(word) || OPAQUE_TAGS.has(t.pos)) return null;
  const lower = word.toLowerCase();
  if (kept.has(lower)) return lower;
  if (t.pos === 'PUNCT') return MARKS[word] ?? 'PUNCT';
  return t.pos;
}

/**
 * Spans of mixed n-grams (n in `sizes`, never across a sentence boundary), as
 * `mix-<a>_<b>[_<c>]` rules. With `keep`, only those ids; without, every
 * n-gram (for choosing a vocabulary by frequency, label-blind).
 */
export function mixedNgramSpans(
  text: string,
  tagged: Tagged,
  keep?: ReadonlySet<string>,
  { sizes = [2, 3], kept = FUNCTION_WORDS, prefix = 'mix-' }: { sizes?: readonly number[]; kept?: ReadonlySet<string>; prefix?: string } = {},
): TaggerSpan[] {
  const spans: TaggerSpan[] = [];
  for (const s of tagged.sentences) {
    const seq = tagged.tokens.slice(s.first, s.last).map((t) => mixedToken(text, t, kept));
    for (let i = 0; i < seq.length; i++) {
      for (const n of sizes) {
        if (i + n > seq.length) continue;
        const part = seq.slice(i, i + n);
        if (part.some((x) => x === null)) continue;
        const rule = `${prefix}${part.join('_')}`;
        if (keep && !keep.has(rule)) continue;
        spans.push({ rule, start: tagged.tokens[s.first + i].start, end: tagged.tokens[s.first + i + n - 1].end });
      }
    }
  }
  return spans;
}

/**
 * Positional tokens: the mixed token that opens each sentence (`sinit-however`,
 * `sinit-ADV` …), a span of that first token. Translations keep the source's
 * sentence openings (Russian often fronts adverbials and connectives).
 */
export function sentenceInitialSpans(text: string, tagged: Tagged, keep?: ReadonlySet<string>): TaggerSpan[] {
  const spans: TaggerSpan[] = [];
  for (const s of tagged.sentences) {
    const first = tagged.tokens.slice(s.first, s.last).find((t) => t.pos !== 'PUNCT');
    if (!first) continue;
    const tok = mixedToken(text, first);
    if (tok === null) continue;
    const rule = `sinit-${tok}`;
    if (keep && !keep.has(rule)) continue;
    spans.push({ rule, start: first.start, end: first.end });
  }
  return spans;
}
