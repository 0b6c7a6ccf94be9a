// npx tsx scripts/ablate-translationese.ts [row-name-part …] — the variants of
// the translationese model that were tried and not shipped (README: "What was
// tried"), each measured by the same held-out schemes as `npm run eval`
// (publisher, decade, the other set), penalty chosen inside every training
// fold. Not part of `npm run eval`: each row refits ~1,500 models (0.5–3 min
// on an idle core; rows with 100 mixed n-grams or the wider grid 5–10 min).
// Prints accuracy / AUC at 0.5 on each set, and accuracy on the era-reversed
// subsets (as `npm run eval`); no decided labels.
import { countFeatures, findFeatureSpans, styleView } from '../src/style/features.js';
import { FUNCTION_WORDS } from '../src/style/function-words.js';
import { mixedNgramSpans, sentenceInitialSpans, tag } from '../src/style/pos.js';
import { loadReferenceSets } from '../src/style/reference-set.js';
import { featureCatalogue } from '../src/style/rules.js';
import { CONSTRUCTION_BLEND, MODEL_FEATURES, mostFrequent, type TrainOptions } from '../src/style/train.js';
import { foldText } from '../src/text/fold.js';
import { eraReversedStatements, heldOutPredictions, summarise, unEarlyTranslatedLateOriginal, unLateTranslatedEarlyOriginal, type Prediction } from './eval/translationese.js';

