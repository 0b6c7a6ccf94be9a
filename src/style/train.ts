// Fit the translationese model on labelled texts. Pure: texts in, model out.
//
// What keeps the fit honest on two small reference sets (200 texts):
// - Genre centring (model.ts): within each reference set, rates are centred
//   on the set's class-balanced mean, so a difference between the sets (the
//   UN's verbatim records vs Kremlin readouts) cannot stand in for translation.
// - Class-balanced weights: each label carries half the total weight, so the
//   intercept encodes a 50/50 prior, not the share of translated texts in a
//   training fold (holding out the Kremlin leaves 11 translated vs 40).
// - Few features (MODEL_FEATURES), a strong L2 penalty chosen by
//   leave-one-publisher-out CV on the training texts themselves (lowest
//   class-weighted log-loss over LAMBDA_GRID), so evaluation can nest the whole
//   procedure; the out-of-fold probabilities of that same CV set the decision
//   thresholds (a decided label needs 90% held-out precision).
import { countFeatures, findFeatureSpans, type FeatureCounts } from './features.js';
import { fitLogistic } from './logistic.js';
import { featureRates, genreDistance, probability, standardize, type Genre, type TranslationeseModel } from './model.js';
import { featureCatalogue, type FeatureFamily } from './rules.js';

export type StyleLabel = 'translated' | 'original';

export interface LabelledText {
  id: string;
  label: StyleLabel;
  text: string;
  /** Publisher group: texts of one group are never split across CV folds. */
  group?: string;
  /** Reference set (genre) the text belongs to; one genre when absent. */
  set?: string;
}

export interface TrainOptions {
  /** L2 penalty; when absent it is chosen from LAMBDA_GRID by grouped CV. */
  lambda?: number;
  /** Shrinkage strength K, in words. */
  pseudoWords?: number;
  /** Where the texts came from, recorded in the model. */
  source?: string;
  /** Feature ids to use (default: MODEL_FEATURES). */
  features?: readonly string[];
  /**
   * Keep only this many features, those whose genre-centred rates differ most
   * between the labels of the texts being fitted (|Welch t|). Chosen inside
   * every fit, so inside every CV fold: nested, never on held-out texts.
   */
  selectTop?: number;
  /**
   * Candidate feature sets: the one with the lowest grouped-CV log-loss (with
   * its penalty) is used, chosen on the training texts only. Overrides `features`.
   */
  featureSets?: readonly (readonly string[])[];
  /**
   * A subset of the features whose own model is averaged in (half its
   * log-odds, half the full model's). Each part gets its penalty from the same
   * grouped CV; the result is one linear model on the full feature list, so
   * spans, weights and intervals work as for any model (e.g.
   * CONSTRUCTION_BLEND). Absent or empty: none. Ignored with `featureSets` or `selectTop`.
   */
  blendWith?: readonly string[];
  /** Standardise each genre's rates by that genre's own standard deviations (else pooled). */
  perGenreStd?: boolean;
  /**
   * Label-blind vocabularies added to the features inside every fit (so inside
   * every CV fold): for each entry, the `top` ids starting with `prefix` that
   * occur most often in the texts being fitted (total count; ties by id). The
   * counts must carry every candidate id (e.g. every mixed n-gram, `mix-`).
   */
  frequent?: readonly { prefix: string; top: number }[];
  /** Penalties to choose from by grouped CV (default LAMBDA_GRID). */
  lambdaGrid?: readonly number[];
}

/**
 * Families the shipped model uses. Function-word rates are in the catalogue
 * but not in the model: with them, leave-one-publisher-out accuracy on the
 * statements set fell (they track the speech situation, "we"/"our" in
 * speeches vs third person in readouts). Chosen on the CV figures that
 * `npm run eval` prints (README: what was tuned on what).
 */
