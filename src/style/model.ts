// The translationese model: logistic regression on per-text feature rates.
//
// A rate is spans per 100 words, shrunk toward the reference set's pooled rate
// with `pseudoWords` imaginary words: (count + K·prior) / (words + K). A
// 15-word plan point with one future passive would otherwise have a rate of
// 6.7 per 100 words, far outside anything seen in training; shrinkage makes a
// short text's score lean toward the base rate instead of the extremes.
import type { FeatureCounts } from './features.js';

export interface TranslationeseModel {
  format: 'plan-provenance/translationese-model@1';
  /** Feature ids, in the order of every array below. */
  features: string[];
  /** Pooled reference-set rate per word of each feature (the shrinkage target). */
  priorRate: number[];
  /** K in (count + K·prior) / (words + K). */
  pseudoWords: number;
  /** Mean and standard deviation of each rate on the training texts. */
  mean: number[];
  std: number[];
  /** Coefficients on standardised rates; positive means "more like a translation". */
  coefficients: number[];
  intercept: number;
  /**
   * Standardised rates are clipped to ±zClip. A text far outside what the
   * reference set contains (a plan with 4 future passives per 100 words, where
   * training texts average 0.02) must not be extrapolated linearly: it counts
   * as zClip standard deviations, no more.
   */
  zClip: number;
  /** L2 penalty used in training (on coefficients, not the intercept). */
  lambda: number;
  training: { texts: number; translated: number; original: number; source: string };
}

/** Spans per 100 words of each feature, shrunk toward the prior. */
export function featureRates(counts: FeatureCounts, model: TranslationeseModel): number[] {
  return model.features.map((id, j) => (100 * ((counts.counts[id] ?? 0) + model.pseudoWords * model.priorRate[j])) / (counts.words + model.pseudoWords));
}

/** A rate as the model sees it: standardised, then clipped to ±zClip. */
export function standardize(rate: number, j: number, model: TranslationeseModel): number {
  const z = (rate - model.mean[j]) / model.std[j];
  return Math.max(-model.zClip, Math.min(model.zClip, z));
}

export function logit(rates: number[], model: TranslationeseModel): number {
  let z = model.intercept;
  for (let j = 0; j < rates.length; j++) z += model.coefficients[j] * standardize(rates[j], j, model);
  return z;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Probability that the text was translated from Russian. */
export function probability(counts: FeatureCounts, model: TranslationeseModel): number {
  return sigmoid(logit(featureRates(counts, model), model));
}

/**
 * What each span of a feature adds to the log-odds: the feature's
 * contribution (its term with the observed count minus its term with a count
 * of zero, at the same length) split evenly among its spans. Because of the
 * clip, the spans of a saturated feature share a bounded contribution.
 */
export function spanWeights(counts: FeatureCounts, model: TranslationeseModel): Record<string, number> {
  const withSpans = featureRates(counts, model);
  const without = featureRates({ words: counts.words, counts: {} }, model);
  const out: Record<string, number> = {};
  model.features.forEach((id, j) => {
    const n = counts.counts[id] ?? 0;
    const contribution = model.coefficients[j] * (standardize(withSpans[j], j, model) - standardize(without[j], j, model));
    out[id] = n ? contribution / n : 0;
  });
  return out;
}
