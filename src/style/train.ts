// Fit the translationese model on labelled texts. Pure: texts in, model out.
import { countFeatures, type FeatureCounts } from './features.js';
import { fitLogistic } from './logistic.js';
import { featureRates, standardize, type TranslationeseModel } from './model.js';
import { FEATURE_RULES } from './rules.js';

export type StyleLabel = 'translated' | 'original';

export interface LabelledText {
  id: string;
  label: StyleLabel;
  text: string;
}

export interface TrainOptions {
  /** L2 penalty; fixed in advance, not tuned on the evaluation. */
  lambda?: number;
  /** Shrinkage strength K, in words. */
  pseudoWords?: number;
  /** Where the texts came from, recorded in the model. */
  source?: string;
}

export const DEFAULT_LAMBDA = 4;
export const DEFAULT_PSEUDO_WORDS = 50;
export const DEFAULT_Z_CLIP = 3;

export function trainModel(texts: LabelledText[], options: TrainOptions = {}): TranslationeseModel {
  const counted = texts.map((t) => countFeatures(t.text));
  return trainOnCounts(counted, texts.map((t) => t.label), options);
}

/** The same fit from already counted texts (cross-validation counts once). */
export function trainOnCounts(counted: FeatureCounts[], labels: StyleLabel[], options: TrainOptions = {}): TranslationeseModel {
  const lambda = options.lambda ?? DEFAULT_LAMBDA;
  const pseudoWords = options.pseudoWords ?? DEFAULT_PSEUDO_WORDS;
  const features = FEATURE_RULES.map((r) => r.id);
  const totalWords = counted.reduce((s, c) => s + c.words, 0);
  const priorRate = features.map((id) => round(counted.reduce((s, c) => s + c.counts[id], 0) / Math.max(totalWords, 1)));
  const draft = { features, priorRate, pseudoWords } as TranslationeseModel;
  const rates = counted.map((c) => featureRates(c, draft));
  const mean = features.map((_, j) => round(rates.reduce((s, r) => s + r[j], 0) / rates.length));
  // A feature that never varies gets std 1 so it simply contributes nothing.
  const std = features.map((_, j) => round(Math.sqrt(rates.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / rates.length) || 1));
  const zClip = DEFAULT_Z_CLIP;
  const scaled = { ...draft, mean, std, zClip };
  const x = rates.map((r) => r.map((v, j) => standardize(v, j, scaled)));
  const y = labels.map((l) => (l === 'translated' ? 1 : 0));
  const fit = fitLogistic(x, y, lambda);
  return {
    format: 'plan-provenance/translationese-model@1',
    features,
    priorRate,
    pseudoWords,
    mean,
    std,
    coefficients: fit.coefficients.map(round),
    intercept: round(fit.intercept),
    zClip,
    lambda,
    training: {
      texts: labels.length,
      translated: y.filter((v) => v === 1).length,
      original: y.filter((v) => v === 0).length,
      source: options.source ?? '',
    },
  };
}

/** Ten significant digits: enough for scoring, stable across runs in the JSON. */
function round(x: number): number {
  return Number(x.toPrecision(10));
}