export const MODEL_FAMILIES: readonly FeatureFamily[] = ['construction', 'pos-ngram', 'punctuation', 'sentence', 'cohesive-marker'];
export const MODEL_FEATURES: readonly string[] = featureCatalogue()
  .filter((f) => MODEL_FAMILIES.includes(f.family))
  .map((f) => f.id);

/**
 * The construction rules, for TrainOptions.blendWith: the log-odds mean of a
 * model on MODEL_FEATURES and one on these alone raised held-out AUC on every
 * scheme but lost accuracy on the era-reversed subsets (statements 0.77 →
 * 0.59 with the publisher held out), i.e. it leans on era again, so the
 * shipped model does not blend (README: "What else was tried").
 */
export const CONSTRUCTION_BLEND: readonly string[] = featureCatalogue()
  .filter((f) => f.family === 'construction')
  .map((f) => f.id);

export const LAMBDA_GRID = [8, 32, 128, 512];
export const FALLBACK_LAMBDA = 128;
export const DEFAULT_PSEUDO_WORDS = 50;
export const DEFAULT_Z_CLIP = 3;
/** Held-out precision a decided label must reach. */
export const DECISION_PRECISION = 0.9;
/** Fewest held-out texts above (below) a threshold for the check to count. */
const DECISION_MIN_TEXTS = 15;

/** Texts counted once, with their labels, genres and CV groups. */
export interface CountedSet {
  counted: FeatureCounts[];
  labels: StyleLabel[];
  sets: string[];
  groups: string[];
}

export function trainModel(texts: LabelledText[], options: TrainOptions = {}): TranslationeseModel {
  const spans = texts.map((t) => findFeatureSpans(t.text));
  const data: CountedSet = {
    counted: texts.map((t, i) => countFeatures(t.text, spans[i])),
    labels: texts.map((t) => t.label),
    sets: texts.map((t) => t.set ?? 'all'),
    groups: texts.map((t) => t.group ?? t.id),
  };
  const model = trainWithCv(data, options).model;
  // The first span of each feature in the reference texts, for the legend.
  const examples: TranslationeseModel['examples'] = {};
  texts.forEach((t, i) => {
    for (const s of spans[i]) if (model.features.includes(s.rule) && !examples[s.rule]) examples[s.rule] = { text: s.text, sample: t.id };
  });
  model.examples = Object.fromEntries(model.features.filter((id) => examples[id]).map((id) => [id, examples[id]]));
  return model;
}

/**
 * The whole training procedure on counted texts: choose the penalty by
 * leave-one-group-out CV (unless fixed), set the decision thresholds from the
 * same CV's out-of-fold probabilities, fit on everything.
 */
export function trainWithCv(data: CountedSet, options: TrainOptions = {}): { model: TranslationeseModel; outOfFold: number[] } {
  const features = options.featureSets?.[0] ?? options.features ?? MODEL_FEATURES;
  const part = (options.blendWith ?? []).filter((id) => features.includes(id));
  if (part.length && part.length < features.length && !options.featureSets && options.selectTop === undefined) return trainBlend(data, options, part);
  return trainSingle(data, options);
}

/**
 * Two models, one on every feature and one on `part` of them, each trained by
 * the whole procedure (penalty by grouped CV), merged into one linear model by
 * averaging their log-odds: coefficients and intercept halved and summed (both
 * share the rates' prior, genre centres and SDs, which are per feature). The
 * decision thresholds come from the averaged out-of-fold log-odds.
 */
