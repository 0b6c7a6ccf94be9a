// Score documents and segments for translationese, with evidence spans and a
// length-aware interval. This is the API the CLI and the web view call:
//
//   scoreDocument(doc, { bySegment })  → TranslationeseResult[] (document first)
//   rankResults(results)               → document results, most translation-like first
//   translationeseTable(results)       → ExportTable for csv / json / md
//   featureCatalogue()                 → legend: id, name, description per feature
import type { Cell, ExportTable } from '../export/table.js';
import { guessLanguage, scriptLetters } from '../corpus/language.js';
import type { Document, Segment } from '../corpus/types.js';
import { countFeatures, findFeatureSpans, type FeatureCounts, type FeatureSpan } from './features.js';
import { featureRates, nearestGenre, probability, spanWeights, type Genre, type TranslationeseModel } from './model.js';
import { shippedModel } from './model-file.js';
import { scoreInterval } from './uncertainty.js';
import { LruCache } from '../util/lru-cache.js';

export { featureCatalogue } from './rules.js';

export interface StyleFeature {
  /** Feature id from the catalogue. */
  name: string;
  /** Offsets into `Document.text` (or into the scored text for `scoreText`). */
  start: number;
  end: number;
  text: string;
  /** This span's share of its feature's contribution to the log-odds; positive = more like a translation. */
  weight: number;
  reason: string;
}

/**
 * `translated` / `original` only when decided (the whole 90% interval past the
 * model's held-out decision threshold); `undecided` when in range but not
 * decided; `out of range` when the text is unlike every reference text (too
 * short, a list of points, an unusual feature profile): its score is shown
 * but means little.
 */
export type StyleVerdict = 'translated' | 'original' | 'undecided' | 'out of range' | 'not applicable';

export interface TextScore {
  /** Probability the text is a translation (null when not applicable). */
  score: number | null;
  label: StyleVerdict;
  /** 90% interval of the score given the text's length. */
  interval: { low: number; high: number; mass: number } | null;
  /** True when the label is decided (in range, interval past a held-out threshold). */
  decided: boolean;
  words: number;
  /** True when the text is within the reference sets' range (length, genre, feature profile). */
  judgeable: boolean;
  /** Nearest reference genre (`statements`, `un`), null when not applicable. */
  genre?: string | null;
  features: StyleFeature[];
  note: string;
}

export interface TranslationeseResult extends TextScore {
  input: string;
  /** Segment id, or null for the whole document. */
  segment: string | null;
  /**
   * Set (whole texts only) when the text is one the shipped model was trained on (style/training-check.ts):
   * its score shows what the model learned, not how it judges a new text.
   */
  trainedOn?: { set: string; file: string; label: string };
}

export interface ScoreOptions {
  model?: TranslationeseModel;
}

/** Score one span of text. `offset` is added to every feature span (a segment's start). */
export function scoreText(text: string, options: ScoreOptions & { offset?: number } = {}): TextScore {
  return scoreUnits([{ text, offset: options.offset ?? 0 }], options.model ?? shippedModel());
}

interface Unit {
  text: string;
  offset: number;
}

/** Feature spans of one unit, offset; `cache` (by offset) saves tagging a segment twice when a document is scored whole and by segment. */
function unitSpans(u: Unit, cache?: Map<number, FeatureSpan[]>): FeatureSpan[] {
  const hit = cache?.get(u.offset);
  if (hit) return hit;
  const spans = textFeatures(u.text).spans.map((s) => ({ ...s, start: s.start + u.offset, end: s.end + u.offset }));
  cache?.set(u.offset, spans);
  return spans;
}

/**
 * Feature spans (offsets into `text`) and word count of a unit's text: a pure
 * function of the text, kept for the points of recent drafts, so an edited
 * draft sent again tags only the points that changed. Callers copy the spans.
 */
function textFeatures(text: string): { spans: readonly FeatureSpan[]; words: number } {
  return unitFeatures.getOrSet(text, () => ({ spans: findFeatureSpans(text), words: countFeatures(text, []).words }));
}

/** Unit texts kept (points and paragraphs; a few drafts' worth). */
const UNIT_FEATURES_KEPT = 1024;
const unitFeatures = new LruCache<{ spans: readonly FeatureSpan[]; words: number }>(UNIT_FEATURES_KEPT);

function scoreUnits(units: Unit[], model: TranslationeseModel, { list = false, cache }: { list?: boolean; cache?: Map<number, FeatureSpan[]> } = {}): TextScore {
  const spans = units.flatMap((u) => unitSpans(u, cache));
  const counts = countFeatures('', []);
  for (const u of units) counts.words += textFeatures(u.text).words;
  for (const s of spans) counts.counts[s.rule] = (counts.counts[s.rule] ?? 0) + 1;
  const score = probability(counts, model);
  const interval = scoreInterval(counts, model);
  const weights = spanWeights(counts, model);
  const { reason: outOfRange, genre } = rangeCheck(counts, model, { list, items: units.length });
  const decided = !outOfRange && (interval.low >= model.decision.translatedFrom || interval.high <= model.decision.originalTo);
  const label: StyleVerdict = outOfRange ? 'out of range' : !decided ? 'undecided' : interval.low >= model.decision.translatedFrom ? 'translated' : 'original';
  return {
    score: round(score),
    label,
    interval: { low: round(interval.low), high: round(interval.high), mass: interval.mass },
    decided,
    words: counts.words,
    judgeable: !outOfRange,
    genre: genre.name,
    features: spans.map((s) => ({ name: s.rule, start: s.start, end: s.end, text: s.text, weight: round(weights[s.rule] ?? 0), reason: s.reason })),
    note:
      outOfRange ||
      (decided
        ? ''
        : undecidedNote(model.decision)),
  };
}

