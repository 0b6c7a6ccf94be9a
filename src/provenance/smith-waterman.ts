// Smith-Waterman local alignment over term sequences, as text-reuse tools use
// it to find where a passage echoes another despite inserted or changed words.
//
// Departures from the textbook (Smith & Waterman 1981, linear gaps):
// - a match scores the term's weight (its IDF), so a shared rare word
//   ("amnesty") counts for more than a shared common one ("Ukraine");
// - mismatches and gaps cost the same flat penalty;
// - several non-overlapping alignments are taken, Waterman-Eggert style: after
//   each one, its terms on both sides are masked and the table recomputed.

export interface LocalAlignment {
  /** Half-open term ranges [from, to) in the first and second sequence. */
  a: [number, number];
  b: [number, number];
  score: number;
  /** Number of matched term pairs in the alignment. */
  matches: number;
}

export interface AlignOptions {
  /** Weight of a match on key k (default 1). */
  weight?: (key: string) => number;
  /** Cost of a mismatch or a gap (a positive number). */
  penalty: number;
  /** How many alignments at most. */
  max?: number;
  /** Stop when the best remaining alignment scores below this. */
  minScore?: number;
}

export function localAlignments(a: string[], b: string[], options: AlignOptions): LocalAlignment[] {
  const weight = options.weight ?? (() => 1);
  const max = options.max ?? 3;
  const minScore = options.minScore ?? 0;
  const maskedA = new Uint8Array(a.length);
  const maskedB = new Uint8Array(b.length);
  const out: LocalAlignment[] = [];
  const w = b.length + 1;
  const h = new Float64Array((a.length + 1) * w);
  for (let round = 0; round < max; round++) {
    h.fill(0);
    let best = 0;
    let bi = 0;
    let bj = 0;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const same = !maskedA[i - 1] && !maskedB[j - 1] && a[i - 1] === b[j - 1];
        const diag = h[(i - 1) * w + j - 1] + (same ? weight(a[i - 1]) : -options.penalty);
        const up = h[(i - 1) * w + j] - options.penalty;
        const left = h[i * w + j - 1] - options.penalty;
        const v = Math.max(0, diag, up, left);
        h[i * w + j] = v;
        if (v > best) [best, bi, bj] = [v, i, j];
      }
    }
    if (best <= 0 || best < minScore) break;
    // Trace back from the best cell to where the score first rose from zero.
    let i = bi;
    let j = bj;
    let matches = 0;
    let firstI = bi;
    let firstJ = bj;
    while (i > 0 && j > 0 && h[i * w + j] > 0) {
      const v = h[i * w + j];
      const same = !maskedA[i - 1] && !maskedB[j - 1] && a[i - 1] === b[j - 1];
      if (same && Math.abs(v - (h[(i - 1) * w + j - 1] + weight(a[i - 1]))) < 1e-9) {
        matches++;
        firstI = i;
        firstJ = j;
        i--;
        j--;
      } else if (Math.abs(v - (h[(i - 1) * w + j] - options.penalty)) < 1e-9) i--;
      else if (Math.abs(v - (h[i * w + j - 1] - options.penalty)) < 1e-9) j--;
      else {
        i--;
        j--;
      }
    }
    const alignment: LocalAlignment = { a: [firstI - 1, bi], b: [firstJ - 1, bj], score: best, matches };
    out.push(alignment);
    for (let k = alignment.a[0]; k < alignment.a[1]; k++) maskedA[k] = 1;
    for (let k = alignment.b[0]; k < alignment.b[1]; k++) maskedB[k] = 1;
  }
  return out;
}
