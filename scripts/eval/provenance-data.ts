// Shared by the provenance eval and `npm run train:provenance`: the
// (point, passage) rows of the gold points with their ranker features, their
// gold labels, leave-one-plan-out scoring, and the rank measures.
//
// Features are computed once per corpus setting (shipped statements alone, or
// with the bulk Kremlin archive) and reused by every fold: they do not depend
// on the model.
import { findDocument } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { matchPlan, textLookup, type PassageIndex } from '../../src/provenance/index.js';
import { calibratedOrigin, sideInputs, sideSupport } from '../../src/provenance/origin.js';
import { fitPlatt, rankerProbability, trainLogistic, type RankerModel } from '../../src/provenance/ranker.js';
import type { Side } from '../../src/corpus/types.js';
import type { Candidate } from '../../src/provenance/types.js';

export interface GoldEntryLike {
  plan: string;
  point: string;
  expect: string[];
  sides: string[];
  passages?: Record<string, string[]>;
}

export interface GoldLike {
  entries: GoldEntryLike[];
  noAntecedent: { plan: string; point: string }[];
}

export interface PairRow {
  doc: string;
  passage: string;
  side: Side;
  date: string;
  later: boolean;
  /** Fixed-weight score with figures by value and kind. */
  fixed: number;
  features: number[];
}

export interface PointRows {
  plan: string;
  point: string;
  /** Undefined for a `noAntecedent` point (every row a negative). */
  entry?: GoldEntryLike;
  rows: PairRow[];
  /** The old fixed-weight scorer exactly as before (value-and-unit figures): doc → best score, passage key → score. */
  old: Map<string, number>;
}

/** Pool of passages retrieved per point (as matchPlan's default). */
export const POOL = 100;

/** Match every gold plan once and keep the rows of the gold points. */
export function collectRows(corpus: Corpus, index: PassageIndex, gold: GoldLike): PointRows[] {
  const sourceText = textLookup(corpus.documents);
  const wanted = new Map<string, { point: string; entry?: GoldEntryLike }[]>();
  for (const e of gold.entries) wanted.set(e.plan, [...(wanted.get(e.plan) ?? []), { point: e.point, entry: e }]);
  for (const e of gold.noAntecedent) wanted.set(e.plan, [...(wanted.get(e.plan) ?? []), { point: e.point }]);
  const out: PointRows[] = [];
  for (const [planId, points] of [...wanted].sort((a, b) => a[0].localeCompare(b[0]))) {
    const plan = findDocument(corpus, planId);
    if (!plan) throw new Error(`eval/gold/provenance.json: plan "${planId}" is not in the corpus`);
    const common = { top: POOL, pool: POOL, groupByDocument: false, minScore: 0, sourceText } as const;
    const featured = matchPlan(plan, index, { ...common, ranker: 'fixed', withFeatures: true });
    const oldResult = matchPlan(plan, index, { ...common, ranker: 'fixed' });
    for (const { point, entry } of points.sort((a, b) => a.point.localeCompare(b.point, 'en', { numeric: true }))) {
      const p = featured.points.find((x) => x.point === point);
      const o = oldResult.points.find((x) => x.point === point);
      if (!p || !o) throw new Error(`eval/gold/provenance.json: ${planId} has no point "${point}" with text`);
      const old = new Map<string, number>();
      for (const c of o.candidates) old.set(`${c.doc} ${c.passage}`, c.score);
      out.push({
        plan: planId,
        point,
        entry,
        old,
        rows: p.candidates.map((c: Candidate) => ({ doc: c.doc, passage: c.passage, side: c.side, date: c.date, later: c.later, fixed: c.fixedScore!, features: c.features! })),
      });
    }
  }
  return out;
}

/**
 * Training label of each row: 1 for a gold passage (or, for an expected
 * document with no passage gold, its best passage by the fixed score), 0 for
 * every passage of other documents, null (left out) for the other passages of
 * an expected document without passage gold.
 */
export function labels(p: PointRows): (0 | 1 | null)[] {
  const e = p.entry;
  if (!e) return p.rows.map(() => 0);
  const bestOf = new Map<string, PairRow>();
  for (const r of p.rows) if (e.expect.includes(r.doc) && !e.passages?.[r.doc] && (!bestOf.get(r.doc) || r.fixed > bestOf.get(r.doc)!.fixed)) bestOf.set(r.doc, r);
  return p.rows.map((r) => {
    if (!e.expect.includes(r.doc)) return 0;
    const gp = e.passages?.[r.doc];
    if (gp) return gp.includes(r.passage) ? 1 : 0;
    return bestOf.get(r.doc) === r ? 1 : null;
  });
}

/** Train the ranker on the rows of the given points. */
export function trainOn(points: PointRows[]): { intercept: number; weights: number[] } {
  const X: number[][] = [];
  const y: number[] = [];
  for (const p of points) {
    const l = labels(p);
    p.rows.forEach((r, i) => {
      if (l[i] === null) return;
      X.push(r.features);
      y.push(l[i]!);
    });
  }
  return trainLogistic(X, y);
}

