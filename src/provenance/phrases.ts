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
  // Keys as small integers (a key of b not in a gets -1): the table compares
  // |a| × |b| pairs, and integer comparisons are several times cheaper than strings.
  const ids = new Map<string, number>();
  const ia = new Int32Array(a.length + 1).fill(-2);
  for (let i = 0; i < a.length; i++) {
    let id = ids.get(a[i]);
    if (id === undefined) ids.set(a[i], (id = ids.size));
    ia[i] = id;
  }
  const ib = new Int32Array(b.length + 1).fill(-3);
  for (let j = 0; j < b.length; j++) ib[j] = ids.get(b[j]) ?? -1;
  return sharedRunsOfIds(ia, a.length, ib, b.length, min);
}

/**
 * sharedRuns over keys given as ids: `ia` holds the first sequence's ids
 * (≥ 0) and -2 at index `aLength`, `ib` the second's (the same ids, -1 for a
 * key not in the first) and -3 at index `bLength`. The scorer (score.ts) has
 * the ids at hand and calls this directly.
 */
export function sharedRunsOfIds(ia: Int32Array, aLength: number, ib: Int32Array, bLength: number, min = 3): Run[] {
  const found: Run[] = [];
  let prev = new Int32Array(bLength + 1);
  let row = new Int32Array(bLength + 1);
  for (let i = 1; i <= aLength; i++) {
    const x = ia[i - 1];
    const next = i < aLength ? ia[i] : -4;
    for (let j = 1; j <= bLength; j++) {
      const r = x === ib[j - 1] ? prev[j - 1] + 1 : 0;
      row[j] = r;
      // A run ends here if it cannot be extended by the next pair of terms.
      if (r >= min && !(j < bLength && next === ib[j])) found.push({ a: i - r, b: j - r, length: r });
    }
    [prev, row] = [row, prev];
    row.fill(0);
  }
  found.sort((x, y) => y.length - x.length || x.a - y.a || x.b - y.b);
  const usedA = new Uint8Array(aLength);
  const usedB = new Uint8Array(bLength);
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
