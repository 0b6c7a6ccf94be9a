// Reusable typed arrays for the scorer's per-pair tables. A whole-plan match
// at 100,000 passages scores ~12,000 pairs, each with a dozen small tables;
// allocating them afresh was a fifth of scoreWholePair's own time (CPU
// profile, kremlin archive). Each caller owns its buffers (one `scratch…()`
// per table, made once at module level) and must not hand them to code that
// uses the same buffer; contents are left over from the last use unless the
// caller clears them.
//
// Each buffer starts with room for 4,096 elements (longer than any real
// passage's terms), and is made by the same growing code that enlarges it: the
// first growth in the middle of a match deoptimised the scorer functions that
// inline these getters ("insufficient type feedback"), which were then
// compiled again.

const INITIAL = 4_096;

/** A growable Int32Array: `get(n)` returns one of at least n elements (old contents kept or not); room for `initial` from the start. */
export function scratchInt32(initial = INITIAL): (n: number) => Int32Array {
  let buf = new Int32Array(0);
  const get = (n: number) => (buf.length >= n ? buf : (buf = new Int32Array(Math.max(n, buf.length * 2))));
  get(initial);
  return get;
}

export function scratchFloat64(initial = INITIAL): (n: number) => Float64Array {
  let buf = new Float64Array(0);
  const get = (n: number) => (buf.length >= n ? buf : (buf = new Float64Array(Math.max(n, buf.length * 2))));
  get(initial);
  return get;
}

export function scratchUint8(initial = INITIAL): (n: number) => Uint8Array {
  let buf = new Uint8Array(0);
  const get = (n: number) => (buf.length >= n ? buf : (buf = new Uint8Array(Math.max(n, buf.length * 2))));
  get(initial);
  return get;
}

/**
 * An empty array whose elements kind is already "objects": a literal `[]`
 * starts as an array of small integers and changes kind (hidden class) at its
 * first push of an object, so code that handles arrays of results met two
 * kinds, one of them first seen after it was optimised, and was deoptimised
 * and compiled again. Arrays that are often left empty (no alignment, no
 * phrase, no pair kept) are made with this.
 */
export function objectArray<T extends object>(): T[] {
  const a: object[] = [PLACEHOLDER];
  a.length = 0;
  return a as T[];
}

const PLACEHOLDER = {};