function trainBlend(data: CountedSet, options: TrainOptions, part: readonly string[]): { model: TranslationeseModel; outOfFold: number[] } {
  const rest = { ...options, blendWith: undefined };
  const full = trainSingle(data, rest);
  const sub = trainSingle(data, { ...rest, features: part, featureSets: undefined, selectTop: undefined });
  const logit = (p: number) => Math.log(Math.min(1 - 1e-12, Math.max(1e-12, p)) / (1 - Math.min(1 - 1e-12, Math.max(1e-12, p))));
  const outOfFold = full.outOfFold.length && sub.outOfFold.length ? full.outOfFold.map((p, i) => 1 / (1 + Math.exp(-(logit(p) + logit(sub.outOfFold[i])) / 2))) : [];
  const model = full.model;
  const subIndex = new Map(sub.model.features.map((id, k) => [id, k]));
  model.coefficients = model.coefficients.map((c, j) => round((c + (subIndex.has(model.features[j]) ? sub.model.coefficients[subIndex.get(model.features[j])!] : 0)) / 2));
  model.intercept = round((model.intercept + sub.model.intercept) / 2);
  model.blend = { features: sub.model.features.length, lambda: sub.model.lambda };
  model.decision = decisionThresholds(outOfFold, data.labels);
  return { model, outOfFold };
}

function trainSingle(data: CountedSet, options: TrainOptions): { model: TranslationeseModel; outOfFold: number[] } {
  const grid = options.lambda !== undefined ? [options.lambda] : (options.lambdaGrid ?? LAMBDA_GRID);
  const featureSets = options.featureSets ?? [options.features ?? MODEL_FEATURES];
  const weights = balancedWeights(data.labels);
  let best = { lambda: options.lambda ?? FALLBACK_LAMBDA, features: featureSets[0], loss: Infinity, oof: [] as number[] };
  const distinct = [...new Set(data.groups)];
  if (distinct.length >= 3) {
    // Feature sets in the order given (the first is preferred), largest
    // penalty first, so ties go to the simpler model.
    for (const features of featureSets) {
      for (const lambda of [...grid].reverse()) {
        const oof = groupedOutOfFold(data, { ...options, features, lambda });
        let loss = 0;
        oof.forEach((p, i) => {
          if (Number.isNaN(p)) return;
          const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
          loss -= weights[i] * Math.log(data.labels[i] === 'translated' ? q : 1 - q);
        });
        if (loss < best.loss - 1e-12) best = { lambda, features, loss, oof };
      }
    }
  }
  const model = trainOnCounts(data, { ...options, features: best.features, lambda: best.lambda });
  model.decision = decisionThresholds(best.oof, data.labels);
  return { model, outOfFold: best.oof };
}

/** Out-of-fold probability of every text, holding out one group at a time (NaN when a fold cannot be fitted). */
export function groupedOutOfFold(data: CountedSet, options: TrainOptions & { lambda: number }): number[] {
  const out = new Array<number>(data.labels.length).fill(NaN);
  for (const g of new Set(data.groups)) {
    const train = data.groups.map((_, i) => i).filter((i) => data.groups[i] !== g);
    if (new Set(train.map((i) => data.labels[i])).size < 2) continue;
    const model = trainOnCounts(subset(data, train), options);
    data.groups.forEach((gi, i) => {
      if (gi === g) out[i] = probability(data.counted[i], model);
    });
  }
  return out;
}

export function subset(data: CountedSet, idx: number[]): CountedSet {
  return { counted: idx.map((i) => data.counted[i]), labels: idx.map((i) => data.labels[i]), sets: idx.map((i) => data.sets[i]), groups: idx.map((i) => data.groups[i]) };
}

/**
 * Thresholds for a decided label from held-out probabilities: the lowest cut
 * t in 0.50, 0.55 … 0.95 such that at least DECISION_MIN_TEXTS held-out texts
 * have p ≥ t and DECISION_PRECISION of them are translated (and the mirror
 * for "original"). When no cut qualifies, that label is never decided.
 */
