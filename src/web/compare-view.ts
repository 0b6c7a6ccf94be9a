// Thin adapter from the alignment engine (pairwise) to the compare page's
// columns. The first version is the pivot: every other version is aligned
// with it, so one row is one unit of the first version, and a column shows
// what became of that unit in another version. Units that only another
// version has get rows of their own, placed after the unit they follow.
import { noTextReason, pointSlots } from '../corpus/coverage.js';
import type { Corpus, Document } from '../corpus/types.js';
import { alignPair, changesText, collate, type AlignedPair, type Collation, type PairAlignment } from '../align/index.js';
import { diffHtml } from './html.js';

const alignments = new WeakMap<Corpus, Map<string, PairAlignment>>();

/** `alignPair`, remembered per pair of corpus documents (drafts are aligned afresh). */
export function alignment(corpus: Corpus, a: Document, b: Document): PairAlignment {
  const cacheable = corpus.documents.includes(a) && corpus.documents.includes(b);
  if (!cacheable) return alignPair(a, b);
  let cache = alignments.get(corpus);
  if (!cache) alignments.set(corpus, (cache = new Map()));
  const key = `${a.id}\u0000${b.id}`;
  let result = cache.get(key);
  if (!result) cache.set(key, (result = alignPair(a, b)));
  return result;
}

const collations = new WeakMap<Corpus, Map<string, Collation>>();

/**
 * The multi-witness collation of three or more versions (every pair aligned,
 * no version privileged), from the cached pairwise alignments.
 */
export function collation(corpus: Corpus, versions: Document[]): Collation {
  const pairs: PairAlignment[] = [];
  for (let i = 0; i < versions.length; i++) for (let j = i + 1; j < versions.length; j++) pairs.push(alignment(corpus, versions[i], versions[j]));
  const cacheable = versions.every((v) => corpus.documents.includes(v));
  if (!cacheable) return collate(versions, pairs);
  let cache = collations.get(corpus);
  if (!cache) collations.set(corpus, (cache = new Map()));
  const key = versions.map((v) => v.id).join('\u0000');
  let result = cache.get(key);
  if (!result) cache.set(key, (result = collate(versions, pairs)));
  return result;
}

export const RELATION_LABELS: Record<string, string> = {
  // The CLI's and the downloads' word: a second reporter saw "kept" on the page and "unchanged" in the CSV.
  unchanged: 'unchanged',
  reworded: 'reworded',
  translated: 'translated',
  split: 'split',
  merged: 'merged',
  dropped: 'dropped',
  added: 'added',
  unknown: 'not comparable',
};

export interface CompareCell {
  kind: 'pair' | 'missing' | 'empty';
  relation?: string;
  relationLabel?: string;
  moved?: boolean;
  label?: string;
  similarity?: number;
  /** Word diff from the first version to this one, escaped HTML. */
  html?: string;
  /** Plain text when there is no word diff (another language, or no counterpart). */
  text?: string;
  figures: { a: string | null; b: string | null }[];
  entities: { a: string | null; b: string | null }[];
  /** Negations one version has and the other lacks ("join" → "not join"). */
  polarity?: { a: string | null; b: string | null }[];
  /** What only one side has where the other is partly published, in changesText's words ("+NATO; −Moscow"): not claimed as changed. */
  notInPublishedPart?: string;
  reason?: string;
  truncated?: boolean;
  crossLanguage?: boolean;
  partial?: boolean;
  subpairs: { a: string | null; b: string | null; relation: string }[];
  /** Cross-language pairs: "перемирие ≈ ceasefire (glossary); …", shown on hover. */
  linksTitle?: string;
}

export interface CompareRow {
  /** The first version's unit, or null for a row only a later version has. */
  label: string | null;
  state: 'text' | 'missing' | 'removed' | 'extra';
  text?: string;
  cells: CompareCell[][];
}

