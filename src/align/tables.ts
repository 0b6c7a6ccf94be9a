// Alignments and collations as export tables (CSV, JSON, Markdown via src/export).
import type { Cell, ExportTable } from '../export/table.js';
import type { AlignedPair, PairAlignment } from './align.js';
import type { Collation, Reading } from './collate.js';
import type { Change, DiffPart } from './diff.js';

/** A diff in one line: `[-removed-]{+added+}`, as in `git diff --word-diff`. */
export function diffText(parts: DiffPart[]): string {
  return parts.map((p) => (p.op === '=' ? p.text : p.op === '-' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');
}

/** Changes in one line: "600,000 → 800,000; −Russia; polarity: join → not join". */
export function changesText(changes: Change[]): string {
  return changes
    .map((c) => (c.kind === 'polarity' ? `polarity: ${c.a ?? '∅'} → ${c.b ?? '∅'}` : c.a && c.b ? `${c.a} → ${c.b}` : c.a ? `−${c.a}` : `+${c.b}`))
    .join('; ');
}

/**
 * A pair's changes in one line, then what only one side has where the other
 * is partly published: "−Moscow; −St. Petersburg [not in the published part: +NATO]".
 */
export function pairChangesText(p: AlignedPair): string {
  const claimed = changesText(p.changes);
  if (!p.notInPublishedPart?.length) return claimed;
  return `${claimed}${claimed ? ' ' : ''}[not in the published part: ${changesText(p.notInPublishedPart)}]`;
}

/** Point pairs with each pair's sub-item pairs right after it. */
export function flattenPairs(pairs: AlignedPair[]): AlignedPair[] {
  return pairs.flatMap((p) => [p, ...(p.subpairs ?? [])]);
}

/** The columns every alignment export shares after the two point ids. */
export const PAIR_COLUMNS = ['relation', 'moved', 'similarity', 'partial', 'changes', 'diff', 'reason'];

/** The cells of one aligned pair under PAIR_COLUMNS (CLI and web write the same words). */
export function pairCells(p: AlignedPair): Record<string, Cell> {
  return {
    relation: p.relation,
    moved: p.moved,
    similarity: p.similarity,
    partial: p.partial,
    changes: pairChangesText(p),
    diff: p.diffTruncated ? '(diff cut at its bound)' : diffText(p.diff),
    reason: p.reason ?? '',
  };
}

/** One row per aligned pair (sub-item pairs follow their point's row). */
export function alignmentTable(alignment: PairAlignment): ExportTable {
  const [a, b] = alignment.versions;
  return {
    columns: [a, b, ...PAIR_COLUMNS],
    rows: flattenPairs(alignment.pairs).map((p) => ({ [a]: p.a, [b]: p.b, ...pairCells(p) })),
  };
}

/** Where a reading in state `elsewhere` reads: "point 2, row 2" (several joined by "; "). */
export function elsewhereText(rd: Reading): string {
  return (rd.elsewhere ?? []).map((e) => `point ${e.point}, row ${e.row}`).join('; ');
}

/**
 * What the collation knows of a witness with no text in a row, in words: "unpublished" (no text
 * of the witness's point of the row's number in the corpus: no source found gave it verbatim), "not in published part" (no
 * counterpart among its published points; it may be among the unpublished ones), "not in this
 * witness" (a complete witness with nothing here), "removed"; else the state.
 */
export function gapText(rd: Reading): string {
  if (rd.state === 'missing') return rd.points.length ? 'unpublished' : 'not in published part';
  if (rd.state === 'absent') return 'not in this witness';
  return rd.state;
}

/** One row per collation unit: each witness's point ids and text, then the composite and its witness. */
export function collationTable(collation: Collation): ExportTable {
  const columns = ['row', ...collation.witnesses.flatMap((w) => [w, `${w} text`]), 'composite_witness', 'composite'];
  return {
    columns,
    rows: collation.rows.map((row) => {
      const r: ExportTable['rows'][number] = { row: row.n, composite_witness: row.composite?.witness ?? '', composite: row.composite?.text ?? '' };
      for (const rd of row.readings) {
        r[rd.witness] = rd.points.length ? `${rd.points.join('+')}${rd.state === 'present' ? '' : ` (${gapText(rd)})`}` : rd.elsewhere?.length ? `elsewhere (${elsewhereText(rd)})` : gapText(rd);
        r[`${rd.witness} text`] = rd.text;
      }
      return r;
    }),
  };
}
