// `/plan/:id`: where each point came from — likely origin side, top sources,
// the points × sources heat map and the sides bar. `/plan/:id/point/:n`: one
// point beside each matching passage, shared phrases marked on both sides.
import type { Router } from 'express';
import { noTextReason, pointSlots } from '../../corpus/coverage.js';
import { findDocument } from '../../corpus/load.js';
import type { Corpus, Document } from '../../corpus/types.js';
import { linksTitle, provenanceTable, shownEvidence, type MatchResult, type PointMatch } from '../../provenance/index.js';
import { downloadLinks, sendTable } from '../download.js';
import { notFound } from '../http-errors.js';
import { highlightHtml, safeUrl, type MarkSpan } from '../html.js';
import { documentById, downloadFormat, pointNumber } from '../params.js';
import { buildHeatMap, buildSideBar, lineageTimeline, matchResult } from '../provenance-view.js';
import type { AppState } from '../state.js';

/** Passages shown with their evidence under each point of a draft. */
const DRAFT_EVIDENCE = 2;

/** Characters of a passage shown around its evidence under a draft's point (the whole passage is one click away). */
const DRAFT_CONTEXT = 240;

/** Shared-phrase colour classes in style.css (`hl-0` … `hl-7`). */
const PHRASE_COLOURS = 8;

/** Everything the provenance partial renders for a plan (a corpus plan or a draft). */
export function provenanceView(corpus: Corpus, plan: Document, result: MatchResult) {
  const titles = new Map(corpus.documents.map((d) => [d.id, d.title]));
  // A corpus plan has point pages; a draft exists only on its own page, so its links stay on it.
  const inCorpus = findDocument(corpus, plan.id) === plan;
  const pointHref = (n: string) => (inCorpus ? `/plan/${plan.id}/point/${n}` : `#point-${n}`);
  return {
    result,
    heatmap: buildHeatMap(corpus, plan, result, pointHref),
    sidebar: buildSideBar(result),
    points: result.points.map((p) => ({
      ...p,
      excerpt: excerpt(p.text, 260),
      timeline: lineageTimeline(p, plan.date, (id) => titles.get(id) ?? id),
      candidates: p.candidates.slice(0, 3).map((c) => ({ ...c, title: titles.get(c.doc) ?? c.doc })),
      // A draft has no point pages: its evidence (two best passages) unfolds in place.
      evidence: inCorpus ? undefined : pointView(corpus, plan, { ...p, candidates: p.candidates.slice(0, DRAFT_EVIDENCE) }, { context: DRAFT_CONTEXT }),
    })),
    pointHref,
  };
}

/** One point beside each matching passage, with the shared stretches marked in the same colour on both sides. */
export function pointView(corpus: Corpus, plan: Document, point: PointMatch, { context }: { context?: number } = {}) {
  return point.candidates.map((c, ci) => {
    const source = findDocument(corpus, c.doc);
    const passage = source?.segments.find((s) => s.id === c.passage);
    const planSpans: MarkSpan[] = [];
    const sourceSpans: MarkSpan[] = [];
    // No phrase or alignment to show: the shared words behind the score are marked instead.
    const shown = shownEvidence(c);
    shown.forEach((e, ei) => {
      const className = `hl-${ei % PHRASE_COLOURS}`;
      const pair = `${point.point}-${ci}-${ei}`;
      // Cross-lingual spans name what linked them: "перемирие ≈ ceasefire (glossary)".
      const title = `${ei + 1}: ${e.kind}${e.polarity === 'opposite' ? `, opposite polarity${e.negation ? ` (the ${e.negation.side} says "${e.negation.text}")` : ''}` : ''}${e.links?.length ? ` — ${linksTitle(e.links)}` : ''}`;
      const tag = String(ei + 1);
      planSpans.push({ start: e.plan[0], end: e.plan[1], className, pair, title, tag });
      sourceSpans.push({ start: e.source[0], end: e.source[1], className, pair, title, tag });
    });
    return {
      ...c,
      title: source?.title ?? c.doc,
      language: source?.language ?? 'en',
      url: safeUrl(c.url),
      wordsOnly: !c.evidence.length && shown.length > 0,
      evidence: shown.map((e, ei) => ({ ...e, className: `hl-${ei % PHRASE_COLOURS}`, n: ei + 1, linksTitle: e.links?.length ? linksTitle(e.links) : '' })),
      planHtml: highlightHtml(plan.text, planSpans, point.start, point.end),
      passageLabel: passage?.label ?? c.passage,
      passageHtml: source && passage ? passageHtml(source.text, sourceSpans, passage.start, passage.end, context) : undefined,
    };
  });
}

