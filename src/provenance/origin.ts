// Which side a point most likely came from, judged only by statements that
// predate the plan (later ones are echoes, not origins).
//
// For each side, its support is the best score of an earlier statement of
// that side. The winner is the side with the highest support; if that is
// below `threshold`, the origin is `unknown` (confidence 0). Otherwise
//   confidence = best · best / (best + runnerUp)
// i.e. the winning score, discounted by how close the next side comes: a
// lone strong match keeps its score, a tie halves it.
import type { Candidate, Origin } from './types.js';

/** Default threshold: a best earlier score below this names no side. */
export const ORIGIN_THRESHOLD = 0.1;

export function pointOrigin(candidates: Pick<Candidate, 'side' | 'score' | 'later'>[], threshold = ORIGIN_THRESHOLD): Origin {
  const support = new Map<string, number>();
  for (const c of candidates) {
    if (c.later) continue;
    support.set(c.side, Math.max(support.get(c.side) ?? 0, c.score));
  }
  const ranked = [...support].sort((a, b) => b[1] - a[1]);
  if (!ranked.length || ranked[0][1] < threshold) return { side: 'unknown', confidence: 0 };
  const [side, best] = ranked[0];
  const runnerUp = ranked[1]?.[1] ?? 0;
  return { side: side as Origin['side'], confidence: Math.round(((best * best) / (best + runnerUp)) * 1e4) / 1e4 };
}

/** Share of points per origin side (`unknown` included). */
export function sideShares(origins: Origin[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of origins) counts[o.side] = (counts[o.side] ?? 0) + 1;
  const shares: Record<string, number> = {};
  for (const [side, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) shares[side] = Math.round((n / origins.length) * 1e4) / 1e4;
  return shares;
}

/** Per-side support of a point: the best ranker probability of an earlier statement of each side, best first. */
export function sideSupport(candidates: Pick<Candidate, 'side' | 'score' | 'later'>[]): [string, number][] {
  const support = new Map<string, number>();
  for (const c of candidates) {
    if (c.later) continue;
    support.set(c.side, Math.max(support.get(c.side) ?? 0, c.score));
  }
  return [...support].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Held-out outcomes of one named side: how often it was named, how often rightly. */
export interface SideTally {
  n: number;
  right: number;
}

/**
 * Calibration of the side verdict, fitted by `npm run train:provenance` on
 * leave-one-plan-out outcomes of the gold (scripts/eval/provenance-data.ts):
 * per named side, how often naming it was right, shrunk toward the overall
 * rate by a Beta prior worth `shrink` points.
 */
export interface SideCalibration {
  /** Weight of the overall rate, in points (5: fixed before measuring, not tuned). */
  shrink: number;
  overall: SideTally;
  bySide: Record<string, SideTally>;
  /** Below this confidence the side is `unknown` (0.5: more likely wrong than right). */
  unknownBelow: number;
}

/**
 * P(the named side is right) under a calibration: (right + shrink·rate) /
 * (n + shrink), where rate is the overall held-out rate and n, right the
 * named side's tally (0, 0 for a side never named in training → the overall
 * rate). Result in [0, 1], rounded to 4 decimals.
 */
export function sideReliability(side: string, calibration: Pick<SideCalibration, 'shrink' | 'overall' | 'bySide'>): number {
  const rate = calibration.overall.n ? calibration.overall.right / calibration.overall.n : 0.5;
  const t = calibration.bySide[side] ?? { n: 0, right: 0 };
  return Math.round(((t.right + calibration.shrink * rate) / (t.n + calibration.shrink)) * 1e4) / 1e4;
}

/**
 * The side verdict of the learned ranker (candidates scored by ranker.ts):
 * the side with the highest support (the best ranker probability of an
 * earlier statement of that side), with confidence = how often naming that
 * side was right on held-out gold (sideReliability). Why not the strength of
 * the evidence: on the held-out gold, the best support and the margin over
 * the next side predict whether the named side is right no better than a
 * constant does (Brier of a Platt fit on them ≥ the constant's, see README),
 * while the named side itself does (a Ukrainian or US statement topping the
 * list was mostly a reaction to, or a restatement of, another side's
 * demand). Below `unknownBelow` the side is `unknown`, and `leaning` names
 * the side the evidence points to. No earlier statement at all: `unknown`, 0.
 */
export function calibratedOrigin(candidates: Pick<Candidate, 'side' | 'score' | 'later'>[], calibration: SideCalibration): Origin {
  const support = sideSupport(candidates);
  if (!support.length) return { side: 'unknown', confidence: 0 };
  const top = support[0][0] as Origin['side'];
  const confidence = sideReliability(top, calibration);
  return confidence < calibration.unknownBelow ? { side: 'unknown', confidence, leaning: top } : { side: top, confidence };
}
