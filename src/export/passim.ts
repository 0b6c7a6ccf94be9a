// The bridge to passim (github.com/dasmiq/passim), which finds text reuse on
// Spark across tens of millions of documents: our plans and statements as
// passim's input, one JSON record a line.
//
// passim's documented input fields: `id` and `text` (required), `series`
// (reuse within one series is ignored) and `date`; every other field is passed
// through to its output. We add `corpus` ("plan" or "statements") so a run can
// be restricted to plan–statement pairs (`--fields corpus --filterpairs
// "corpus <> corpus2"`), and the metadata our view shows.
//
// `text` is the document's whole text, unchanged, so passim's character
// offsets (`begin`/`end`, `b1`/`e1`) are offsets into our `Document.text`
// (see corpus/passim-output.ts for the way back). One exception: a statement
// whose passages carry dates of their own (a source line's `date:`, e.g. a
// collection of one speaker's words over months) is written as one record per
// run of consecutive passages with the same date, each with that date, so
// passim and anyone reading its output see when the words were said (one
// record with the file's date put Lavrov's words of 11 Apr 2026 at 11 Dec
// 2025). Such a record's id is `<document id>@<offset>`, the UTF-16 offset of
// its text in `Document.text`, its series the document id (reuse within one
// document is still ignored); passimSource maps it back.
import type { Document } from '../corpus/types.js';

export interface PassimRecord {
  id: string;
  series: string;
  date: string;
  text: string;
  corpus: 'plan' | 'statements';
  title: string;
  side: string;
  speaker: string;
  language: string;
  source: string;
}

/**
 * One record per plan in `plans` and per statement/reference document in
 * `sources`. Each document is its own series: passim then compares every
 * pair of documents, and `--filterpairs` keeps the plan–statement ones.
 */
export function passimRecords(plans: Document[], sources: Document[]): PassimRecord[] {
  // The whole document (`date`: its passages' one date, else the document's), or one date run of it.
  const record = (doc: Document, corpus: PassimRecord['corpus'], date = doc.date, run?: DateRun): PassimRecord => ({
    id: run ? `${doc.id}${RUN_SEPARATOR}${run.start}` : doc.id,
    series: doc.id,
    date: run?.date ?? date,
    text: run ? doc.text.slice(run.start, run.end) : doc.text,
    corpus,
    title: doc.title,
    side: doc.side,
    speaker: doc.speaker,
    language: doc.language,
    source: run?.source ?? doc.sources[0] ?? '',
  });
  const statements = sources.flatMap((doc) => {
    const runs = dateRuns(doc);
    return runs.length > 1 ? runs.map((run) => record(doc, 'statements', doc.date, run)) : [record(doc, 'statements', runs[0]?.date)];
  });
  return [...plans.map((d) => record(d, 'plan')), ...statements];
}

/** Between a document id and the UTF-16 offset of a record's text in an id of a date run's record (ids never hold it: corpus ids are slugs). */
export const RUN_SEPARATOR = '@';

/** A stretch of a document's text whose passages share one date (UTF-16 offsets; the first from 0, the last to the end). */
interface DateRun {
  start: number;
  end: number;
  date: string;
  /** The first passage's source URL, when it has its own. */
  source?: string;
}

/** The document's passages grouped into runs of one date (passage.date, else the document's), in text order. */
export function dateRuns(doc: Document): DateRun[] {
  const runs: DateRun[] = [];
  for (const s of doc.segments) {
    if (s.kind !== 'passage') continue;
    const date = s.date ?? doc.date;
    const last = runs.at(-1);
    if (last && last.date === date) continue;
    if (last) last.end = s.start;
    runs.push({ start: runs.length ? s.start : 0, end: doc.text.length, date, ...(s.source ? { source: s.source } : {}) });
  }
  return runs;
}

/**
 * The document and offset a passim record id names: a document id itself
 * (offset 0), or a date run's `<id>@<offset>` (passimRecords) whose document
 * `documents` holds; undefined when it names no document there.
 */
export function passimSource<D>(id: string, documents: Map<string, D>): { doc: D; offset: number } | undefined {
  const whole = documents.get(id);
  if (whole) return { doc: whole, offset: 0 };
  const at = id.lastIndexOf(RUN_SEPARATOR);
  if (at < 0 || !/^\d+$/.test(id.slice(at + 1))) return undefined;
  const doc = documents.get(id.slice(0, at));
  return doc ? { doc, offset: Number(id.slice(at + 1)) } : undefined;
}

/** JSON Lines: one record a line, as passim reads it (no enclosing array, no line breaks inside a record). */
export function toPassimJsonl(records: PassimRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}
