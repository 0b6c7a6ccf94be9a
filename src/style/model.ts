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
  /** L2 penalty used in training (on coefficients, not the intercept). */
  lambda: number;
  training: { texts: number; translated: number; original: number; source: string };
}

/** Spans per 100 words of each feature, shrunk toward the prior. */
export function featureRates(counts: FeatureCounts, model: TranslationeseModel): number[] {
  return model.features.map((id, j) => (100 * ((counts.counts[id] ?? 0) + model.pseudoWords * model.priorRate[j])) / (counts.words + model.pseudoWords));
}

export function logit(rates: number[], model: TranslationeseModel): number {
  let z = model.intercept;
  for (let j = 0; j < rates.length; j++) z += (model.coefficients[j] * (rates[j] - model.mean[j])) / model.std[j];
  return z;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Probability that the text was translated from Russian. */
export function probability(counts: FeatureCounts, model: TranslationeseModel): number {
  return sigmoid(logit(featureRates(counts, model), model));
}

/**
 * What one span adds to the log-odds: one more occurrence raises the feature's
 * rate by 100 / (words + K), times the coefficient per unit of rate.
 */
export function spanWeight(featureId: string, words: number, model: TranslationeseModel): number {
  const j = model.features.indexOf(featureId);
  if (j < 0) return 0;
  return (model.coefficients[j] / model.std[j]) * (100 / (words + model.pseudoWords));
}