/**
 * Why a whole text is undecided. Thresholds outside [0, 1] are the model's way of saying
 * no threshold passed the held-out check (train.ts): printing "at or above 2.00" beside a
 * score in [0, 1] read as a scale mismatch, so that case is said in words.
 */
function undecidedNote(decision: TranslationeseModel['decision']): string {
  const neverTranslated = decision.translatedFrom > 1;
  const neverOriginal = decision.originalTo < 0;
  if (neverTranslated && neverOriginal) {
    return 'undecided: with this model no threshold was right often enough on held-out texts, so no text gets a decided label; read the score and its spans as a lead, not a finding';
  }
  const sides = [
    neverTranslated ? '' : `at or above ${decision.translatedFrom.toFixed(2)} (translated)`,
    neverOriginal ? '' : `at or below ${decision.originalTo.toFixed(2)} (original)`,
  ].filter(Boolean);
  return `undecided: a decided label needs the 90% interval ${sides.join(' or ')}, where held-out texts were right ${Math.round(100 * decision.precision)}% of the time`;
}

/**
 * Why a text is outside the reference sets' range, or '' when it is inside:
 * shorter than every reference text, a list of short points (the reference
 * texts are continuous prose), or a feature profile further from the nearest
 * genre's centre than any reference text of that genre.
 */
export function rangeCheck(counts: FeatureCounts, model: TranslationeseModel, { list = false, items = 1 }: { list?: boolean; items?: number } = {}): { reason: string; genre: Genre } {
  const nearest = nearestGenre(featureRates(counts, model), model);
  const genre = model.genres[nearest.genre];
  const reason =
    counts.words < model.minWords
      ? `out of range: ${counts.words} words; every reference text has at least ${model.minWords}, so a score this short is mostly noise`
      : list
        ? `out of range: a list of ${items} short points; the reference texts are continuous prose (speeches, statements, readouts)`
        : nearest.distance > genre.maxDistance
          ? `out of range: its feature profile is further from both reference genres than any reference text (distance ${nearest.distance.toFixed(2)}, largest in "${genre.name}" ${genre.maxDistance.toFixed(2)})`
          : '';
  return { reason, genre };
}

/**
 * A paragraph of prose: from a visible character up to a blank line (one that shows nothing: spaces
 * and invisible characters such as a zero-width space only). Line ends are LF, CRLF, CR, NEL and
 * LINE SEPARATOR; PARAGRAPH SEPARATOR (U+2029) always ends one (Unicode §5.8).
 */
const PARAGRAPH =
  /[^\s\p{Default_Ignorable_Code_Point}\p{Cf}](?:[^\n\r\u2028\u2029\u0085]|\r(?=\n)|(?:\n|\r(?!\n)|[\u2028\u0085])(?![ \t\p{Zs}\p{Default_Ignorable_Code_Point}\p{Cf}]*(?:\r\n|[\n\r\u2028\u2029\u0085])))*/gu;

/** Three or more list items (numbered or bulleted lines) making up at least 30% of the non-blank lines. */
export function looksLikeList(text: string): boolean {
  const lines = text.split(/\r\n|[\n\r\u2028\u2029\u0085]/).filter((l) => l.trim());
  const items = lines.filter((l) => /^\s*(?:[-*\u2022\u2013]|\(?[0-9]{1,3}[.)]|\(?[a-z][.)])\s+\S/i.test(l)).length;
  return items >= 3 && items >= 0.3 * lines.length;
}

/** The segments that carry a document's own text at the top level. */
export function scoredSegments(doc: Document): Segment[] {
  return doc.segments.filter((s) => s.kind === 'point' || s.kind === 'preamble' || s.kind === 'passage');
}

/**
 * Why a document cannot be scored, or null when it can. The declared language is not taken on
 * trust: a document filed as English whose letters are mostly Cyrillic (`check` warns about it)
 * is not scored either: its Russian words are no English evidence.
 */
export function notApplicableReason(doc: Document): string | null {
  if (doc.language !== 'en') return `not applicable: the text is in "${doc.language}"; translationese is scored on English only`;
  const { latin, cyrillic } = scriptLetters(doc.text);
  if (cyrillic > latin) {
    const shown = guessLanguage(doc.text);
    return `not applicable: the text reads as ${shown ? `"${shown}"` : 'Cyrillic'} though its language field says "en"; translationese is scored on English only`;
  }
  if (doc.status === 'reported-only') return 'not applicable: reported-only plan (the body is reports, not plan text)';
  return null;
}

