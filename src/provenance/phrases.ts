// Shared phrases: maximal runs of at least `min` consecutive terms that occur in
// the same order in both sequences (content words only, so "the", "of" and
// other stop words between them do not break a run). Found with the classic
// longest-common-substring table, one row at a time.

export interface Run {
  /** Index of the run's first term in the first sequence. */
  a: number;
  /** Index of the run's first term in the second sequence. */
  b: number;
  length: number;
}

/**
 * Maximal common runs, longest first, chosen greedily so that no two overlap
 * on either side (a stretch of the point is credited to one stretch of the source).
 */
export function sharedRuns(a: string[], b: string[], min = 3): Run[] {
  const found: Run[] = [];
  let prev = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : 0;
      // A run ends here if it cannot be extended by the next pair of terms.
      const extendable = i < a.length && j < b.length && a[i] === b[j];
      if (row[j] >= min && !extendable) found.push({ a: i - row[j], b: j - row[j], length: row[j] });
    }
    [prev, row] = [row, prev];
    row.fill(0);
  }
  found.sort((x, y) => y.length - x.length || x.a - y.a || x.b - y.b);
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);
  const chosen: Run[] = [];
  for (const r of found) {
    let free = true;
    for (let k = 0; k < r.length && free; k++) if (usedA[r.a + k] || usedB[r.b + k]) free = false;
    if (!free) continue;
    for (let k = 0; k < r.length; k++) usedA[r.a + k] = usedB[r.b + k] = 1;
    chosen.push(r);
  }
  return chosen.sort((x, y) => x.a - y.a);
}
