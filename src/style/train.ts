// Fit the translationese model on labelled texts. Pure: texts in, model out.
//
// Two choices keep the fit honest on a small, lopsided reference set:
// - Class-balanced weights: each label carries half the total weight, so the
//   intercept encodes a 50/50 prior, not the share of translated texts that
//   happened to be in the training fold (which differs wildly between
//   publisher folds: holding out the Kremlin leaves 11 translated vs 40).
// - The L2 penalty is chosen by leave-one-publisher-out cross-validation on
//   the training texts themselves (lowest weighted log-loss over a fixed grid),
//   so evaluation can nest the whole procedure.
import { countFeatures, type FeatureCounts } from './features.js';
import { fitLogistic } from './logistic.js';
import { featureRates, probability, standardize, type TranslationeseModel } from './model.js';
import { FEATURE_RULES } from './rules.js';

export type StyleLabel = 'translated' | 'original';

export interface LabelledText {
  id: string;
  label: StyleLabel;
  text: string;
  /** Publisher group: texts of one group are never split across CV folds. */
  group?: string;
}

export interface TrainOptions {
  /** L2 penalty; when absent it is chosen from LAMBDA_GRID by grouped CV. */
  lambda?: number;
  /** Shrinkage strength K, in words. */
  pseudoWords?: number;
  /** Where the texts came from, recorded in the model. */
  source?: string;
}

export const LAMBDA_GRID = [0.25, 1, 4, 16];
export const FALLBACK_LAMBDA = 4;
export const DEFAULT_PSEUDO_WORDS = 50;
export const DEFAULT_Z_CLIP = 3;

export function trainModel(texts: LabelledText[], options: TrainOptions = {}): TranslationeseModel {
  const counted = texts.map((t) => countFeatures(t.text));
  const labels = texts.map((t) => t.label);
  const lambda = options.lambda ?? selectLambda(counted, labels, texts.map((t) => t.group ?? t.id), options);
  return trainOnCounts(counted, labels, { ...options, lambda });
}

/**
 * The grid value with the lowest class-weighted log-loss in leave-one-group-out
 * CV; ties go to the larger penalty. With fewer than 3 groups there is nothing
 * to cross-validate, and the fallback is used.
 */
export function selectLambda(counted: FeatureCounts[], labels: StyleLabel[], groups: string[], options: TrainOptions = {}): number {
  const distinct = [...new Set(groups)];
  if (distinct.length < 3) return FALLBACK_LAMBDA;
  const weights = balancedWeights(labels);
  let best = { lambda: FALLBACK_LAMBDA, loss: Infinity };
  for (const lambda of [...LAMBDA_GRID].reverse()) {
    let loss = 0;
    for (const g of distinct) {
      const train = groups.map((_, i) => i).filter((i) => groups[i] !== g);
      const trainLabels = train.map((i) => labels[i]);
      if (new Set(trainLabels).size < 2) continue;
      const model = trainOnCounts(train.map((i) => counted[i]), trainLabels, { ...options, lambda });
      groups.forEach((gi, i) => {
        if (gi !== g) return;
        const p = Math.min(1 - 1e-9, Math.max(1e-9, probability(counted[i], model)));
        loss -= weights[i] * Math.log(labels[i] === 'translated' ? p : 1 - p);
      });
    }
    if (loss < best.loss - 1e-12) best = { lambda, loss };
  }
  return best.lambda;
}

/** The same fit from already counted texts, with a given penalty. */
export function trainOnCounts(counted: FeatureCounts[], labels: StyleLabel[], options: TrainOptions = {}): TranslationeseModel {
  const lambda = options.lambda ?? FALLBACK_LAMBDA;
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
  const fit = fitLogistic(x, y, lambda, { weights: balancedWeights(labels) });
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