/**
 * Score a document (first result, `segment: null`) and, with `bySegment`, each
 * point, preamble paragraph or passage. Offsets are into `doc.text`. `only`
 * restricts the scored segments to those ids (to compare renderings of a plan
 * on the points they share); the document result then covers only them.
 */
export function scoreDocument(
  doc: Document,
  options: ScoreOptions & { bySegment?: boolean; input?: string; only?: string[] } = {},
): TranslationeseResult[] {
  const input = options.input ?? doc.id;
  const reason = notApplicableReason(doc);
  if (reason) {
    return [{ input, segment: null, score: null, label: 'not applicable', interval: null, decided: false, words: 0, judgeable: false, genre: null, features: [], note: reason }];
  }
  const model = options.model ?? shippedModel();
  const only = options.only && new Set(options.only);
  const segments = scoredSegments(doc).filter((s) => !only || only.has(s.id));
  const unitOf = (s: Segment): Unit => ({ text: doc.text.slice(s.start, s.end), offset: s.start });
  const units = segments.length || only ? segments.map(unitOf) : [{ text: doc.text, offset: 0 }];
  const list = segments.filter((s) => s.kind === 'point').length >= 3 || (!segments.length && looksLikeList(doc.text));
  const cache = new Map<number, FeatureSpan[]>();
  const whole = scoreUnits(units, model, { list, cache });
  if (only) whole.note = [`points ${segments.map((s) => s.id).join(', ')} only`, whole.note].filter(Boolean).join('; ');
  const results: TranslationeseResult[] = [{ input, segment: null, ...whole }];
  if (options.bySegment) {
    for (const s of segments) results.push({ input, segment: s.id, ...scoreUnits([unitOf(s)], model, { cache }) });
  }
  return results;
}

/** Ids of the points (or other scored segments) present in every one of the documents. */
export function commonSegments(docs: Document[]): string[] {
  const [first, ...rest] = docs.map((d) => scoredSegments(d).map((s) => s.id));
  if (!first) return [];
  return first.filter((id) => rest.every((ids) => ids.includes(id)));
}

/**
 * Score plain prose that is not a corpus document (a pasted text, a user's
 * file without numbered points). Paragraphs (blank-line separated) are the
 * segments `p1`, `p2` …; offsets are into `text`. `language` is the caller's
 * guess; anything but English is not applicable.
 */
export function scoreProse(text: string, options: ScoreOptions & { input: string; bySegment?: boolean; language?: string }): TranslationeseResult[] {
  const input = options.input;
  if (options.language && options.language !== 'en') {
    const note = `not applicable: the text is in "${options.language}"; translationese is scored on English only`;
    return [{ input, segment: null, score: null, label: 'not applicable', interval: null, decided: false, words: 0, judgeable: false, genre: null, features: [], note }];
  }
  const model = options.model ?? shippedModel();
  // Blank lines part paragraphs, with any line end (offsets stay those of `text`, so a CRLF paragraph keeps its last CR).
  const paragraphs = [...text.matchAll(PARAGRAPH)].map((m) => ({ text: m[0], offset: m.index! }));
  const cache = new Map<number, FeatureSpan[]>();
  const results: TranslationeseResult[] = [{ input, segment: null, ...scoreUnits(paragraphs.length ? paragraphs : [{ text, offset: 0 }], model, { list: looksLikeList(text), cache }) }];
  if (options.bySegment) paragraphs.forEach((p, i) => results.push({ input, segment: `p${i + 1}`, ...scoreUnits([p], model, { cache }) }));
  return results;
}

/**
 * Document-level results, most translation-like first; documents that could
 * not be scored come last. Each entry keeps its segment results after it.
 */
export function rankResults(results: TranslationeseResult[]): TranslationeseResult[] {
  const groups = new Map<string, TranslationeseResult[]>();
  for (const r of results) groups.set(r.input, [...(groups.get(r.input) ?? []), r]);
  const key = (g: TranslationeseResult[]) => g.find((r) => r.segment === null)?.score ?? -1;
  return [...groups.values()].sort((a, b) => key(b) - key(a)).flat();
}

/** Counts of each feature in a result, most frequent first: "future-passive×3, calque×1". */
export function featureSummary(result: TextScore): string {
  const counts = new Map<string, number>();
  for (const f of result.features) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n, c]) => `${n}×${c}`).join(', ');
}

/** One row per result (ranked documents, then their segments) for export. */
export function translationeseTable(results: TranslationeseResult[]): ExportTable {
  let rank = 0;
  const rows = rankResults(results).map((r): Record<string, Cell> => ({
    // Like the CLI table: a result with no score (not applicable) gets no rank.
    rank: r.segment === null && r.score !== null ? ++rank : null,
    input: r.input,
    segment: r.segment ?? '',
    words: r.words,
    score: r.score,
    low: r.interval?.low ?? null,
    high: r.interval?.high ?? null,
    label: r.label,
    features: featureSummary(r),
    note: r.note,
  }));
  return { columns: ['rank', 'input', 'segment', 'words', 'score', 'low', 'high', 'label', 'features', 'note'], rows };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