export function planRoutes(router: Router, state: AppState): void {
  router.get('/plan/:id', (req, res) => {
    const plan = documentById(state.corpus, req.params.id, 'plan');
    const format = downloadFormat(req);
    const result = matchResult(state.corpus, plan);
    if (format) {
      sendTable(res, provenanceTable(result, undefined, { url: plan.sources[0] }), format, `provenance-${plan.id}`);
      return;
    }
    res.render('plan', { plan, view: provenanceView(state.corpus, plan, result), links: downloadLinks(`/plan/${plan.id}`) });
  });

  router.get('/plan/:id/point/:n', (req, res) => {
    const plan = documentById(state.corpus, req.params.id, 'plan');
    const n = pointNumber(req.params.n);
    const slot = pointSlots(plan).find((s) => s.n === n);
    const point = matchResult(state.corpus, plan).points.find((p) => p.point === n);
    if (!slot && !point) throw notFound(`${plan.title} has no point ${n}.`);
    res.render('point', {
      plan,
      n,
      state: slot?.state ?? 'present',
      noText: slot && (slot.state === 'missing' || slot.state === 'unlisted') ? noTextReason(plan, n) : undefined,
      point,
      candidates: point ? pointView(state.corpus, plan, point) : [],
      others: point ? otherSources(state.corpus, point) : [],
      neighbours: neighbours(plan, n),
      timeline: point ? lineageTimeline(point, plan.date, (id) => findDocument(state.corpus, id)?.title ?? id) : undefined,
    });
  });
}

/** Documents scored for the point but not among its listed candidates (the heat map links to them too). */
function otherSources(corpus: Corpus, point: PointMatch) {
  const listed = new Set(point.candidates.map((c) => c.doc));
  return Object.entries(point.documents)
    .filter(([doc, score]) => !listed.has(doc) && score > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([doc, score]) => {
      const d = findDocument(corpus, doc);
      return { doc, score, title: d?.title ?? doc, side: d?.side ?? 'unknown', date: d?.date ?? '' };
    });
}

function neighbours(plan: Document, n: string): { prev?: string; next?: string } {
  const numbers = pointSlots(plan).map((s) => s.n);
  const i = numbers.indexOf(n);
  return { prev: i > 0 ? numbers[i - 1] : undefined, next: i >= 0 && i + 1 < numbers.length ? numbers[i + 1] : undefined };
}

/**
 * A passage with its evidence marked; with `context`, only the stretch from
 * `context` characters before the first mark to as many after the last,
 * with an ellipsis where it is cut.
 */
function passageHtml(text: string, spans: MarkSpan[], start: number, end: number, context?: number): string {
  if (context === undefined || !spans.length) return highlightHtml(text, spans, start, end);
  // Cut at word boundaries (a space), never inside a word.
  let from = Math.max(start, Math.min(...spans.map((s) => s.start)) - context);
  let to = Math.min(end, Math.max(...spans.map((s) => s.end)) + context);
  if (from > start) from = Math.max(start, text.lastIndexOf(' ', from) + 1);
  if (to < end) to = Math.min(end, ((i) => (i < 0 ? end : i))(text.indexOf(' ', to)));
  return `${from > start ? '… ' : ''}${highlightHtml(text, spans, from, to)}${to < end ? ' …' : ''}`;
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
