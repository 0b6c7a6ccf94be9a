// The compare page's export: the pairwise alignments it shows (each version
// against the first), stacked with the two version ids as columns so that
// any number of versions gives one uniform table. The cells are written by
// the alignment engine's own helpers, so a CSV from the page and one from
// `provenance align` say the same thing in the same words.
import { flattenPairs, PAIR_COLUMNS, pairCells, type PairAlignment } from '../align/index.js';
import type { Cell, ExportTable } from '../export/table.js';

/** One row per aligned pair (sub-item pairs follow their point's row) of each alignment. */
export function alignmentExport(alignments: PairAlignment[]): ExportTable {
  const columns = ['version_a', 'version_b', 'a', 'b', ...PAIR_COLUMNS];
  const rows: Record<string, Cell>[] = alignments.flatMap((al) =>
    flattenPairs(al.pairs).map((p) => ({ version_a: al.versions[0], version_b: al.versions[1], a: p.a, b: p.b, ...pairCells(p) })),
  );
  return { columns, rows };
}