/** Each point's row scores from a ranker trained without the point's plan (leave one plan out). */
export function leaveOnePlanOut(points: PointRows[]): Map<PointRows, number[]> {
  const out = new Map<PointRows, number[]>();
  for (const plan of [...new Set(points.map((p) => p.plan))]) {
    const model = trainOn(points.filter((p) => p.plan !== plan));
    for (const p of points.filter((x) => x.plan === plan)) out.set(p, p.rows.map((r) => rankerProbability(model, r.features)));
  }
  return out;
}

export interface Ranks {
  /** 1-based rank of the best expected document, null when none was retrieved. */
  doc: number | null;
  /** 1-based rank of the best gold passage among all passages; undefined when the entry has no passage gold. */
  passage?: number | null;
}

/** Ranks of the gold answers when the point's rows are ordered by `scores` (ties: earlier date, then id). */
export function ranksOf(p: PointRows, scores: number[]): Ranks {
  const e = p.entry!;
  const order = p.rows.map((r, i) => ({ r, s: scores[i] })).sort((a, b) => b.s - a.s || a.r.date.localeCompare(b.r.date) || a.r.doc.localeCompare(b.r.doc) || a.r.passage.localeCompare(b.r.passage));
  const docs: string[] = [];
  for (const { r } of order) if (!docs.includes(r.doc)) docs.push(r.doc);
  const dr = docs.findIndex((d) => e.expect.includes(d));
  const out: Ranks = { doc: dr >= 0 ? dr + 1 : null };
  if (e.passages) {
    const pr = order.findIndex(({ r }) => e.passages![r.doc]?.includes(r.passage));
    out.passage = pr >= 0 ? pr + 1 : null;
  }
  return out;
}

/** Ranks under the old fixed-weight scorer as it was (its own candidate list). */
export function oldRanks(p: PointRows): Ranks {
  return ranksOf(p, p.rows.map((r) => p.old.get(`${r.doc} ${r.passage}`) ?? 0));
}

export interface Recall {
  n: number;
  at1: number;
  at3: number;
}

export function recall(ranks: (number | null | undefined)[]): Recall {
  const r = ranks.filter((x) => x !== undefined) as (number | null)[];
  const n = r.length;
  return { n, at1: n ? r.filter((x) => x === 1).length / n : 0, at3: n ? r.filter((x) => x !== null && x <= 3).length / n : 0 };
}

/** Best row per document, as matchPlan lists them, with the given scores. */
export function bestPerDocument(p: PointRows, scores: number[]): { side: Side; score: number; later: boolean }[] {
  const best = new Map<string, { side: Side; score: number; later: boolean }>();
  p.rows.forEach((r, i) => {
    const prev = best.get(r.doc);
    if (!prev || scores[i] > prev.score) best.set(r.doc, { side: r.side, score: scores[i], later: r.later });
  });
  return [...best.values()];
}

export interface SideOutcome {
  point: PointRows;
  side: string;
  leaning?: string;
  confidence: number;
  /** Would the top side (answered or leaning) be right. */
  topRight: boolean;
}

/**
 * Side verdicts with calibration fitted leave-one-plan-out: for each plan,
 * Platt parameters are fitted on the other plans' held-out outcomes (whose
 * ranker scores are themselves leave-one-plan-out), then applied to it.
 */
export function sideVerdicts(points: PointRows[], scores: Map<PointRows, number[]>, unknownBelow = 0.5): { outcomes: SideOutcome[]; inputs: Map<PointRows, [number, number]> } {
  const sided = points.filter((p) => p.entry && p.entry.sides.length);
  const inputs = new Map<PointRows, [number, number]>();
  const right = new Map<PointRows, number>();
  for (const p of points) {
    const support = sideSupport(bestPerDocument(p, scores.get(p)!));
    inputs.set(p, sideInputs(support));
    if (p.entry?.sides.length) right.set(p, support.length && p.entry.sides.includes(support[0][0]) ? 1 : 0);
  }
  const outcomes: SideOutcome[] = [];
  for (const plan of [...new Set(sided.map((p) => p.plan))]) {
    const train = sided.filter((p) => p.plan !== plan);
    const platt = fitPlatt(train.map((p) => inputs.get(p)!), train.map((p) => right.get(p)!));
    for (const p of sided.filter((x) => x.plan === plan)) {
      const o = calibratedOrigin(bestPerDocument(p, scores.get(p)!), { ...platt, unknownBelow });
      outcomes.push({ point: p, side: o.side, leaning: o.leaning, confidence: o.confidence, topRight: right.get(p) === 1 });
    }
  }
  return { outcomes, inputs };
}

/** Fit the side calibration on all sided points (for the shipped model). */
export function fitSide(points: PointRows[], scores: Map<PointRows, number[]>): RankerModel['side'] {
  const sided = points.filter((p) => p.entry && p.entry.sides.length);
  const rows: [number, number][] = [];
  const ys: number[] = [];
  for (const p of sided) {
    const support = sideSupport(bestPerDocument(p, scores.get(p)!));
    rows.push(sideInputs(support));
    ys.push(support.length && p.entry!.sides.includes(support[0][0]) ? 1 : 0);
  }
  return { ...fitPlatt(rows, ys), unknownBelow: 0.5 };
}
