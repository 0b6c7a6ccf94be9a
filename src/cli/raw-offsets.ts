// Offsets into the file as the user has it. A draft read from disk is a
// Document whose text is the file with CRLF/CR turned into LF, the BOM
// dropped, leading blank lines cut, `<!-- src: URL -->` lines taken out and,
// for a Markdown document, the front matter left off (corpus/source-text.ts,
// body-lines.ts); every offset the pipeline computes indexes that copy. For a
// file given on the command line the CLI maps each reported offset back into
// the file before printing JSON or a match/export table, so
// `file.slice(start, end)` is the quoted words, whatever the line ends and
// with or without front matter; the tables' 'offsets into' column says so.
import { basename } from 'node:path';
import type { AlignedPair, Change, DiffPart } from '../align/index.js';
import type { Collation } from '../align/collate.js';
import type { Document } from '../corpus/types.js';
import type { Candidate, Evidence, MatchResult } from '../provenance/types.js';
import type { TranslationeseResult } from '../style/score.js';
import { frontMatterBodyStart } from '../corpus/front-matter.js';
import { offsetsInto } from '../provenance/table.js';
import { lineEndMap } from '../text/fold.js';

interface RawMap {
  raw: string;
  /** Offset in Document.text → offset in the raw file text (UTF-16 units). */
  at: (offset: number) => number;
}

/**
 * Drafts read from a plain-text file: whether their reported offsets index the file as saved
 * (the same text, or mapped by `map`), or their document text (the file's lines were not found).
 */
const fromFile = new WeakMap<Document, { asSaved: boolean; map?: RawMap }>();

/** How to move a draft's offsets into its file, when they must be moved. */
function rawMap(doc: Document | undefined): RawMap | undefined {
  return doc && fromFile.get(doc)?.map;
}

/** Remember the raw file text of a draft read from disk; a no-op when offsets already agree. */
export function registerRawText(doc: Document, raw: string): void {
  if (raw === doc.text) return void fromFile.set(doc, { asSaved: true });
  const { text, toRaw } = lineEndMap(raw);
  const at = docToFile(doc.text, text, frontMatterBodyStart(text));
  fromFile.set(doc, at ? { asSaved: true, map: { raw, at: (o) => toRaw(at(o)) } } : { asSaved: false });
}

/**
 * Which texts a match's offsets index once mapped with `rawMatch`, for the
 * exports' 'offsets into' column (offsetsInto): the plan file as saved, the text extracted
 * from an imported PDF/Word/HTML file, or (a corpus id, or a file whose lines
 * were not found) the document text; sources always their document text.
 */
export function planOffsetsInto(plan: Document): string {
  const file = fromFile.get(plan);
  if (file?.asSaved) return offsetsInto(`the file ${basename(plan.path)} as saved`, { cli: true });
  if (plan.imported) return offsetsInto(`the text extracted from ${basename(plan.path)} (show FILE --format json)`, { cli: true });
  if (file) return offsetsInto('document text (show FILE --format json)', { cli: true });
  return offsetsInto(undefined, { cli: true });
}

/**
 * Offset in the document text → offset in the LF file text, or undefined when
 * the document's lines are not found in the file. The document text is the
 * file's body from `from` on, minus whole lines the loader takes out (leading
 * and trailing blank lines, `<!-- src: URL -->` metadata): its lines are found
 * in order among the file's lines, and each offset moves with its line.
 */
