// Smith-Waterman local alignment over term sequences, as text-reuse tools use
// it to find where a passage echoes another despite inserted or changed words.
//
// Departures from the textbook (Smith & Waterman 1981, linear gaps):
// - a match scores the term's weight (its IDF), so a shared rare word
//   ("amnesty") counts for more than a shared common one ("Ukraine");
// - mismatches and gaps cost the same flat penalty;
// - several non-overlapping alignments are taken, Waterman-Eggert style: after
//   each one, its terms on both sides are masked and the table recomputed.

import { objectArray, scratchFloat64, scratchInt32, scratchUint8 } from './scratch.js';

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
  // Keys as small integers and each term's weight looked up once: the table has
  // |a| × |b| cells per round, and comparing strings and calling `weight` in
  // every cell was most of the scorer's time.
  const ids = new Map<string, number>();
  const idA = new Int32Array(a.length);
  const weightA = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    let id = ids.get(a[i]);
    if (id === undefined) ids.set(a[i], (id = ids.size));
    idA[i] = id;
    weightA[i] = weight(a[i]);
  }
  const idB = new Int32Array(b.length);
  for (let j = 0; j < b.length; j++) idB[j] = ids.get(b[j]) ?? -3;
  return localAlignmentsOfIds(idA, weightA, a.length, ids.size, idB, b.length, options);
}

/**
 * localAlignments over keys given as ids: `idA` numbers the first sequence's
 * (`aLength` terms) distinct keys 0 … `distinct` − 1, `idB` gives the
 * second's (`bLength` terms) the same ids (any negative number for a key not
 * in the first); the arrays may be longer than the sequences; `weightA` is each first-sequence term's
 * match weight (`options.weight` is not read). The scorer (score.ts) has the
 * ids at hand and calls this directly.
 */
