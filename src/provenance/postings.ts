// Retrieval for the bulk index: a posting list per term key, ranked by BM25
// exactly as SQLite FTS5's bm25() ranked the same rows when the index was
// stored as FTS5 tables (index formats 1–4).
//
// Why our own lists rather than FTS5: FTS5 evaluates bm25() through its
// auxiliary-function API row by row (xInstCount, xInst, xColumnSize for every
// matching row), which was a third of a whole-plan match (~90 ms of ~260 ms,
// 48 queries, kremlin archive, CPU profile 30 Nov 2026), and building the FTS5
// tables cost the build a hash of every key (~0.9 s CPU) and ~0.6 s of inserts
// and merges. A posting list is read once per key and scored in a typed array.
//
// The ranking is FTS5's, term for term (sqlite.org/fts5.html §5.1.1 and
// fts5_aux.c fts5Bm25Function): k1 = 1.2, b = 0.75;
//   idf(q)   = ln((N − n(q) + 0.5) / (n(q) + 0.5)), or 1e-6 when that is ≤ 0,
//   score(D) = Σ_q idf(q) · f(q,D)·(k1 + 1) / (f(q,D) + k1·(1 − b + b·|D|/avgdl)),
// summed in query order, rows ordered by score and then rowid (the order in
// which FTS5 visits rows, kept by SQLite's sorter for ties). N and n(q) count
// the rows of the channel searched; avgdl = tokens / N. FTS5 tables declared
// `columnsize=0` and `content=''` (as ours were) report every row's size |D|
// as −1, so |D|/avgdl is the same small negative constant for every row: no
// length normalisation, which the scorer wants (sqlite-index.ts explains why).
// A test compares the rowids and scores with FTS5's own on real queries.

/** BM25 constants of FTS5's bm25() (fts5_aux.c). */
const K1 = 1.2;
const B = 0.75;
/** The row size FTS5 reports for a contentless table without a size table (see above). */
const ROW_SIZE = -1;

/**
 * A key's posting list: rowids in ascending order, a rowid repeated once per
 * occurrence of the key in that passage (so a run's length is the term
 * frequency f(q,D)).
 */
export type Postings = Int32Array;

/** What BM25 counts over: the rows of one retrieval channel. */
export interface Bm25Channel {
  /** N: rows in the channel. */
  rows: number;
  /** Total term occurrences in the channel's rows (avgdl = tokens / rows). */
  tokens: number;
  /** Only rows with member[rowid] = 1 belong to the channel; absent: every row. */
  member?: Uint8Array;
}

/** Distinct rowids in a posting list (its document frequency), counting only the channel's rows. */
export function distinctRows(list: ArrayLike<number>, member?: Uint8Array): number {
  let n = 0;
  let last = -1;
  for (let i = 0; i < list.length; i++) {
    const row = list[i];
    if (row === last) continue;
    last = row;
    if (!member || member[row] === 1) n++;
  }
  return n;
}

// Per-row sums and marks of the rows touched, reused across queries (reset
// for the touched rows after each). A mark, not a sum of 0, tells a row is
// touched: with a channel whose passages average under ~0.7 terms (mostly
// empty), FTS5's length term makes an addition negative.
let sums = new Float64Array(0);
let marked = new Uint8Array(0);
let touched = new Int32Array(0);
/** Scratch for selectTop's selection (as long as the others: it holds at most one value per touched row). */
let values = new Float64Array(0);

/**
 * The rowids of the `k` rows that rank best by BM25 for the query whose keys'
 * posting lists are `lists` (in query order; rows ranked by score, ties by
 * rowid), as FTS5 returned them for `MATCH 'a OR b OR …' ORDER BY bm25(…)
 * LIMIT k`. Rowids are 1-based and below channel.rows + 1 when the channel is
 * the whole table; `maxRow` bounds them in any case. `hits[i]`, when given,
 * is n(q) of list i in the channel (the stored document frequency for the
 * whole table), else it is counted. Cost: the lists' total length, plus a
 * selection among the distinct rows touched.
 */
