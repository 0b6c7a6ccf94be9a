// The learned ranker: a linear model over the pair features (features.ts),
// trained listwise (trainListwise) and Platt-scaled, so that
// P(passage carries the point) = σ(b + Σ wᵢ·xᵢ), every xᵢ in [0, 1]: a weight
// reads directly as how much a feature moves the log-odds from 0 to 1. Written by `npm run train:provenance` (scripts/train-provenance.ts)
// from eval/gold/provenance.json with the bulk Kremlin pages as negatives;
// the same command rewrites the same file byte for byte (fixed order, fixed
// iterations, no randomness).
//
// The side verdict's calibration (origin.ts) is stored in the same file.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEATURES } from './features.js';
import { sideReliability, type SideCalibration } from './origin.js';

// @2: the side calibration became per named side (origin.ts SideCalibration).
export const RANKER_FORMAT = 'plan-provenance/provenance-ranker@2';

export const SHIPPED_RANKER_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../corpora/reference/provenance/ranker.json');

export interface RankerModel {
  format: string;
  features: string[];
  intercept: number;
  weights: number[];
  /** Side confidence: held-out reliability of each named side (see origin.ts). */
  side: SideCalibration;
  /** What it was trained on (for the record; not read by the code). */
  trainedOn: Record<string, unknown>;
}

/** P(the passage carries the point) for one feature vector. */
export function rankerProbability(model: Pick<RankerModel, 'intercept' | 'weights'>, x: number[]): number {
  let z = model.intercept;
  for (let i = 0; i < x.length; i++) z += model.weights[i] * x[i];
  return sigmoid(z);
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

let cached: RankerModel | undefined;

/** The shipped model, read and checked once. Throws with the file and field on a bad file. */
export function shippedRanker(path = SHIPPED_RANKER_PATH): RankerModel {
  if (cached && path === SHIPPED_RANKER_PATH) return cached;
  let raw: RankerModel;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as RankerModel;
  } catch (e) {
    throw new Error(`${path}: cannot read the provenance ranker (${(e as Error).message}); run "npm run train:provenance"`);
  }
  if (raw?.format !== RANKER_FORMAT) throw new Error(`${path}: field "format" is not ${RANKER_FORMAT}`);
  if (!Array.isArray(raw.features) || raw.features.join(',') !== FEATURES.join(',')) {
    throw new Error(`${path}: field "features" does not list the features of this version (${FEATURES.join(', ')}); run "npm run train:provenance"`);
  }
  if (!Array.isArray(raw.weights) || raw.weights.length !== FEATURES.length || raw.weights.some((w) => !Number.isFinite(w))) {
    throw new Error(`${path}: field "weights" must be ${FEATURES.length} numbers`);
  }
  if (!Number.isFinite(raw.intercept)) throw new Error(`${path}: field "intercept" must be a number`);
  const tally = (t: unknown) => Number.isFinite((t as { n?: number })?.n) && Number.isFinite((t as { right?: number })?.right);
  if (!raw.side || !Number.isFinite(raw.side.shrink) || !Number.isFinite(raw.side.unknownBelow) || !tally(raw.side.overall) || typeof raw.side.bySide !== 'object' || !Object.values(raw.side.bySide ?? {}).every(tally)) {
    throw new Error(`${path}: field "side" must hold numbers shrink and unknownBelow, a tally overall {n, right} and a tally per side in bySide`);
  }
  if (path === SHIPPED_RANKER_PATH) cached = raw;
  return raw;
}

export interface TrainOptions {
  /** L2 penalty on the weights (not the intercept). */
  l2?: number;
  iterations?: number;
  learningRate?: number;
}

/**
 * Listwise training (conditional logit): for each point, the probability that
 * its right passage is passage i is softmax(w·x) over the point's retrieved
 * passages; w maximises the summed log-probability of the right passages
 * (L2 penalty `l2`), by full-batch gradient ascent from zero — deterministic.
 * This learns how to ORDER one point's passages, which is the task; the
 * scale of w·x across points is then set by Platt scaling on all rows, so
 * that σ(a + b·w·x) is a probability (the returned weights are b·w, the
 * intercept a).
 */
export function trainListwise(groups: { rows: number[][]; labels: (0 | 1)[] }[], options: TrainOptions = {}): { intercept: number; weights: number[] } {
  const l2 = options.l2 ?? 0.01;
  const iterations = options.iterations ?? 400;
  const rate = options.learningRate ?? 2;
  const used = groups.filter((g) => g.labels.includes(1) && g.labels.includes(0));
  if (!used.length) throw new Error('training needs points with right and wrong passages');
  const d = used[0].rows[0].length;
  const w = new Float64Array(d);
  const grad = new Float64Array(d);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    for (const g of used) {
      const z = g.rows.map((x) => x.reduce((s2, v, j) => s2 + v * w[j], 0));
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const all = e.reduce((a2, b2) => a2 + b2, 0);
      const pos = e.reduce((a2, v, i) => a2 + (g.labels[i] ? v : 0), 0);
      for (let i = 0; i < g.rows.length; i++) {
        const coef = (g.labels[i] ? e[i] / pos : 0) - e[i] / all;
        if (coef !== 0) for (let j = 0; j < d; j++) grad[j] += coef * g.rows[i][j];
      }
    }
    for (let j = 0; j < d; j++) w[j] += rate * (grad[j] / used.length - l2 * w[j]);
  }
  const zs: [number, number][] = [];
  const ys: number[] = [];
  for (const g of groups) {
    g.rows.forEach((x, i) => {
      zs.push([x.reduce((s2, v, j) => s2 + v * w[j], 0), 0]);
      ys.push(g.labels[i]);
    });
  }
  const platt = fitPlatt(zs, ys);
  return { intercept: platt.a, weights: [...w].map((v) => round(v * platt.b)) };
}

/** Platt scaling: fit σ(a + b·x₁ + c·x₂) to 0/1 outcomes (unweighted logistic regression). */
export function fitPlatt(rows: [number, number][], outcomes: number[]): { a: number; b: number; c: number } {
  let a = 0;
  let b = 0;
  let c = 0;
  const n = rows.length || 1;
  for (let it = 0; it < 5000; it++) {
    let ga = 0;
    let gb = 0;
    let gc = 0;
    for (let i = 0; i < rows.length; i++) {
      const err = sigmoid(a + b * rows[i][0] + c * rows[i][1]) - outcomes[i];
      ga += err;
      gb += err * rows[i][0];
      gc += err * rows[i][1];
    }
    a -= (2 * ga) / n;
    b -= (2 * (gb + 0.01 * b)) / n;
    c -= (2 * (gc + 0.01 * c)) / n;
  }
  return { a: round(a), b: round(b), c: round(c) };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** The model's weights as lines of text (printed by training and by the eval). */
export function describeRanker(m: RankerModel): string {
  const w = m.features.map((f, i) => `  ${f.padEnd(16)} ${m.weights[i] >= 0 ? '+' : ''}${m.weights[i].toFixed(3)}`);
  return [`  intercept        ${m.intercept.toFixed(3)}`, ...w, `  side confidence = (right + ${m.side.shrink}·${m.side.overall.right}/${m.side.overall.n}) / (named + ${m.side.shrink}) per named side: ${Object.entries(m.side.bySide).map(([s, t]) => `${s} ${t.right}/${t.n} → ${sideReliability(s, m.side).toFixed(2)}`).join(', ')}; unknown below ${m.side.unknownBelow}`].join('\n');
}
