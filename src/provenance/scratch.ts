// Reusable typed arrays for the scorer's per-pair tables. A whole-plan match
// at 100,000 passages scores ~12,000 pairs, each with a dozen small tables;
// allocating them afresh was a fifth of scoreWholePair's own time (CPU
// profile, kremlin archive). Each caller owns its buffers (one `scratch…()`
// per table, made once at module level) and must not hand them to code that
// uses the same buffer; contents are left over from the last use unless the
// caller clears them.

/** A growable Int32Array: `get(n)` returns one of at least n elements (old contents kept or not). */
export function scratchInt32(): (n: number) => Int32Array {
  let buf = new Int32Array(256);
  return (n) => (buf.length >= n ? buf : (buf = new Int32Array(Math.max(n, buf.length * 2))));
}

export function scratchFloat64(): (n: number) => Float64Array {
  let buf = new Float64Array(256);
  return (n) => (buf.length >= n ? buf : (buf = new Float64Array(Math.max(n, buf.length * 2))));
}

export function scratchUint8(): (n: number) => Uint8Array {
  let buf = new Uint8Array(256);
  return (n) => (buf.length >= n ? buf : (buf = new Uint8Array(Math.max(n, buf.length * 2))));
}