export function localAlignmentsOfIds(idA: Int32Array, weightA: Float64Array, aLength: number, distinct: number, idB: Int32Array, bLength: number, options: AlignOptions): LocalAlignment[] {
  const max = options.max ?? 3;
  const minScore = options.minScore ?? 0;
  const penalty = options.penalty;
  // A masked term of side a gets id -5, so it never equals anything (side b's ids are ≥ 0, or negative for a key
  // not in a); a masked term of side b is checked in maskedB.
  const maskedA = scratchMaskedA(aLength).fill(0, 0, aLength);
  const maskedB = scratchMaskedB(bLength).fill(0, 0, bLength);
  const out = objectArray<LocalAlignment>();
  const w = bLength + 1;
  // One table for every call, all zeros between calls (a grown one is new, hence zero): a fresh
  // one per pair (up to 1000 × 250 cells) was most of the match's garbage collection.
  const h = scratchTable((aLength + 1) * w);
  const firstA = scratchFirstA(distinct);
  const lastA = scratchLastA(distinct);
  // Round number + 1 for each id found unmasked in b in that round.
  const inB = scratchInB(distinct).fill(0, 0, distinct);
  // The rows written in the previous round, between columns wLoJ and wHiJ: the only cells to clear.
  const rows = scratchRows(aLength + 1);
  let rowsWritten = 0;
  let wLoJ = 1;
  let wHiJ = 0;
  for (let round = 0; round < max; round++) {
    clearRows(h, rows, rowsWritten, w, wLoJ, wHiJ);
    rowsWritten = 0;
    let best = 0;
    let bi = 0;
    let bj = 0;
    // Only the rectangle spanned by the unmasked matching pairs can hold a
    // positive cell that matters: before the first match every cell is 0, and
    // after the last one scores only fall (a cell rises above its neighbours
    // only on a match), so the best cell and its trace-back lie inside.
    firstA.fill(-1, 0, distinct);
    for (let i = 1; i <= aLength; i++) {
      if (maskedA[i - 1]) continue;
      if (firstA[idA[i - 1]] < 0) firstA[idA[i - 1]] = i;
      lastA[idA[i - 1]] = i;
    }
    let loI = aLength + 1;
    let hiI = 0;
    let loJ = bLength + 1;
    let hiJ = 0;
    for (let j = 1; j <= bLength; j++) {
      const id = idB[j - 1];
      if (id < 0 || maskedB[j - 1] || firstA[id] < 0) continue;
      if (j < loJ) loJ = j;
      hiJ = j;
      if (firstA[id] < loI) loI = firstA[id];
      if (lastA[id] > hiI) hiI = lastA[id];
      inB[id] = round + 1;
    }
    // No alignment can score more than the weights of the first sequence's
    // terms that still have a partner (each is matched at most once): when
    // they cannot reach minScore, this round would find nothing to keep, so
    // the table is not filled (a margin keeps rounding from mattering). After
    // the first alignment that was most rounds of most pairs.
    let bound = 0;
    for (let i = 0; i < aLength; i++) if (!maskedA[i] && inB[idA[i]] === round + 1 && weightA[i] > 0) bound += weightA[i];
    if (bound <= 0 || bound * (1 + 1e-9) + 1e-9 < minScore) break;
    wLoJ = loJ;
    wHiJ = hiJ;
    // Side b's ids this round with its masked terms as -2: one comparison per cell.
    const idBr = scratchIdB(bLength);
    for (let j = 0; j < bLength; j++) idBr[j] = maskedB[j] ? -2 : idB[j];
    // Whether the previous row is all zeros (the row above the rectangle is).
    let prevZero = true;
    for (let i = loI; i <= hiI; i++) {
      const ai = maskedA[i - 1] ? -5 : idA[i - 1];
      // Below a row of zeros, a row with no partner of its own in b stays all zeros: it is
      // left as it is (zero), so a pair costs the rows near its matches, not the whole rectangle.
      if (prevZero && (ai < 0 || inB[ai] !== round + 1)) continue;
      rows[rowsWritten++] = i;
      const match = weightA[i - 1];
      const row = i * w;
      const prev = row - w;
      // The cell to the left and the one above-left, carried along the row rather than read again.
      let leftV = h[row + loJ - 1];
      let diagSrc = h[prev + loJ - 1];
      let positive = false;
      for (let j = loJ; j <= hiJ; j++) {
        const upSrc = h[prev + j];
        const diag = diagSrc + (ai === idBr[j - 1] ? match : -penalty);
        const up = upSrc - penalty;
        const left = leftV - penalty;
        let v = diag > up ? diag : up;
        if (left > v) v = left;
        if (v < 0) v = 0;
        h[row + j] = v;
        leftV = v;
        diagSrc = upSrc;
        if (v > 0) {
          positive = true;
          if (v > best) {
            best = v;
            bi = i;
            bj = j;
          }
        }
      }
      prevZero = !positive;
    }
    if (best <= 0 || best < minScore) break;
    // Trace back from the best cell to where the score first rose from zero.
    let i = bi;
    let j = bj;
    let matches = 0;
    let firstI = bi;
    let firstJ = bj;
    // Each step tests the three ways back, then moves once: arithmetic written in a branch of its
    // own (a gap in side a, say) deoptimised the optimised code the first time that branch ran.
    while (i > 0 && j > 0 && h[i * w + j] > 0) {
      const v = h[i * w + j];
      const same = !maskedA[i - 1] && !maskedB[j - 1] && idA[i - 1] === idB[j - 1];
      const fromDiag = Math.abs(v - (h[(i - 1) * w + j - 1] + weightA[i - 1])) < 1e-9;
      const fromUp = Math.abs(v - (h[(i - 1) * w + j] - penalty)) < 1e-9;
      const fromLeft = Math.abs(v - (h[i * w + j - 1] - penalty)) < 1e-9;
      let di = 1;
      let dj = 1;
      if (same && fromDiag) {
        matches++;
        firstI = i;
        firstJ = j;
      } else if (fromUp) dj = 0;
      else if (fromLeft) di = 0;
      i -= di;
      j -= dj;
    }
    const alignment: LocalAlignment = { a: [firstI - 1, bi], b: [firstJ - 1, bj], score: best, matches };
    out.push(alignment);
    for (let k = alignment.a[0]; k < alignment.a[1]; k++) maskedA[k] = 1;
    for (let k = alignment.b[0]; k < alignment.b[1]; k++) maskedB[k] = 1;
  }
  // Back to all zeros for the next call (nothing in the rounds can throw).
  clearRows(h, rows, rowsWritten, w, wLoJ, wHiJ);
  return out;
}

/**
 * Zero columns [loJ, hiJ] of the `count` table rows listed in `rows` (rows of
 * width `w`). One function for the two places that clear, so the second,
 * reached late, shares the first's type feedback instead of deoptimising.
 */
function clearRows(h: Float64Array, rows: Int32Array, count: number, w: number, loJ: number, hiJ: number): void {
  for (let n = 0; n < count; n++) h.fill(0, rows[n] * w + loJ, rows[n] * w + hiJ + 1);
}

// Room for a 60-term point against a 1,000-term passage from the start (512 KB), so the table
// rarely grows in the middle of a match (see scratch.ts).
const scratchTable = scratchFloat64(65_536);
const scratchMaskedA = scratchUint8();
const scratchMaskedB = scratchUint8();
const scratchFirstA = scratchInt32();
const scratchLastA = scratchInt32();
const scratchInB = scratchInt32();
const scratchIdB = scratchInt32();
const scratchRows = scratchInt32();