export function decisionThresholds(oof: number[], labels: StyleLabel[]): TranslationeseModel['decision'] {
  const cuts = Array.from({ length: 10 }, (_, k) => 0.5 + 0.05 * k);
  const precision = (keep: (p: number) => boolean, label: StyleLabel) => {
    const idx = oof.map((p, i) => i).filter((i) => !Number.isNaN(oof[i]) && keep(oof[i]));
    return { n: idx.length, share: idx.filter((i) => labels[i] === label).length / Math.max(idx.length, 1) };
  };
  const ok = (r: { n: number; share: number }) => r.n >= DECISION_MIN_TEXTS && r.share >= DECISION_PRECISION;
  const translatedFrom = cuts.find((t) => ok(precision((p) => p >= t, 'translated'))) ?? 2;
  const originalTo = cuts.map((t) => 1 - t).find((t) => ok(precision((p) => p <= t, 'original'))) ?? -1;
  return {
    translatedFrom: round(translatedFrom),
    originalTo: round(originalTo),
    precision: DECISION_PRECISION,
    heldOut: `${oof.filter((p) => !Number.isNaN(p)).length} out-of-fold probabilities (leave-one-publisher-out)`,
  };
}

/** The fit from already counted texts, with a given penalty (no CV, no thresholds). */
export function trainOnCounts(data: CountedSet, options: TrainOptions = {}): TranslationeseModel {
  const { counted, labels, sets } = data;
  const lambda = options.lambda ?? FALLBACK_LAMBDA;
  const pseudoWords = options.pseudoWords ?? DEFAULT_PSEUDO_WORDS;
  let features = [...(options.features ?? MODEL_FEATURES)];
  for (const v of options.frequent ?? []) features.push(...mostFrequent(counted, v.prefix, v.top).filter((id) => !features.includes(id)));
  if (options.selectTop !== undefined && options.selectTop < features.length) features = selectFeatures(data, features, options.selectTop, pseudoWords);
  const totalWords = counted.reduce((s, c) => s + c.words, 0);
  const priorRate = features.map((id) => round(counted.reduce((s, c) => s + (c.counts[id] ?? 0), 0) / Math.max(totalWords, 1)));
  const rates = counted.map((c) => featureRates(c, { features, priorRate, pseudoWords }));
  const names = [...new Set(sets)];
  const centres = names.map((name) => genreCentre(rates.filter((_, i) => sets[i] === name), labels.filter((_, i) => sets[i] === name)));
  const centred = rates.map((r, i) => r.map((v, j) => v - centres[names.indexOf(sets[i])][j]));
  const mean = features.map((_, j) => centred.reduce((s, r) => s + r[j], 0) / centred.length);
  // A feature that never varies gets std 1 so it simply contributes nothing.
  const std = features.map((_, j) => round(Math.sqrt(centred.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / centred.length) || 1));
  const genres: Genre[] = names.map((name, g) => {
    const genre = { name, centre: centres[g].map(round), maxDistance: 0, texts: sets.filter((s) => s === name).length };
    const distances = rates.filter((_, i) => sets[i] === name).map((r) => genreDistance(r, genre, { std }));
    const own = centred.filter((_, i) => sets[i] === name);
    const ownStd = options.perGenreStd ? features.map((_, j) => round(Math.sqrt(own.reduce((s, r) => s + r[j] ** 2, 0) / own.length) || 1)) : undefined;
    return { ...genre, maxDistance: round(Math.max(...distances)), ...(ownStd ? { std: ownStd } : {}) };
  });
  const zClip = DEFAULT_Z_CLIP;
  const draft = { features, priorRate, pseudoWords, genres, std, zClip } as TranslationeseModel;
  const x = rates.map((r, i) => r.map((v, j) => standardize(v, j, draft, names.indexOf(sets[i]))));
  const y = labels.map((l) => (l === 'translated' ? 1 : 0));
  const fit = fitLogistic(x, y, lambda, { weights: balancedWeights(labels) });
  return {
    format: 'plan-provenance/translationese-model@2',
    features,
    priorRate,
    pseudoWords,
    genres,
    std,
    coefficients: fit.coefficients.map(round),
    intercept: round(fit.intercept),
    zClip,
    lambda,
    decision: { translatedFrom: 2, originalTo: -1, precision: DECISION_PRECISION, heldOut: 'none' },
    minWords: Math.min(...counted.map((c) => c.words)),
    examples: {},
    training: {
      texts: labels.length,
      translated: y.filter((v) => v === 1).length,
      original: y.filter((v) => v === 0).length,
      source: options.source ?? '',
    },
  };
}

