// Export tables the engines do not (yet) provide: the compare page's
// pairwise alignments flattened to one row per aligned pair. Replace with the
// alignment engine's own table function when it exports one.
import type { Cell, ExportTable } from '../export/table.js';
import type { PairAlignment } from '../align/align.js';

/** One row per aligned pair of each pairwise alignment, the word diff as `[-old-]{+new+}` text. */
export function alignmentExport(alignments: PairAlignment[]): ExportTable {
  const columns = ['version_a', 'version_b', 'a', 'b', 'relation', 'moved', 'similarity', 'partial', 'changes', 'reason', 'diff'];
  const rows: Record<string, Cell>[] = alignments.flatMap((al) =>
    al.pairs.map((p) => ({
      version_a: al.versions[0],
      version_b: al.versions[1],
      a: p.a,
      b: p.b,
      relation: p.relation,
      moved: p.moved,
      similarity: p.similarity,
      partial: p.partial,
      changes: p.changes.map((c) => `${c.kind}: ${c.a ?? '∅'} → ${c.b ?? '∅'}`).join('; '),
      reason: p.reason ?? '',
      diff: p.diff.map((d) => (d.op === '-' ? `[-${d.text}-]` : d.op === '+' ? `{+${d.text}+}` : d.text)).join(''),
    })),
  );
  return { columns, rows };
}