function docToFile(docText: string, text: string, from: number): ((offset: number) => number) | undefined {
  const base = text.indexOf(docText, from);
  if (base >= 0) return (o) => base + o;
  const docLines = docText.split('\n');
  const docStarts: number[] = [];
  const fileStarts: number[] = [];
  let d = 0;
  let f = from;
  for (const line of docLines) {
    for (;;) {
      if (f > text.length) return undefined;
      const end = text.indexOf('\n', f);
      const fileLine = text.slice(f, end < 0 ? text.length : end);
      const start = f;
      f = end < 0 ? text.length + 1 : end + 1;
      if (fileLine === line) {
        docStarts.push(d);
        fileStarts.push(start);
        break;
      }
    }
    d += line.length + 1;
  }
  return (o) => {
    // The last document line starting at or before o.
    let lo = 0;
    let hi = docStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (docStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return fileStarts[lo] + (o - docStarts[lo]);
  };
}

/** A span in the document text as a span in the file. */
function fileSpan(m: RawMap, [s, e]: [number, number]): [number, number] {
  return [m.at(s), m.at(e)];
}

function span(m: RawMap, [s, e]: [number, number], base = 0): [number, number] {
  return [m.at(base + s) - m.at(base), m.at(base + e) - m.at(base)];
}

/** The text a document's reported spans index: its file as saved when mapped, else its text. */
function shownText(doc: Document | undefined): string | undefined {
  return doc && (rawMap(doc)?.raw ?? doc.text);
}

/**
 * A diff part with `aText`/`bText` added beside `aDocSpan`/`bDocSpan`: what
 * each span slices of its own side (A, or the composite witness, and B). An
 * "=" part's `text` is B's words, which may differ from A's in case or spacing
 * ("a " vs "A "): a reporter sliced A with aDocSpan and found other letters.
 */
function withSideTexts<T extends DiffPart>(d: T, aText: string | undefined, bText: string | undefined): T {
  return {
    ...d,
    ...(d.aDocSpan && aText !== undefined ? { aText: aText.slice(...d.aDocSpan) } : {}),
    ...(d.bDocSpan && bText !== undefined ? { bText: bText.slice(...d.bDocSpan) } : {}),
  };
}

/**
 * Align pairs of A and B with offsets into the files: document-level spans
 * (aSpan/bSpan of a pair, aDocSpan/bDocSpan of a diff part or change) index
 * the file; diff and change spans a/b, aSpan/bSpan stay relative to each point as given.
 * Every diff part gets `aText`/`bText`, the words its aDocSpan/bDocSpan slice
 * (files or not).
 */
export function rawPairs(pairs: AlignedPair[], A: Document, B: Document): AlignedPair[] {
  const ma = rawMap(A);
  const mb = rawMap(B);
  const textA = shownText(A);
  const textB = shownText(B);
  const one = (p: AlignedPair): AlignedPair => {
    const a0 = p.aSpan?.[0] ?? 0;
    const b0 = p.bSpan?.[0] ?? 0;
    const pointA = ma && p.aSpan ? ma.raw.slice(ma.at(p.aSpan[0]), ma.at(p.aSpan[1])) : undefined;
    const pointB = mb && p.bSpan ? mb.raw.slice(mb.at(p.bSpan[0]), mb.at(p.bSpan[1])) : undefined;
    const relA = (s: [number, number]) => (ma ? span(ma, s, a0) : s);
    const relB = (s: [number, number]) => (mb ? span(mb, s, b0) : s);
    const docSpans = (x: { aDocSpan?: [number, number]; bDocSpan?: [number, number] }) => ({
      ...(x.aDocSpan && ma ? { aDocSpan: fileSpan(ma, x.aDocSpan) } : {}),
      ...(x.bDocSpan && mb ? { bDocSpan: fileSpan(mb, x.bDocSpan) } : {}),
    });
    const change = (c: Change): Change => {
      if (!ma && !mb) return c;
      const aSpan = c.aSpan ? relA(c.aSpan) : undefined;
      const bSpan = c.bSpan ? relB(c.bSpan) : undefined;
      return {
        ...c,
        ...(aSpan ? { aSpan, a: pointA ? pointA.slice(...aSpan) : c.a } : {}),
        ...(bSpan ? { bSpan, b: pointB ? pointB.slice(...bSpan) : c.b } : {}),
        ...docSpans(c),
      };
    };
    return {
      ...p,
      ...(p.aSpan && ma ? { aSpan: fileSpan(ma, p.aSpan) } : {}),
      ...(p.bSpan && mb ? { bSpan: fileSpan(mb, p.bSpan) } : {}),
      diff: p.diff.map((d) => {
        const a = d.a ? relA(d.a) : undefined;
        const b = d.b ? relB(d.b) : undefined;
        const text = d.op === '-' ? (pointA && a ? pointA.slice(...a) : d.text) : pointB && b ? pointB.slice(...b) : d.text;
        return withSideTexts({ ...d, text, ...(a ? { a } : {}), ...(b ? { b } : {}), ...docSpans(d) }, textA, textB);
      }),
      changes: p.changes.map(change),
      ...(p.notInPublishedPart ? { notInPublishedPart: p.notInPublishedPart.map(change) } : {}),
      ...(p.subpairs ? { subpairs: p.subpairs.map(one) } : {}),
    };
  };
  return pairs.map(one);
}

/**
 * A collation whose readings' spans and diff parts' aDocSpan/bDocSpan
 * (offsets into each witness's document text: the composite's for aDocSpan)
 * point into the witnesses' files, each diff part with `aText`/`bText` (the
 * composite witness's and this witness's words those spans slice).
 */
export function rawCollation(collation: Collation, docs: Document[]): Collation {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return {
    ...collation,
    rows: collation.rows.map((row) => {
      const composite = row.composite ? byId.get(row.composite.witness) : undefined;
      const mc = composite && rawMap(composite);
      return {
        ...row,
        readings: row.readings.map((r) => {
          const witness = byId.get(r.witness);
          const m = witness && rawMap(witness);
          if (!m && !mc && !r.diff) return r;
          return {
            ...r,
            spans: m ? r.spans.map((s) => fileSpan(m, s)) : r.spans,
            ...(r.diff
              ? {
                  diff: r.diff.map((d) =>
                    withSideTexts(
                      {
                        ...d,
                        ...(d.aDocSpan && mc ? { aDocSpan: fileSpan(mc, d.aDocSpan) } : {}),
                        ...(d.bDocSpan && m ? { bDocSpan: fileSpan(m, d.bDocSpan) } : {}),
                      },
                      shownText(composite),
                      shownText(witness),
                    ),
                  ),
                }
              : {}),
          };
        }),
      };
    }),
  };
}

/** A match result with the plan's offsets into its file. */
export function rawMatch(result: MatchResult, plan: Document): MatchResult {
  const m = rawMap(plan);
  if (!m) return result;
  const at = (s: [number, number]): [number, number] => [m.at(s[0]), m.at(s[1])];
  const pairs = (list: Evidence[]) =>
    list.map((e) => {
      const plan = at(e.plan);
      const span = e.negation?.side === 'plan' ? at(e.negation.span) : undefined;
      const negation = e.negation && span ? { ...e.negation, span, text: m.raw.slice(...span) } : e.negation;
      return { ...e, plan, text: m.raw.slice(...plan), ...(negation ? { negation } : {}) };
    });
  // Every plan-side span of a candidate: its evidence, its shared words, its second passage's evidence.
  const candidate = (c: Candidate): Candidate => ({
    ...c,
    ...(c.unit ? { unit: at(c.unit) } : {}),
    evidence: pairs(c.evidence),
    ...(c.words ? { words: pairs(c.words) } : {}),
    ...(c.also ? { also: { ...c.also, evidence: pairs(c.also.evidence) } } : {}),
  });
  return {
    ...result,
    points: result.points.map((p) => {
      const [start, end] = at([p.start, p.end]);
      return { ...p, start, end, text: m.raw.slice(start, end), candidates: p.candidates.map(candidate), echoes: p.echoes.map(candidate) };
    }),
  };
}

/** Translationese results of a document with feature spans into its file. */
export function rawTranslationese(results: TranslationeseResult[], doc: Document): TranslationeseResult[] {
  const m = rawMap(doc);
  if (!m) return results;
  return results.map((r) => ({
    ...r,
    features: r.features.map((f) => {
      const start = m.at(f.start);
      const end = m.at(f.end);
      return { ...f, start, end, text: m.raw.slice(start, end) };
    }),
  }));
}
