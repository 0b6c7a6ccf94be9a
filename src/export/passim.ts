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
// (see corpus/passim-output.ts for the way back).
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
  const record = (doc: Document, corpus: PassimRecord['corpus']): PassimRecord => ({
    id: doc.id,
    series: doc.id,
    date: doc.date,
    text: doc.text,
    corpus,
    title: doc.title,
    side: doc.side,
    speaker: doc.speaker,
    language: doc.language,
    source: doc.sources[0] ?? '',
  });
  return [...plans.map((d) => record(d, 'plan')), ...sources.map((d) => record(d, 'statements'))];
}

/** JSON Lines: one record a line, as passim reads it (no enclosing array, no line breaks inside a record). */
export function toPassimJsonl(records: PassimRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}
