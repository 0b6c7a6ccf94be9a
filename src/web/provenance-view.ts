// Thin adapter from the provenance engine to the pages: one passage index per
// loaded corpus (built once), one match result per plan (computed once), and
// the geometry of the points × sources heat map and the sides bar.
import { pointSlots } from '../corpus/coverage.js';
import { findDocument } from '../corpus/load.js';
import type { Corpus, Document } from '../corpus/types.js';
import { matchPlan } from '../provenance/match.js';
import { MemoryPassageIndex } from '../provenance/memory-index.js';
import type { MatchResult, PassageIndex, PointMatch } from '../provenance/types.js';
import { memoByDocument } from './memo.js';
import { SIDE_ORDER, sideColour, sideLabel } from './sides.js';

/** Candidates listed per point on the pages (the heat map shows every scored source). */
export const TOP_SOURCES = 5;

const indexes = new WeakMap<Corpus, PassageIndex>();
const matchers = new WeakMap<Corpus, (doc: Document) => MatchResult>();

/** Use an index opened elsewhere (the server opens bulk corpora's SQLite indexes at start-up). */
export function usePassageIndex(corpus: Corpus, index: PassageIndex): void {
  indexes.set(corpus, index);
}

/** The corpus's passage index; an in-memory one is built on first use when none was given. */
export function passageIndex(corpus: Corpus): PassageIndex {
  let index = indexes.get(corpus);
  if (!index) {
    index = MemoryPassageIndex.fromDocuments(corpus.documents);
    indexes.set(corpus, index);
  }
  return index;
}

/** The match result of a plan against the corpus's statements; memoised for corpus plans, fresh for drafts. */
export function matchResult(corpus: Corpus, plan: Document): MatchResult {
  let match = matchers.get(corpus);
  if (!match) {
    match = memoByDocument((doc) => matchPlan(doc, passageIndex(corpus), { top: TOP_SOURCES, sourceText: (id) => findDocument(corpus, id)?.text }));
    matchers.set(corpus, match);
  }
  return match(plan);
}

export interface HeatCell {
  x: number;
  y: number;
  score: number;
  fill: string;
  href: string;
  title: string;
  /** Dark cells get light text. */
  dark: boolean;
}

export interface HeatMap {
  width: number;
  height: number;
  cell: number;
  left: number;
  top: number;
  columns: { x: number; id: string; label: string; side: string; colour: string; later: boolean; title: string }[];
  rows: { y: number; label: string; state: string; href?: string }[];
  cells: HeatCell[];
  legend: { x: number; fill: string; label: string }[];
  /** Documents that scored but were left out (beyond MAX_HEATMAP_COLUMNS). */
  hidden: number;
}

/** Columns shown in the heat map: the documents with the highest best score. */
export const MAX_HEATMAP_COLUMNS = 40;

const CELL = 26;
const LEFT = 64;
const TOP = 190;

/**
 * Points (rows, in plan order, missing points included as empty rows) ×
 * source documents (columns, grouped by side, then by date) coloured by the
 * best score of any passage of that document for that point. A column whose
 * document postdates the plan is marked "later" (it can echo, not originate).
 */
export function buildHeatMap(corpus: Corpus, plan: Document, result: MatchResult, pointHref: (n: string) => string = (n) => `/plan/${plan.id}/point/${n}`): HeatMap {
  const byPoint = new Map(result.points.map((p) => [p.point, p]));
  // With a large (bulk) corpus hundreds of documents score a little: keep the strongest columns.
  const best = new Map<string, number>();
  for (const p of result.points) for (const [d, s] of Object.entries(p.documents)) if (s > 0) best.set(d, Math.max(best.get(d) ?? 0, s));
  const scored = new Set([...best].sort((a, b) => b[1] - a[1]).slice(0, MAX_HEATMAP_COLUMNS).map(([d]) => d));
  const sources = corpus.documents
    .filter((d) => scored.has(d.id))
    .sort((a, b) => SIDE_ORDER.indexOf(a.side) - SIDE_ORDER.indexOf(b.side) || a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const slots = pointSlots(plan);
  const rowIds = slots.length ? slots.map((s) => ({ n: s.n, state: s.state })) : result.points.map((p) => ({ n: p.point, state: 'present' }));
  const columns = sources.map((d, i) => ({
    x: LEFT + i * CELL,
    id: d.id,
    label: d.id.length > 30 ? `${d.id.slice(0, 29)}…` : d.id,
    side: d.side,
    colour: sideColour(d.side),
    later: d.date > plan.date,
    title: `${d.title} — ${sideLabel(d.side)}, ${d.date}${d.date > plan.date ? ' (later than this plan)' : ''}`,
  }));
  const rows = rowIds.map((r, i) => ({
    y: TOP + i * CELL,
    label: r.n,
    state: byPoint.has(r.n) ? 'matched' : r.state,
    href: byPoint.has(r.n) ? pointHref(r.n) : undefined,
  }));
  const cells: HeatCell[] = [];
  for (const row of rows) {
    const point = byPoint.get(row.label);
    if (!point) continue;
    for (const col of columns) {
      const score = point.documents[col.id] ?? 0;
      if (score <= 0) continue;
      cells.push({
        x: col.x,
        y: row.y,
        score,
        fill: heatColour(score),
        dark: score >= 0.3,
        href: `${pointHref(row.label)}${pointHref(row.label).includes('#') ? '' : `#src-${col.id}`}`,
        title: `point ${row.label} × ${col.id}: score ${score.toFixed(2)}${col.later ? ' (later statement)' : ''}`,
      });
    }
  }
  const legend = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5].map((s, i) => ({ x: LEFT + i * 60, fill: heatColour(s), label: s.toFixed(2) }));
  return { width: Math.max(LEFT + columns.length * CELL + 20, 420), height: TOP + rows.length * CELL + 50, cell: CELL, left: LEFT, top: TOP, columns, rows, cells, legend, hidden: best.size - columns.length };
}

