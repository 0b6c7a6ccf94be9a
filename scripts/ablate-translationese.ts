// npx tsx scripts/ablate-translationese.ts [row-name-part …] — the variants of
// the translationese model that were tried and not shipped (README: "What was
// tried"), each measured by the same held-out schemes as `npm run eval`
// (publisher, decade, the other set), penalty chosen inside every training
// fold. Not part of `npm run eval`: each row refits ~1,500 models (0.5–3 min
// on an idle core).
// Prints accuracy / AUC at 0.5 on each set; no decided labels.
import { countFeatures, findFeatureSpans, styleView } from '../src/style/features.js';
import { FUNCTION_WORDS } from '../src/style/function-words.js';
import { loadReferenceSets } from '../src/style/reference-set.js';
import { featureCatalogue } from '../src/style/rules.js';
import { CONSTRUCTION_BLEND, MODEL_FEATURES, type TrainOptions } from '../src/style/train.js';
import { foldText } from '../src/text/fold.js';
import { heldOutPredictions, summarise, type Prediction } from './eval/translationese.js';

const samples = loadReferenceSets();
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
  return c;
});

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
  add(variant(heldOut((s) => s.group))({}), 'publisher');
  add(variant(heldOut((s) => `${Math.floor(s.year / 10)}0s`))({}), 'decade');
  add(variant(heldOut((s) => s.set))({}), 'other set');
  process.stdout.write(`${name.padEnd(46)} ${cells.join('  ')}\n`);
}
