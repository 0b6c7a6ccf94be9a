// What a reader's script does with a provenance export: pair the 'evidence
// phrases' and 'evidence offsets' cells entry by entry, slice every offset of
// every row and compare the slices with the quoted words. The documented
// mapping (provenance/table.ts): entries joined with " | ", a phrase shown
// "×N" has its N occurrences in one offsets entry joined with "; ", and the
// quoted words are the slice with each run of white space as one space.

export type Row = Record<string, string>;

const OCCURRENCE = /^plan (\d+)-(\d+) = source (\d+)-(\d+)$/;
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface EvidenceCheck {
  /** Offsets sliced and found equal to their phrase. */
  pieces: number;
  /** Phrases shown ×N (N occurrences in one entry). */
  grouped: number;
  /** Pieces whose plan slice has a line end or a run of spaces the phrase shows as one space. */
  collapsed: number;
  /** Every plan span, `row point/rank: a-b`, for comparing formats. */
  planSpans: string[];
  /** What did not hold, one line each (empty when all did). */
  problems: string[];
}

/**
 * Checks every row with a candidate. `planText` is the text the plan offsets
 * must slice (the file as saved, or the document text); `sourceText(id)` a
 * source document's text.
 */
export function checkEvidenceColumns(rows: Row[], planText: string, sourceText: (id: string) => string): EvidenceCheck {
  const out: EvidenceCheck = { pieces: 0, grouped: 0, collapsed: 0, planSpans: [], problems: [] };
  for (const row of rows) {
    if (!row.doc || !row['evidence phrases']) continue;
    const where = `${row.point}/${row.rank} ${row.doc}`;
    const phrases = row['evidence phrases'].split(' | ');
    const offsets = row['evidence offsets'].split(' | ');
    if (phrases.length !== offsets.length) {
      out.problems.push(`${where}: ${phrases.length} phrases, ${offsets.length} offsets entries`);
      continue;
    }
    const source = sourceText(row.doc);
    phrases.forEach((phrase, i) => {
      const count = /×(\d+)$/.exec(phrase);
      const shown = count ? phrase.slice(0, count.index - 1) : phrase;
      const occurrences = offsets[i].split('; ');
      if (count) out.grouped++;
      if (occurrences.length !== (count ? Number(count[1]) : 1)) out.problems.push(`${where}: "${phrase}" has ${occurrences.length} occurrences`);
      for (const occurrence of occurrences) {
        const m = OCCURRENCE.exec(occurrence);
        if (!m) {
          out.problems.push(`${where}: unparsed offsets "${occurrence}"`);
          continue;
        }
        const [a, b, c, d] = m.slice(1).map(Number);
        out.planSpans.push(`${row.point}/${row.rank}: ${a}-${b}`);
        if (/\n|\s\s/.test(planText.slice(a, b))) out.collapsed++;
        const p = oneLine(planText.slice(a, b));
        const s = oneLine(source.slice(c, d));
        // The forms evidencePhrase writes: a phrase, a translation, a shared word, a polarity mismatch.
        const forms = [`"${p}" = "${s}"`, `word "${p}" = "${s}"`, ...(p === s ? [`"${p}"`, `word "${p}"`] : [])];
        if (forms.includes(shown) || shown.startsWith(`"${p}" ≠ "${s}" (opposite polarity`)) out.pieces++;
        else out.problems.push(`${where}: "${shown}" but plan ${a}-${b} slices "${p}", source ${c}-${d} "${s}"`);
      }
    });
  }
  return out;
}