/** Sequential blue scale; scores above 0.5 are rare and share the darkest shade. */
export function heatColour(score: number): string {
  const t = Math.max(0, Math.min(1, score / 0.5));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  const [r, g, b] = [mix(239, 8), mix(243, 48), mix(255, 107)];
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

export interface SideBar {
  segments: { x: number; width: number; fill: string; label: string; share: number; count: number; side: string }[];
  width: number;
}

/** The share of points per likely origin side, as a stacked bar. */
export function buildSideBar(result: MatchResult, width = 720): SideBar {
  const order = [...SIDE_ORDER, 'unknown'];
  const entries = Object.entries(result.summary.sides).sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  let x = 0;
  const segments = entries.map(([side, share]) => {
    const w = Math.round(share * width * 10) / 10;
    const seg = { x, width: w, fill: sideColour(side), label: side === 'unknown' ? 'No clear origin' : sideLabel(side), share, count: Math.round(share * result.summary.points), side };
    x += w;
    return seg;
  });
  return { segments, width };
}

export function pointMatch(result: MatchResult, n: string): PointMatch | undefined {
  return result.points.find((p) => p.point === n);
}

export interface LineageTimeline {
  width: number;
  height: number;
  /** One dot per antecedent; `x` in SVG units. */
  marks: { x: number; doc: string; passage: string; date: string; fill: string; title: string; role: string }[];
  /** The plan's own date at the right end. */
  plan: { x: number; date: string };
  /** First and last year on the axis. */
  from: string;
}

const TIMELINE_WIDTH = 240;
const TIMELINE_PAD = 8;

/**
 * A small timeline of a point's antecedents (its lineage): one dot per earlier
 * statement the ranker accepts, coloured by side, on a date axis that ends at
 * the plan; the earliest and the closest before the plan are named in the dot's
 * title. Undefined when the point has no antecedent.
 */
export function lineageTimeline(point: Pick<PointMatch, 'lineage'>, planDate: string, titleOf: (doc: string) => string): LineageTimeline | undefined {
  const steps = point.lineage.antecedents;
  if (!steps.length) return undefined;
  const t = (d: string) => Date.parse(d);
  const start = t(steps[0].date);
  const end = Math.max(t(planDate), start + 86_400_000);
  const x = (d: string) => Math.round(TIMELINE_PAD + ((t(d) - start) / (end - start)) * (TIMELINE_WIDTH - 2 * TIMELINE_PAD));
  return {
    width: TIMELINE_WIDTH,
    height: 34,
    marks: steps.map((s) => {
      const role = [s === point.lineage.earliest ? 'earliest' : '', s === point.lineage.closest ? 'closest before the plan' : ''].filter(Boolean).join(', ');
      return { x: x(s.date), doc: s.doc, passage: s.passage, date: s.date, fill: sideColour(s.side), role, title: `${s.date} · ${titleOf(s.doc)} (${s.passage}) · ${sideLabel(s.side)} · score ${s.score.toFixed(2)}${role ? ` · ${role}` : ''}` };
    }),
    plan: { x: x(planDate), date: planDate },
    from: steps[0].date.slice(0, 4),
  };
}
