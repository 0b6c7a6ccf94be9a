// Shared phrases: maximal runs of at least `min` consecutive terms that occur in
// the same order in both sequences (content words only, so "the", "of" and
// other stop words between them do not break a run). Found with the classic
// longest-common-substring table, one row at a time.

import { objectArray, scratchInt32, scratchUint8 } from './scratch.js';

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
export function sharedRuns(a: string[], b: string[], min = 3): readonly Run[] {
  // Keys as small integers (a key of b not in a gets -1): the table compares
  // |a| × |b| pairs, and integer comparisons are several times cheaper than strings.
  const ids = new Map<string, number>();
  const ia = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) {
    let id = ids.get(a[i]);
    if (id === undefined) ids.set(a[i], (id = ids.size));
    ia[i] = id;
  }
  const ib = new Int32Array(b.length);
  for (let j = 0; j < b.length; j++) ib[j] = ids.get(b[j]) ?? -1;
  return sharedRunsOfIds(ia, a.length, ib, b.length, ids.size, min);
}

/**
 * sharedRuns over keys given as ids: `ia` holds the first sequence's ids
 * (0 … `distinct` − 1) for its `aLength` terms, `ib` the second's (the same
 * ids, -1 for a key not in the first) for its `bLength` terms; the arrays may
 * be longer. The scorer (score.ts) has the ids at hand and calls this directly.
 *
 * The table is filled only where the two sides match: each row visits the
 * places in `b` of its own key (a run can only grow on a match), so a pair
 * costs the number of matching term pairs instead of |a| × |b| cells, with
 * the same runs found. Read-only: pairs with no run share one empty array.
 */
export function sharedRunsOfIds(ia: Int32Array, aLength: number, ib: Int32Array, bLength: number, distinct: number, min = 3): readonly Run[] {
  const found = foundRuns;
  found.length = 0;
  // Places of each key in b, ascending: places[start[id] … start[id + 1]).
  const start = scratchStart(distinct + 1).fill(0, 0, distinct + 1);
  for (let j = 0; j < bLength; j++) if (ib[j] >= 0) start[ib[j] + 1]++;
  for (let d = 0; d < distinct; d++) start[d + 1] += start[d];
  const places = scratchPlaces(bLength);
  const fill = scratchFill(distinct).fill(0, 0, distinct);
  for (let j = 0; j < bLength; j++) if (ib[j] >= 0) places[start[ib[j]] + fill[ib[j]]++] = j;
  // Run lengths ending at each column of the previous and this row (0 where no run ends), all zero between calls.
  let prev = scratchRowA(bLength + 1);
  let row = scratchRowB(bLength + 1);
  for (let i = 1; i <= aLength; i++) {
    const x = ia[i - 1];
    const next = i < aLength ? ia[i] : -4;
    for (let n = start[x]; n < start[x + 1]; n++) {
      const j = places[n] + 1;
      const r = prev[j - 1] + 1;
      row[j] = r;
      // A run ends here if it cannot be extended by the next pair of terms (tested in every cell, not only
      // once a run is long enough: a comparison first made after optimisation deoptimised the function).
      const ends = next !== (j < bLength ? ib[j] : -5);
      if (r >= min && ends) found.push({ a: i - r, b: j - r, length: r });
    }
    // The previous row's cells go back to zero before the array serves as the next row.
    if (i >= 2) for (let n = start[ia[i - 2]]; n < start[ia[i - 2] + 1]; n++) prev[places[n] + 1] = 0;
    const done = prev;
    prev = row;
    row = done;
  }
  if (aLength >= 1) for (let n = start[ia[aLength - 1]]; n < start[ia[aLength - 1] + 1]; n++) prev[places[n] + 1] = 0;
  // Most pairs share no phrase.
  if (!found.length) return NO_RUNS;
  found.sort((x, y) => y.length - x.length || x.a - y.a || x.b - y.b);
  const usedA = scratchUsedA(aLength).fill(0, 0, aLength);
  const usedB = scratchUsedB(bLength).fill(0, 0, bLength);
  const chosen = objectArray<Run>();
  for (const r of found) {
    let free = true;
    for (let k = 0; k < r.length && free; k++) if (usedA[r.a + k] || usedB[r.b + k]) free = false;
    if (!free) continue;
    for (let k = 0; k < r.length; k++) usedA[r.a + k] = usedB[r.b + k] = 1;
    chosen.push(r);
  }
  found.length = 0;
  return chosen.sort((x, y) => x.a - y.a);
}

/** The runs found in one call, before they are chosen (reused; scratch.ts objectArray says why not `[]`). */
const foundRuns = objectArray<Run>();
/** What a pair with no shared phrase gets (callers only read it). */
const NO_RUNS: readonly Run[] = objectArray<Run>();

const scratchStart = scratchInt32();
const scratchPlaces = scratchInt32();
const scratchFill = scratchInt32();
// Kept all zeros by sharedRuns (a grown array is new, hence zero).
const scratchRowA = scratchInt32();
const scratchRowB = scratchInt32();
const scratchUsedA = scratchUint8();
const scratchUsedB = scratchUint8();
