// How sure a score is, given the text's length. Each feature count is treated
// as Poisson with a Gamma posterior on its rate (prior: the reference set's
// pooled rate, worth K pseudo-words, the same shrinkage the point estimate
// uses): rate ~ Gamma(count + K·prior, words + K). Drawing rates and scoring
// each draw gives an interval that is wide for a 15-word point and narrow for
// a 1,000-word statement. A bootstrap over sentences would not do: a plan
// point is often one sentence, and resampling one sentence has no spread.
import { seededRandom } from '../util/seeded-random.js';
import type { FeatureCounts } from './features.js';
import { featureRates, logit, nearestGenre, sigmoid, type TranslationeseModel } from './model.js';

export interface Interval {
  low: number;
  high: number;
  /** Central probability mass of the interval (0.9 = 5th to 95th percentile). */
  mass: number;
}

/**
 * 90% interval of a text's score from 200 seeded draws (200, not more: a plan
 * scored point by point needs one interval per point, and each draw samples
 * every feature's rate; 200 draws put the 5th percentile at the 10th value).
 */
export function scoreInterval(counts: FeatureCounts, model: TranslationeseModel, { draws = 200, mass = 0.9, seed = 20251120 } = {}): Interval {
  const random = seededRandom(seed);
  // The genre is the point estimate's: the interval is about sampling noise in the counts, not about which genre.
  const genre = nearestGenre(featureRates(counts, model), model).genre;
  const scores: number[] = [];
  for (let d = 0; d < draws; d++) {
    const rates = model.features.map((id, j) => {
      const shape = (counts.counts[id] ?? 0) + model.pseudoWords * model.priorRate[j];
      return (100 * gamma(shape, random)) / (counts.words + model.pseudoWords);
    });
    scores.push(sigmoid(logit(rates, model, genre)));
  }
  scores.sort((a, b) => a - b);
  const q = (p: number) => scores[Math.min(scores.length - 1, Math.max(0, Math.round(p * (scores.length - 1))))];
  return { low: q((1 - mass) / 2), high: q(1 - (1 - mass) / 2), mass };
}

function normal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000); shape < 1 via the boost x·U^(1/shape). */
function gamma(shape: number, random: () => number): number {
  if (shape <= 0) return 0;
  if (shape < 1) return gamma(shape + 1, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}
