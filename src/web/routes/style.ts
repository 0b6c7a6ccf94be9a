// `/style/:id`: translationese — the text with each feature span highlighted,
// a legend naming every feature (colour and underline style), per-point
// scores with their 90% interval, and all plan versions ranked.
import type { Router } from 'express';
import type { Document } from '../../corpus/types.js';
import { featureCatalogue, rankResults, scoreDocument, scoredSegments, translationeseTable, type TranslationeseResult } from '../../style/index.js';
import { downloadLinks, sendTable } from '../download.js';
import { highlightHtml } from '../html.js';
import { memoByDocument } from '../memo.js';
import { documentById, downloadFormat } from '../params.js';
import type { AppState } from '../state.js';

/** Number of feature classes styled in style.css (colour × underline style). */
const FEATURE_STYLES = 16;

export const styleResults = memoByDocument((doc: Document) => scoreDocument(doc, { bySegment: true }));

export interface StyleView {
  legend: { id: string; name: string; description: string; className: string; count: number }[];
  document: TranslationeseResult;
  segments: { id: string; label: string; html: string; result?: TranslationeseResult }[];
}

/** Everything the translationese partial renders for one document (a corpus plan or a draft). */
export function styleView(doc: Document, results: TranslationeseResult[]): StyleView {
  const catalogue = featureCatalogue();
  const classOf = new Map(catalogue.map((f, i) => [f.id, `feat-${i % FEATURE_STYLES}`]));
  const nameOf = new Map(catalogue.map((f) => [f.id, f.name]));
  const documentResult = results.find((r) => r.segment === null)!;
  const spans = documentResult.features.map((f) => ({
    start: f.start,
    end: f.end,
    className: classOf.get(f.name) ?? 'feat-0',
    title: `${nameOf.get(f.name) ?? f.name}: ${f.reason} (weight ${f.weight > 0 ? '+' : ''}${f.weight})`,
  }));
  const bySegment = new Map(results.filter((r) => r.segment !== null).map((r) => [r.segment, r]));
  const counts = new Map<string, number>();
  for (const f of documentResult.features) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
  return {
    legend: catalogue.map((f) => ({ ...f, className: classOf.get(f.id)!, count: counts.get(f.id) ?? 0 })),
    document: documentResult,
    segments: scoredSegments(doc).map((s) => ({ id: s.id, label: s.label, html: highlightHtml(doc.text, spans, s.start, s.end), result: bySegment.get(s.id) })),
  };
}

/** Every plan version of the corpora, scored as a whole, most translation-like first. */
function witnesses(state: AppState): TranslationeseResult[] {
  const plans = state.corpus.documents.filter((d) => d.kind === 'plan');
  return rankResults(plans.map((d) => styleResults(d)[0]));
}

export function styleRoutes(router: Router, state: AppState): void {
  router.get('/style/:id', (req, res) => {
    const doc = documentById(state.corpus, req.params.id);
    const format = downloadFormat(req);
    const results = styleResults(doc);
    if (format) {
      sendTable(res, translationeseTable(results), format, `translationese-${doc.id}`);
      return;
    }
    const titles = new Map(state.corpus.documents.map((d) => [d.id, d.title]));
    res.render('style', {
      doc,
      view: styleView(doc, results),
      witnesses: witnesses(state).map((r, i) => ({ rank: r.score === null ? null : i + 1, result: r, title: titles.get(r.input) ?? r.input })),
      links: downloadLinks(`/style/${doc.id}`),
    });
  });
}
