// The translationese model: logistic regression on genre-centred feature rates.
//
// A rate is spans per 100 words, shrunk toward the reference sets' pooled rate
// with `pseudoWords` imaginary words: (count + K·prior) / (words + K). A
// 15-word plan point with one future passive would otherwise have a rate of
// 6.7 per 100 words, far outside anything seen in training.
//
// Genre centring: the two reference sets are two genres (statements and
// readouts; UN General Debate speeches). Each set's rates are centred on that
// set's class-balanced mean before fitting, so the model learns what differs
// between translated and original texts *within* a genre, not what differs
// between the genres or their publishers. A new text is centred on the
// nearest genre (distance in within-genre standard deviations); when it is
// far from both, it is out of the reference sets' range (score.ts says so).
import type { FeatureCounts } from './features.js';

export interface Genre {
  /** Reference set name (`statements`, `un`). */
  name: string;
  /** Class-balanced mean rate of each feature in this set (the midpoint of the two labels' means). */
  centre: number[];
  /** Largest RMS z-distance of a training text of this set from the centre (the range check). */
  maxDistance: number;
  texts: number;
  /** Standard deviation of each rate within this genre, when the model standardises per genre (else the pooled `std`). */
  std?: number[];
}

export interface TranslationeseModel {
  format: 'plan-provenance/translationese-model@2';
  /** Feature ids, in the order of every array below. */
  features: string[];
  /** Pooled reference-set rate per word of each feature (the shrinkage target). */
  priorRate: number[];
  /** K in (count + K·prior) / (words + K). */
  pseudoWords: number;
  genres: Genre[];
  /** Standard deviation of each genre-centred rate on the training texts. */
  std: number[];
  /** Coefficients on standardised rates; positive means "more like a translation". */
  coefficients: number[];
  intercept: number;
  /**
   * Standardised rates are clipped to ±zClip. A text far outside what the
   * reference sets contain must not be extrapolated linearly: it counts as
   * zClip standard deviations, no more.
   */
  zClip: number;
  /** L2 penalty used in training (on coefficients, not the intercept). */
  lambda: number;
  /** When the model is the log-odds mean of the full model and one on a subset of its features: the subset's size and penalty. */
  blend?: { features: number; lambda: number };
  /**
   * When a label is decided, from a held-out check on the training texts
   * (leave-one-publisher-out): "translated" only when the whole 90% interval is
   * at or above `translatedFrom`, "original" only when it is at or below
   * `originalTo`. A threshold outside [0, 1] means that label is never decided.
   */
  decision: { translatedFrom: number; originalTo: number; precision: number; heldOut: string };
  /** Shortest reference text, in words: shorter texts are out of range. */
  minWords: number;
  /** One real span per feature from the reference texts, for the legend: feature id → span text and sample id. */
  examples: Record<string, { text: string; sample: string }>;
  training: { texts: number; translated: number; original: number; source: string };
}

/** Spans per 100 words of each feature, shrunk toward the prior. */
export function featureRates(counts: FeatureCounts, model: Pick<TranslationeseModel, 'features' | 'priorRate' | 'pseudoWords'>): number[] {
  return model.features.map((id, j) => (100 * ((counts.counts[id] ?? 0) + model.pseudoWords * model.priorRate[j])) / (counts.words + model.pseudoWords));
}

/** RMS distance of rates from a genre centre, in training standard deviations. */
export function genreDistance(rates: number[], genre: Genre, model: Pick<TranslationeseModel, 'std'>): number {
  let s = 0;
  for (let j = 0; j < rates.length; j++) s += ((rates[j] - genre.centre[j]) / model.std[j]) ** 2;
  return Math.sqrt(s / Math.max(rates.length, 1));
}

/** Index of the nearest genre and the distance to it. */
export function nearestGenre(rates: number[], model: TranslationeseModel): { genre: number; distance: number } {
  let best = { genre: 0, distance: Infinity };
  model.genres.forEach((g, i) => {
    const d = genreDistance(rates, g, model);
    if (d < best.distance) best = { genre: i, distance: d };
  });
  return best;
}

/** A rate as the model sees it: centred on the genre, standardised, clipped to ±zClip. */
export function standardize(rate: number, j: number, model: TranslationeseModel, genre: number): number {
  const g = model.genres[genre];
  const z = (rate - g.centre[j]) / (g.std?.[j] ?? model.std[j]);
  return Math.max(-model.zClip, Math.min(model.zClip, z));
}

export function logit(rates: number[], model: TranslationeseModel, genre: number): number {
  let z = model.intercept;
  for (let j = 0; j < rates.length; j++) z += model.coefficients[j] * standardize(rates[j], j, model, genre);
  return z;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Probability that the text is a translation (into English), centred on its nearest genre. */
export function probability(counts: FeatureCounts, model: TranslationeseModel): number {
  const rates = featureRates(counts, model);
  return sigmoid(logit(rates, model, nearestGenre(rates, model).genre));
}

/**
 * What each span of a feature adds to the log-odds: the feature's
 * contribution (its term with the observed count minus its term with a count
 * of zero, at the same length and genre) split evenly among its spans.
 * Because of the clip, the spans of a saturated feature share a bounded contribution.
 */
export function spanWeights(counts: FeatureCounts, model: TranslationeseModel): Record<string, number> {
  const withSpans = featureRates(counts, model);
  const genre = nearestGenre(withSpans, model).genre;
  const without = featureRates({ words: counts.words, counts: {} }, model);
  const out: Record<string, number> = {};
  model.features.forEach((id, j) => {
    const n = counts.counts[id] ?? 0;
    const contribution = model.coefficients[j] * (standardize(withSpans[j], j, model, genre) - standardize(without[j], j, model, genre));
    out[id] = n ? contribution / n : 0;
  });
  return out;
}
