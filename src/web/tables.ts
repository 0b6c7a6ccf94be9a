// Export tables the engines do not (yet) provide. The provenance engine's
// MatchResult is flattened here to one row per point × candidate, so the CSV
// has the same facts the page shows. Replace with the engine's own table
// function when it exports one.
import type { Cell, ExportTable } from '../export/table.js';
import type { PairAlignment } from '../align/align.js';
import type { MatchResult } from '../provenance/types.js';

export function provenanceExport(result: MatchResult): ExportTable {
  const columns = ['plan', 'point', 'origin_side', 'origin_confidence', 'rank', 'source_doc', 'source_side', 'source_date', 'passage', 'score', 'later', 'evidence', 'url'];
  const rows: Record<string, Cell>[] = [];
  for (const p of result.points) {
    const base = { plan: result.plan, point: p.point, origin_side: p.origin.side, origin_confidence: p.origin.confidence };
    if (!p.candidates.length) rows.push(base);
    p.candidates.forEach((c, i) =>
      rows.push({
        ...base,
        rank: i + 1,
        source_doc: c.doc,
        source_side: c.side,
        source_date: c.date,
        passage: c.passage,
        score: c.score,
        later: c.later,
        evidence: c.evidence.map((e) => `${e.kind}: "${e.text}" ~ "${e.sourceText}"`).join(' | '),
        url: c.url,
      }),
    );
  }
  for (const n of result.missing) rows.push({ plan: result.plan, point: n, origin_side: 'missing (no verbatim text)' });
  return { columns, rows };
}

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