export function compareView(corpus: Corpus, versions: Document[]): { rows: CompareRow[]; pairs: PairAlignment[] } {
  const [pivot, ...others] = versions;
  const pairs = others.map((o) => alignment(corpus, pivot, o));
  const slotState = new Map(pointSlots(pivot).map((s) => [s.n, s.state]));
  const rows: CompareRow[] = [];
  const rowOf = new Map<string, CompareRow>();
  const emptyCells = () => others.map(() => [] as CompareCell[]);
  // The pivot's units in the order of the first alignment (every alignment lists all of them).
  for (const p of pairs[0]?.pairs ?? []) {
    if (p.a === null || rowOf.has(p.a)) continue;
    const state = slotState.get(p.a);
    const row: CompareRow = {
      label: p.a,
      state: state === 'missing' || state === 'unlisted' ? 'missing' : state === 'removed' ? 'removed' : 'text',
      text: p.aSpan ? pivot.text.slice(p.aSpan[0], p.aSpan[1]) : undefined,
      cells: emptyCells(),
    };
    rows.push(row);
    rowOf.set(p.a, row);
  }
  pairs.forEach((alignmentK, k) => {
    const other = others[k];
    const gapsK = new Set(pointSlots(other).filter((s) => s.state === 'missing' || s.state === 'unlisted').map((s) => s.n));
    let anchor = -1;
    for (const p of alignmentK.pairs) {
      if (p.a !== null) {
        const row = rowOf.get(p.a);
        if (!row) continue;
        anchor = rows.indexOf(row);
        // A unit the pivot never published says nothing about version k; version k's own state at that number does.
        if (row.state !== 'missing' || p.b !== null) row.cells[k].push(cellOf(p, other));
        continue;
      }
      if (p.b !== null && gapsK.has(p.b)) {
        const row = rowOf.get(p.b);
        if (row && row.state === 'missing' && !row.cells[k].length) {
          row.cells[k].push({ kind: 'missing', label: p.b, figures: [], entities: [], subpairs: [], reason: `no verbatim text of point ${p.b} in the corpus: ${noTextReason(other, p.b)}` });
          continue;
        }
      }
      const extra: CompareRow = { label: null, state: 'extra', cells: emptyCells() };
      extra.cells[k].push(p.b !== null && gapsK.has(p.b) ? { kind: 'missing', label: p.b, figures: [], entities: [], subpairs: [], reason: `no verbatim text of point ${p.b} in the corpus: ${noTextReason(other, p.b)}` } : cellOf(p, other));
      // After the anchor row and any extra rows already placed after it.
      let at = anchor + 1;
      while (at < rows.length && rows[at].state === 'extra') at++;
      rows.splice(at, 0, extra);
      anchor = at;
    }
  });
  // Pivot rows that no version says anything about: mark the empty cells.
  for (const row of rows) for (const cell of row.cells) if (!cell.length) cell.push({ kind: 'empty', figures: [], entities: [], subpairs: [] });
  return { rows, pairs };
}

function cellOf(p: AlignedPair, other: Document): CompareCell {
  const sameLanguageDiff = !p.crossLanguage && p.diff.length > 0;
  return {
    kind: 'pair',
    relation: p.relation,
    relationLabel: RELATION_LABELS[p.relation] ?? p.relation,
    moved: p.moved,
    label: p.b ?? undefined,
    similarity: p.similarity,
    html: sameLanguageDiff ? diffHtml(p.diff) : undefined,
    text: !sameLanguageDiff && p.bSpan ? other.text.slice(p.bSpan[0], p.bSpan[1]) : undefined,
    figures: p.changes.filter((c) => c.kind === 'figure').map((c) => ({ a: c.a, b: c.b })),
    entities: p.changes.filter((c) => c.kind === 'entity').map((c) => ({ a: c.a, b: c.b })),
    polarity: p.changes.filter((c) => c.kind === 'polarity').map((c) => ({ a: c.a, b: c.b })),
    ...(p.notInPublishedPart?.length ? { notInPublishedPart: changesText(p.notInPublishedPart) } : {}),
    reason: p.reason,
    truncated: p.diffTruncated,
    crossLanguage: p.crossLanguage,
    partial: p.partial,
    subpairs: (p.subpairs ?? []).filter((s) => s.relation !== 'unchanged').map((s) => ({ a: s.a, b: s.b, relation: RELATION_LABELS[s.relation] ?? s.relation })),
    ...(p.links?.length ? { linksTitle: p.links.map((l) => `${l.ru} ≈ ${l.en} (${l.layer === 'glossary' || l.layer === 'name' || l.layer === 'figure' ? l.layer : `${l.layer}: ${l.source}`})`).join('; ') } : {}),
  };
}