export function bm25Top(lists: Postings[], channel: Bm25Channel, k: number, maxRow: number, hits?: ArrayLike<number>): number[] {
  if (k <= 0 || !lists.length) return [];
  if (sums.length < maxRow + 1) {
    sums = new Float64Array(maxRow + 1);
    marked = new Uint8Array(maxRow + 1);
    touched = new Int32Array(maxRow + 1);
    values = new Float64Array(maxRow + 1);
  }
  const { member } = channel;
  const avgdl = channel.tokens / channel.rows;
  // The same expression, in the same order of operations, as fts5_aux.c, so the doubles are the same.
  const norm = K1 * (1 - B + (B * ROW_SIZE) / avgdl);
  let m = 0;
  for (let l = 0; l < lists.length; l++) {
    const list = lists[l];
    const n = hits ? hits[l] : distinctRows(list, member);
    let idf = Math.log((channel.rows - n + 0.5) / (n + 0.5));
    if (idf <= 0.0) idf = 1e-6;
    m = addPostings(list, idf, norm, member, m);
  }
  const top = selectTop(m, k);
  clearTouched(m);
  return top;
}

// The loops over the touched rows (tens of thousands in a query) are functions of their own, so that
// bm25Top and selectTop, which run a few times per point, are never compiled on the stack (OSR) in
// the middle of their first call: that code, made before the code after the loop had ever run, was
// deoptimised there at every later call in the first match of a process.

/** Sums and marks of the `m` touched rows back to zero. */
function clearTouched(m: number): void {
  for (let i = 0; i < m; i++) {
    sums[touched[i]] = 0;
    marked[touched[i]] = 0;
  }
}

/** values[0..m) = the sums of the touched rows. */
function touchedSums(m: number): void {
  for (let i = 0; i < m; i++) values[i] = sums[touched[i]];
}

/** The touched rows whose sum is above `cut` onto `above`, those equal to it onto `at` (in touched order). */
function splitAt(m: number, cut: number, above: number[], at: number[]): void {
  for (let i = 0; i < m; i++) {
    const row = touched[i];
    const s = sums[row];
    if (s > cut) above.push(row);
    else if (s === cut) at.push(row);
  }
}

/** Add one posting list's BM25 terms to the sums of its rows (`m` rows touched so far; returns the new count). */
function addPostings(list: Postings, idf: number, norm: number, member: Uint8Array | undefined, m: number): number {
  for (let i = 0; i < list.length; ) {
    const row = list[i];
    let f = 1;
    while (i + f < list.length && list[i + f] === row) f++;
    i += f;
    if (member && member[row] !== 1) continue;
    if (marked[row] === 0) {
      marked[row] = 1;
      touched[m++] = row;
    }
    sums[row] += idf * ((f * (K1 + 1.0)) / (f + norm));
  }
  return m;
}

/** The k best of the m touched rows, by sum descending then rowid ascending. */
function selectTop(m: number, k: number): number[] {
  const byRank = (a: number, b: number) => sums[b] - sums[a] || a - b;
  // The k-th best sum (a selection, linear on average: sorting all the sums
  // was half of a query's time); then the rows above it, and of the rows
  // equal to it the lowest rowids, ranked. With k rows or fewer, every row is
  // above the cut (one path for both: a branch of its own for few rows was
  // first taken after optimisation and deoptimised the function).
  const few = m <= k;
  touchedSums(m);
  const cut = few ? -Infinity : kthSmallest(values, m, m - k);
  const above: number[] = [];
  const at: number[] = [];
  splitAt(m, cut, above, at);
  at.sort((a, b) => a - b);
  for (let i = 0; above.length < k && i < at.length; i++) above.push(at[i]);
  return above.sort(byRank);
}

/**
 * The element of rank `n` (0-based, ascending) among a[0..m): Hoare's
 * selection with a median-of-three pivot (expected O(m)); reorders a[0..m).
 */
function kthSmallest(a: Float64Array, m: number, n: number): number {
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot value.
    let x = a[lo];
    let y = a[mid];
    let z = a[hi];
    // Swaps through a temporary, not `[x, y] = [y, x]`: the destructuring, first run after
    // optimisation, deoptimised the function.
    if (x > y) {
      const t = x;
      x = y;
      y = t;
    }
    if (y > z) {
      const t = y;
      y = z;
      z = t;
    }
    if (x > y) y = x;
    const pivot = y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (n <= j) hi = j;
    else if (n >= i) lo = i;
    else return a[n];
  }
  return a[n];
}
