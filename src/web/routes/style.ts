// `/style/:id`: translationese — the text with each feature span highlighted,
// a legend naming every feature (colour and underline style), per-point
// scores with their 90% interval, and all plan versions ranked.
import type { Router } from 'express';
import type { Document } from '../../corpus/types.js';
import { featureCatalogue, rankResults, scoreDocument, scoredSegments, shippedModel, translationeseTable, type TranslationeseResult } from '../../style/index.js';
import { downloadLinks, sendTable } from '../download.js';
import { highlightHtml } from '../html.js';
import { memoByDocument } from '../memo.js';
import { documentById, downloadFormat, queryString } from '../params.js';
import type { AppState } from '../state.js';

/** Number of feature classes styled in style.css (colour × underline style). */
const FEATURE_STYLES = 16;

export const styleResults = memoByDocument((doc: Document) => scoreDocument(doc, { bySegment: true }));

export interface LegendEntry {
  id: string;
  name: string;
  description: string;
  className: string;
  /** Spans of this feature in the scored text. */
  count: number;
  /** What the feature's spans add to the log-odds in this text (+ toward translation). */
  contribution: number;
  /** A real span: the first in this text, else the first in the reference sets. */
  example: { text: string; from: string } | null;
  /** True when its spans are highlighted in the text below. */
  shown: boolean;
}

export interface LegendFamily {
  family: string;
  title: string;
  about: string;
  entries: LegendEntry[];
}

export interface StyleView {
  /** Families of the model's features, construction rules first. */
  families: LegendFamily[];
  /** Every entry of `families`, flat (what older templates call the legend). */
  legend: LegendEntry[];
  /** The frequency feature whose spans are highlighted on request (`?feature=`), if any. */
  selected: string | null;
  document: TranslationeseResult;
  segments: { id: string; label: string; html: string; result?: TranslationeseResult }[];
}

const FAMILY_TEXT: Record<string, { title: string; about: string }> = {
  construction: { title: 'Constructions', about: 'Marked phrases, each worth reading: always highlighted.' },
  punctuation: { title: 'Punctuation profile', about: 'Rates of punctuation marks per 100 words (Baroni & Bernardini 2006).' },
  'cohesive-marker': { title: 'Cohesive markers', about: 'Connectives that make links explicit, per 100 words (Volansky, Ordan & Wintner 2015).' },
  sentence: { title: 'Sentence length', about: 'Sentences per 100 words, and long and short sentences.' },
  'pos-ngram': { title: 'Part-of-speech n-grams', about: 'Sequences of word classes from the wink-nlp tagger, on the masked text: syntax without words.' },
  'function-word': { title: 'Function words', about: 'Rates of single function words.' },
};

/**
 * Everything the translationese partial renders for one document (a corpus
 * plan or a draft). Construction spans are always highlighted; the spans of a
 * frequency feature (a "the", a comma, a DET NOUN pair) are too many to show
 * at once, so one is highlighted when the reader picks it (`feature`).
 */
export function styleView(doc: Document, results: TranslationeseResult[], feature?: string): StyleView {
  const model = shippedModel();
  const catalogue = new Map(featureCatalogue().map((f) => [f.id, f]));
  const inModel = model.features.filter((id) => catalogue.has(id));
  const constructions = inModel.filter((id) => catalogue.get(id)!.kind === 'construction');
  const classOf = new Map(constructions.map((id, i) => [id, `feat-${i % FEATURE_STYLES}`]));
  const selected = feature && inModel.includes(feature) && !classOf.has(feature) ? feature : null;
  if (selected) classOf.set(selected, 'feat-selected');
  const documentResult = results.find((r) => r.segment === null)!;
  const spans = documentResult.features
    .filter((f) => classOf.has(f.name))
    .map((f) => ({
      start: f.start,
      end: f.end,
      className: classOf.get(f.name)!,
      title: `${catalogue.get(f.name)?.name ?? f.name}: ${f.reason} (weight ${f.weight > 0 ? '+' : ''}${f.weight})`,
    }));
  const bySegment = new Map(results.filter((r) => r.segment !== null).map((r) => [r.segment, r]));
  const counts = new Map<string, number>();
  const firstSpan = new Map<string, string>();
  const contribution = new Map<string, number>();
  for (const f of documentResult.features) {
    counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
    contribution.set(f.name, (contribution.get(f.name) ?? 0) + f.weight);
    if (!firstSpan.has(f.name)) firstSpan.set(f.name, f.text);
  }
  const entry = (id: string): LegendEntry => {
    const f = catalogue.get(id)!;
    const own = firstSpan.get(id);
    const ref = model.examples[id];
    return {
      id,
      name: f.name,
      description: f.description,
      className: classOf.get(id) ?? 'feat-rate',
      count: counts.get(id) ?? 0,
      contribution: Math.round((contribution.get(id) ?? 0) * 100) / 100,
      example: own ? { text: clip(own), from: 'this text' } : ref ? { text: clip(ref.text), from: `reference text ${ref.sample}` } : null,
      shown: classOf.has(id),
    };
  };
  const familyOrder = ['construction', 'punctuation', 'cohesive-marker', 'sentence', 'pos-ngram', 'function-word'];
  const families = familyOrder
    .map((family) => ({ family, ...FAMILY_TEXT[family], entries: inModel.filter((id) => catalogue.get(id)!.family === family).map(entry) }))
    .filter((f) => f.entries.length);
  return {
    families,
    legend: families.flatMap((f) => f.entries),
    selected,
    document: documentResult,
    segments: scoredSegments(doc).map((s) => ({ id: s.id, label: s.label, html: highlightHtml(doc.text, spans, s.start, s.end), result: bySegment.get(s.id) })),
  };
}

/** A long example (a whole sentence) cut to 80 characters. */
function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
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
      view: styleView(doc, results, queryString(req, 'feature')),
      witnesses: witnesses(state).map((r, i) => ({ rank: r.score === null ? null : i + 1, result: r, title: titles.get(r.input) ?? r.input })),
      links: downloadLinks(`/style/${doc.id}`),
    });
  });
}