const samples = loadReferenceSets();
// The function words without personal pronouns and possessives: "we", "our", "I" mark the
// speech situation (speech vs readout), not translation, so these mixed n-grams ("mixp-")
// see them as their POS tag.
const REPORTING = '(?:say|says|said|think|thinks|thought|believe|believes|believed|know|knows|knew|hope|hopes|hoped|feel|feels|felt|suppose|realise|realize|realised|realized|understand|understood|agree|agreed|note|noted|stress|stressed|emphasise|emphasize|emphasised|emphasized|recall|recalled|claim|claimed|admit|admitted)';
const PERSONAL = new Set('i my you your we our us they their them he his she her it its'.split(' '));
const IMPERSONAL_WORDS = new Set([...FUNCTION_WORDS].filter((w) => !PERSONAL.has(w)));
// Aggregate candidates, counted on the masked text (masked words, all "x", left out):
// any function word, words of 7+ letters, letters (mean word length), word types (type-token ratio).
const counted = samples.map((s) => {
  const c = countFeatures(s.text, findFeatureSpans(s.text));
  const words = [...styleView(foldText(s.text).text).matchAll(/[A-Za-z]+(?:['-][A-Za-z]+)*/g)].map((m) => m[0]);
  const unmasked = words.filter((w) => !/^x+$/i.test(w));
  c.counts['agg-fw'] = words.filter((w) => FUNCTION_WORDS.has(w.toLowerCase())).length;
  c.counts['agg-long7'] = unmasked.filter((w) => w.length >= 7).length;
  c.counts['agg-letters'] = unmasked.reduce((n, w) => n + w.length, 0);
  c.counts['agg-types'] = new Set(unmasked.map((w) => w.toLowerCase())).size;
  // Reporting "that" kept or left out after a verb of saying or thinking (Olohan & Baker 2000:
  // translations keep it more often), counted on the masked text.
  const view = styleView(foldText(s.text).text);
  c.counts['that-kept'] = [...view.matchAll(new RegExp(`\\b${REPORTING}\\s+that\\b`, 'gi'))].length;
  c.counts['that-omitted'] = [...view.matchAll(new RegExp(`\\b${REPORTING}\\s+(?:i|we|you|they|he|she|it|this|there|these|those)\\s+(?!that\\b)[a-z]`, 'gi'))].length;
  // Every mixed n-gram (function word kept, other tokens as POS) and sentence-initial token.
  const plain = styleView(foldText(s.text).text);
  const tagged = tag(plain);
  const spans = [...mixedNgramSpans(plain, tagged), ...sentenceInitialSpans(plain, tagged), ...mixedNgramSpans(plain, tagged, undefined, { kept: IMPERSONAL_WORDS, prefix: 'mixp-' })];
  for (const sp of spans) c.counts[sp.rule] = (c.counts[sp.rule] ?? 0) + 1;
  // "mixf-": the mixed n-grams with at least one function word in them; the rest
  // ("mix-ADJ_NOUN") nearly duplicate the POS n-grams already in the model.
  for (const [id, n] of Object.entries(c.counts)) if (id.startsWith('mix-') && /(^|_)[a-z]/.test(id.slice(4))) c.counts[`mixf-${id.slice(4)}`] = n;
  return c;
});
// Candidate vocabularies, label-blind: the 600 most frequent mixed n-grams and 60 sentence
// openings of all 200 texts; each fit then keeps the top N of these by frequency in its own
// training texts (TrainOptions.frequent), so the vocabulary is chosen inside every fold.
for (const [prefix, keep] of [['mix-', 600], ['mixp-', 600], ['mixf-', 600], ['sinit-', 60]] as const) {
  const candidates = new Set(mostFrequent(counted, prefix, keep));
  for (const c of counted) for (const id of Object.keys(c.counts)) if (id.startsWith(prefix) && !candidates.has(id)) delete c.counts[id];
}
const mixed = (top: number) => ({ prefix: 'mix-', top });
const openings = (top: number) => ({ prefix: 'sinit-', top });
const mixedImpersonal = (top: number) => ({ prefix: 'mixp-', top });
const mixedLexical = (top: number) => ({ prefix: 'mixf-', top });
const WIDE_GRID = [8, 32, 128, 512, 2048, 8192];

const shipped = [...MODEL_FEATURES];
const isPos = (id: string, n: number) => id.startsWith('pos-') && id.split('_').length === n;
const unigramsOnly = shipped.filter((id) => !isPos(id, 2) && !isPos(id, 3));
const noTrigrams = shipped.filter((id) => !isPos(id, 3));
const noPos = shipped.filter((id) => !id.startsWith('pos-'));
const constructionsOnly = featureCatalogue().filter((f) => f.family === 'construction').map((f) => f.id);
const aggregates = ['agg-fw', 'agg-long7', 'agg-letters', 'agg-types'];
const total = (id: string) => counted.reduce((s, c) => s + (c.counts[id] ?? 0), 0);
// The 30 most frequent function words of the 200 texts, counted without labels.
const fw30 = featureCatalogue()
  .filter((f) => f.family === 'function-word')
  .map((f) => f.id)
  .sort((a, b) => total(b) - total(a))
  .slice(0, 30);

const ROWS: [string, TrainOptions][] = [
  ['shipped (84 features)', {}],
  ['POS unigrams + bigrams (no trigrams)', { features: noTrigrams }],
  ['POS unigrams only', { features: unigramsOnly }],
  ['no POS features', { features: noPos }],
  ['construction rules only', { features: constructionsOnly }],
  ['shipped + 4 aggregates', { features: [...shipped, ...aggregates] }],
  ['POS unigrams only + 4 aggregates', { features: [...unigramsOnly, ...aggregates] }],
  ['shipped + top-30 function words', { features: [...shipped, ...fw30] }],
  ['shipped, nested top-20 by |t|', { selectTop: 20 }],
  ['shipped + fw30 + aggregates, nested top-30', { features: [...shipped, ...fw30, ...aggregates], selectTop: 30 }],
  ['shipped, per-genre standardisation', { perGenreStd: true }],
  ['POS unigrams only, per-genre standardisation', { features: unigramsOnly, perGenreStd: true }],
  ['shipped, K = 200 pseudo-words', { pseudoWords: 200 }],
  ['nested choice {shipped, unigrams only}', { featureSets: [shipped, unigramsOnly] }],
  ['blend: log-odds mean of shipped and construction rules only (one model)', { blendWith: CONSTRUCTION_BLEND }],
  ['nested choice, per-genre standardisation', { featureSets: [shipped, unigramsOnly], perGenreStd: true }],
  // Session 3 (issue 14, task M): mixed n-grams, sentence openings, a wider penalty grid.
  ['shipped + mixed n-grams top 50', { frequent: [mixed(50)] }],
  ['shipped + mixed n-grams top 100', { frequent: [mixed(100)] }],
  ['shipped + mixed n-grams top 20', { frequent: [mixed(20)] }],
  ['POS unigrams + mixed n-grams top 100', { features: unigramsOnly, frequent: [mixed(100)] }],
  ['no POS features + mixed n-grams top 100', { features: noPos, frequent: [mixed(100)] }],
  ['shipped + mixed n-grams, pronouns as POS, top 100', { frequent: [mixedImpersonal(100)] }],
  ['shipped + mixed n-grams with a function word, top 20', { frequent: [mixedLexical(20)] }],
  ['shipped + mixed n-grams with a function word, top 50', { frequent: [mixedLexical(50)] }],
  ['shipped + mixed n-grams, pronouns as POS, top 20', { frequent: [mixedImpersonal(20)] }],
  ['POS unigrams + mixed n-grams, pronouns as POS, top 100', { features: unigramsOnly, frequent: [mixedImpersonal(100)] }],
  ['shipped + sentence openings top 20', { frequent: [openings(20)] }],
  ['shipped + mixed top 100 + openings top 20', { frequent: [mixed(100), openings(20)] }],
  ['shipped + reporting "that" kept / left out (2 rates)', { features: [...shipped, 'that-kept', 'that-omitted'] }],
  ['shipped, wider penalty grid (to 8192)', { lambdaGrid: WIDE_GRID }],
  ['shipped + mixed top 100, wider penalty grid', { frequent: [mixed(100)], lambdaGrid: WIDE_GRID }],
  ['shipped + mixed top 50, wider penalty grid', { frequent: [mixed(50)], lambdaGrid: WIDE_GRID }],
];

/** Mean probability of two variants, each fitted by the whole procedure in every fold (not shippable as is: two models). */
const AVERAGES: [string, TrainOptions, TrainOptions][] = [['probability mean of 84 features and construction rules only', {}, { features: constructionsOnly }]];

const only = process.argv.slice(2);
const f2 = (x: number) => x.toFixed(2);
type Scheme = (options: TrainOptions) => Prediction[];
const heldOut = (key: (s: (typeof samples)[number]) => string): Scheme => (options) => heldOutPredictions(samples, counted, key, options, { intervals: false });
const mean = (scheme: Scheme, a: TrainOptions, b: TrainOptions): Scheme => () => {
  const pb = scheme(b);
  return scheme(a).map((p, i) => ({ ...p, p: (p.p + pb[i].p) / 2 }));
};
const variants: [string, (scheme: Scheme) => Scheme][] = [
  ...ROWS.map(([name, options]): [string, (scheme: Scheme) => Scheme] => [name, (scheme) => () => scheme(options)]),
  ...AVERAGES.map(([name, a, b]): [string, (scheme: Scheme) => Scheme] => [name, (scheme) => mean(scheme, a, b)]),
];
for (const [name, variant] of variants) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  const cells: string[] = [];
  const add = (preds: Prediction[], scheme: string) => {
    for (const set of ['statements', 'un'] as const) {
      const s = summarise(preds.filter((p) => p.sample.set === set));
      cells.push(`${scheme} ${set === 'un' ? 'UN' : 'st'} ${f2(s.accuracy)}/${f2(s.auc)}`);
    }
  };
  const era = (preds: Prediction[], scheme: string, filters: [string, (p: Prediction) => boolean][]) => {
    for (const [name, keep] of filters) cells.push(`${scheme} ${name} ${f2(summarise(preds.filter(keep)).accuracy)}`);
  };
  const byPublisher = variant(heldOut((s) => s.group))({});
  add(byPublisher, 'publisher');
  era(byPublisher, 'publisher', [['st-era', eraReversedStatements]]);
  const byDecade = variant(heldOut((s) => `${Math.floor(s.year / 10)}0s`))({});
  add(byDecade, 'decade');
  era(byDecade, 'decade', [['st-era', eraReversedStatements], ['UN-late-tr', unLateTranslatedEarlyOriginal], ['UN-early-tr', unEarlyTranslatedLateOriginal]]);
  add(variant(heldOut((s) => s.set))({}), 'other set');
  process.stdout.write(`${name.padEnd(46)} ${cells.join('  ')}\n`);
}
