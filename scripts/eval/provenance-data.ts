// Shared by the provenance eval and `npm run train:provenance`: the
// (point, passage) rows of the gold points with their ranker features, their
// gold labels, leave-one-plan-out scoring, and the rank measures.
//
// Features are computed once per corpus setting (shipped statements alone, or
// with the bulk Kremlin archive) and reused by every fold: they do not depend
// on the model.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDocument } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { matchPlan, textLookup, type PassageIndex } from '../../src/provenance/index.js';
import { calibratedOrigin, sideSupport, type SideCalibration, type SideTally } from '../../src/provenance/origin.js';
import { fitPlatt, rankerProbability, trainListwise } from '../../src/provenance/ranker.js';
import type { Side } from '../../src/corpus/types.js';
import type { Origin } from '../../src/provenance/types.js';
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

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Pool of passages retrieved per point (as matchPlan's default). */
export const POOL = 100;

/**
 * collectRows, cached in the system temporary folder under a hash of
 * everything the rows depend on: the code of src/ (provenance, text, corpus),
 * the corpora and glossary, this file, the gold file, and the bulk file's size and time.
 * A changed feature or term rule gives a new key, never a stale row.
 */
export function cachedRows(setting: { name: string; corpus: Corpus; index: PassageIndex }, gold: GoldLike, bulkFile?: string): PointRows[] {
  const hash = createHash('sha256');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)])).sort();
  for (const dir of ['src/provenance', 'src/text', 'src/corpus', 'corpora/statements', 'corpora/plans', 'corpora/glossary']) {
    for (const f of files(resolve(ROOT, dir))) hash.update(f).update(readFileSync(f));
  }
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(JSON.stringify(gold)).update(setting.name);
  if (bulkFile) {
    const st = statSync(bulkFile);
    hash.update(`${bulkFile} ${st.size} ${st.mtimeMs}`);
  }
  const path = join(tmpdir(), `plan-provenance-eval-rows-${hash.digest('hex').slice(0, 16)}.json`);
  if (existsSync(path)) {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as (Omit<PointRows, 'old' | 'entry'> & { old: [string, number][]; entry?: GoldEntryLike })[];
    return raw.map((p) => ({ ...p, old: new Map(p.old) }));
  }
  const rows = collectRows(setting.corpus, setting.index, gold);
  writeFileSync(path, JSON.stringify(rows.map((p) => ({ ...p, old: [...p.old] }))));
  return rows;
}

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

/** Train the ranker on the rows of the given points (listwise, see ranker.ts). */
export function trainOn(points: PointRows[]): { intercept: number; weights: number[] } {
  return trainListwise(
    points.map((p) => {
      const l = labels(p);
      const keep = p.rows.map((_, i) => i).filter((i) => l[i] !== null);
      return { rows: keep.map((i) => p.rows[i].features), labels: keep.map((i) => l[i]!) };
    }),
  );
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
 * Is the top side right: for a gold point with sides, whether the side with
 * the most support is one of them; for a point with no antecedent, never
 * (the right answer is `unknown`); undefined for contested points.
 */
function topSideRight(p: PointRows, support: [string, number][]): number | undefined {
  if (!p.entry) return 0;
  if (!p.entry.sides.length) return undefined;
  return support.length && p.entry.sides.includes(support[0][0]) ? 1 : 0;
}

/** Shrinkage of the per-side calibration, in points (fixed before measuring; the eval also prints 2 and 10). */
export const SIDE_SHRINK = 5;

interface Judged {
  point: PointRows;
  support: [string, number][];
  right: number;
}

function judge(points: PointRows[], scores: Map<PointRows, number[]>): Judged[] {
  const out: Judged[] = [];
  for (const p of points) {
    const support = sideSupport(bestPerDocument(p, scores.get(p)!));
    const right = topSideRight(p, support);
    if (right !== undefined) out.push({ point: p, support, right });
  }
  return out;
}

/** Tally per named side of the given outcomes (the calibration of origin.ts). */
function tally(judged: Judged[], shrink: number, unknownBelow: number): SideCalibration {
  const bySide: Record<string, SideTally> = {};
  for (const j of judged) {
    const side = j.support[0]?.[0];
    if (!side) continue;
    bySide[side] ??= { n: 0, right: 0 };
    bySide[side].n++;
    bySide[side].right += j.right;
  }
  const sorted = Object.fromEntries(Object.entries(bySide).sort((a, b) => a[0].localeCompare(b[0])));
  return { shrink, overall: { n: judged.length, right: judged.reduce((s, j) => s + j.right, 0) }, bySide: sorted, unknownBelow };
}

export type SideMethod = 'per-side' | 'platt' | 'constant';

/**
 * Side verdicts with calibration fitted leave-one-plan-out: for each plan,
 * the calibration is fitted on the other plans' outcomes (whose ranker
 * scores are themselves leave-one-plan-out; points with no antecedent count
 * as outcomes where the top side is wrong), then applied to it. `per-side`
 * is the shipped method (origin.ts); `platt` the earlier σ(a + b·margin +
 * c·best) and `constant` the other plans' overall rate, for comparison.
 */
export function sideVerdicts(points: PointRows[], scores: Map<PointRows, number[]>, options: { method?: SideMethod; shrink?: number; unknownBelow?: number } = {}): SideOutcome[] {
  const { method = 'per-side', shrink = SIDE_SHRINK, unknownBelow = 0.5 } = options;
  const judged = judge(points, scores);
  const outcomes: SideOutcome[] = [];
  for (const plan of [...new Set(judged.map((j) => j.point.plan))]) {
    const train = judged.filter((j) => j.point.plan !== plan);
    const calibration = tally(train, method === 'constant' ? Number.MAX_SAFE_INTEGER : shrink, unknownBelow);
    const platt = method === 'platt' ? fitPlatt(train.map((j) => plattInputs(j.support)), train.map((j) => j.right)) : undefined;
    for (const j of judged.filter((x) => x.point.plan === plan)) {
      let o = calibratedOrigin(bestPerDocument(j.point, scores.get(j.point)!), calibration);
      if (method === 'constant') o = { ...o, confidence: calibration.overall.right / calibration.overall.n };
      if (platt && j.support.length) {
        const [margin, best] = plattInputs(j.support);
        const confidence = 1 / (1 + Math.exp(-(platt.a + platt.b * margin + platt.c * best)));
        const top = j.support[0][0];
        o = confidence < unknownBelow ? { side: 'unknown', confidence, leaning: top as Origin['leaning'] } : { side: top as Origin['side'], confidence };
      }
      outcomes.push({ point: j.point, side: o.side, leaning: o.leaning, confidence: o.confidence, topRight: j.right === 1 });
    }
  }
  return outcomes;
}

/** The earlier calibration's inputs: the top side's margin over the next, and its support. */
function plattInputs(support: [string, number][]): [number, number] {
  const best = support[0]?.[1] ?? 0;
  return [best - (support[1]?.[1] ?? 0), best];
}

/** Fit the side calibration on all judged points (for the shipped model). */
export function fitSide(points: PointRows[], scores: Map<PointRows, number[]>): SideCalibration {
  return tally(judge(points, scores), SIDE_SHRINK, 0.5);
}