/**
 * The `k` features whose genre-centred rates separate the labels best on these
 * texts (largest |Welch t|), in their catalogue order. Ties keep the earlier one.
 */
export function selectFeatures(data: CountedSet, features: string[], k: number, pseudoWords: number): string[] {
  const { counted, labels, sets } = data;
  const totalWords = counted.reduce((s, c) => s + c.words, 0);
  const priorRate = features.map((id) => counted.reduce((s, c) => s + (c.counts[id] ?? 0), 0) / Math.max(totalWords, 1));
  const rates = counted.map((c) => featureRates(c, { features, priorRate, pseudoWords }));
  const names = [...new Set(sets)];
  const centres = names.map((name) => genreCentre(rates.filter((_, i) => sets[i] === name), labels.filter((_, i) => sets[i] === name)));
  const centred = rates.map((r, i) => r.map((v, j) => v - centres[names.indexOf(sets[i])][j]));
  const stats = (rows: number[][], j: number) => {
    const m = rows.reduce((s, r) => s + r[j], 0) / rows.length;
    return { m, v: rows.reduce((s, r) => s + (r[j] - m) ** 2, 0) / Math.max(rows.length - 1, 1), n: rows.length };
  };
  const tr = centred.filter((_, i) => labels[i] === 'translated');
  const or = centred.filter((_, i) => labels[i] === 'original');
  const t = features.map((_, j) => {
    const a = stats(tr, j);
    const b = stats(or, j);
    return Math.abs(a.m - b.m) / Math.sqrt(a.v / a.n + b.v / b.n || 1);
  });
  const keep = new Set(features.map((_, j) => j).sort((a, b) => t[b] - t[a] || a - b).slice(0, k));
  return features.filter((_, j) => keep.has(j));
}

/** The `top` ids starting with `prefix` with the largest total count over `counted` (ties by id); labels unused. */
export function mostFrequent(counted: FeatureCounts[], prefix: string, top: number): string[] {
  const totals = new Map<string, number>();
  for (const c of counted) for (const [id, n] of prefixed(c, prefix)) totals.set(id, (totals.get(id) ?? 0) + n);
  return [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, top).map(([id]) => id);
}

const PREFIXED = new WeakMap<FeatureCounts, Map<string, [string, number][]>>();
/** A text's counts of the ids starting with `prefix`, cached: CV refits ask for them thousands of times. */
function prefixed(c: FeatureCounts, prefix: string): [string, number][] {
  let byPrefix = PREFIXED.get(c);
  if (!byPrefix) PREFIXED.set(c, (byPrefix = new Map()));
  let list = byPrefix.get(prefix);
  if (!list) byPrefix.set(prefix, (list = Object.entries(c.counts).filter(([id]) => id.startsWith(prefix))));
  return list;
}

/** The midpoint of the two labels' mean rates; the plain mean when a set has one label only. */
function genreCentre(rates: number[][], labels: StyleLabel[]): number[] {
  const meanOf = (rows: number[][]) => rows[0].map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
  const tr = rates.filter((_, i) => labels[i] === 'translated');
  const or = rates.filter((_, i) => labels[i] === 'original');
  if (!tr.length || !or.length) return meanOf(rates);
  const a = meanOf(tr);
  const b = meanOf(or);
  return a.map((v, j) => (v + b[j]) / 2);
}

/** Weights that give each label half the total: n / (2·n_label). */
export function balancedWeights(labels: StyleLabel[]): number[] {
  const n = labels.length;
  const translated = labels.filter((l) => l === 'translated').length;
  return labels.map((l) => (l === 'translated' ? n / (2 * Math.max(translated, 1)) : n / (2 * Math.max(n - translated, 1))));
}

/** Ten significant digits: enough for scoring, stable across runs in the JSON. */
function round(x: number): number {
  return Number(x.toPrecision(10));
}
