// How sure a score is, given the text's length. Each feature count is treated
// as Poisson with a Gamma posterior on its rate (prior: the reference set's
// pooled rate, worth K pseudo-words, the same shrinkage the point estimate
// uses): rate ~ Gamma(count + K·prior, words + K). Drawing rates and scoring
// each draw gives an interval that is wide for a 15-word point and narrow for
// a 1,000-word statement. A bootstrap over sentences would not do: a plan
// point is often one sentence, and resampling one sentence has no spread.
import { LruCache } from '../util/lru-cache.js';
import { seededRandom } from '../util/seeded-random.js';
import type { FeatureCounts } from './features.js';
import { featureRates, nearestGenre, sigmoid, type TranslationeseModel } from './model.js';

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
 *
 * The hot loop of draft analysis (84 features × 200 draws per scored unit, a
 * draft of 28 points has 29 units): each feature's Gamma sampler and the
 * genre's centring are set up once per call, not once per draw. The arithmetic
 * and the order of the random numbers are those of model.ts's `logit` over
 * `featureRates`, so the interval is the same to the last bit.
 */
export function scoreInterval(counts: FeatureCounts, model: TranslationeseModel, { draws = 200, mass = 0.9, seed = 20251120 } = {}): Interval {
  // A pure function of the counts the model reads: a draft's points that did not change since the
  // last time it was sent (or that are a published plan's) have the same counts and get the same interval.
  let kept = intervals.get(model);
  if (!kept) intervals.set(model, (kept = new LruCache(INTERVALS_KEPT)));
  const key = `${draws} ${mass} ${seed} ${counts.words} ${model.features.map((id) => counts.counts[id] ?? 0).join(',')}`;
  return { ...kept.getOrSet(key, () => drawInterval(counts, model, draws, mass, seed)) };
}

/** Intervals kept per model: a few drafts' worth of points (one per unit scored). */
const INTERVALS_KEPT = 1024;
const intervals = new WeakMap<TranslationeseModel, LruCache<Interval>>();

function drawInterval(counts: FeatureCounts, model: TranslationeseModel, draws: number, mass: number, seed: number): Interval {
  const random = seededRandom(seed);
  // The genre is the point estimate's: the interval is about sampling noise in the counts, not about which genre.
  const genre = model.genres[nearestGenre(featureRates(counts, model), model).genre];
  const n = model.features.length;
  const samplers = model.features.map((id, j) => gammaSampler((counts.counts[id] ?? 0) + model.pseudoWords * model.priorRate[j]));
  const scale = counts.words + model.pseudoWords;
  const centre = genre.centre;
  const std = model.features.map((_, j) => genre.std?.[j] ?? model.std[j]);
  const { coefficients, intercept, zClip } = model;
  const scores: number[] = [];
  for (let d = 0; d < draws; d++) {
    // logit(rates, model, genre) of model.ts, one rate at a time.
    let z = intercept;
    for (let j = 0; j < n; j++) {
      const rate = (100 * samplers[j](random)) / scale;
      z += coefficients[j] * Math.max(-zClip, Math.min(zClip, (rate - centre[j]) / std[j]));
    }
    scores.push(sigmoid(z));
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

/**
 * A sampler of Gamma(shape, 1) by Marsaglia & Tsang (2000), "A simple method
 * for generating gamma variables", ACM TOMS 26(3); shape < 1 via the boost
 * x·U^(1/shape). The constants d and c are computed once per shape.
 *
 * The squeeze u < 1 − 0.0331·x⁴ (same paper) accepts most draws without the
 * two logarithms of the full test. It never decides otherwise than the full
 * test: log(1 − 0.0331·x⁴) lies below the full test's bound by at least
 * 0.019·x⁴ for every shape ≥ 1 (checked numerically over x where the squeeze
 * can hold), and it can only hold for u < 1 − 2⁻³², i.e. |x| > 0.0068, so the
 * margin (≥ 4·10⁻¹¹) is far above the rounding of either side. The random
 * numbers drawn and the value returned are the same as without it.
 */
function gammaSampler(shape: number): (random: () => number) => number {
  if (shape <= 0) return () => 0;
  if (shape < 1) {
    const boosted = gammaSampler(shape + 1);
    const power = 1 / shape;
    return (random) => boosted(random) * Math.pow(1 - random(), power);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  return (random) => {
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal(random);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - random();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
}
