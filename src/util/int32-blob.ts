// Int32 arrays stored as SQLite blobs (the bulk index's posting lists and
// passage terms): little-endian, the byte order of every platform Node runs on.

/** `values` as a blob; a typed array is not copied (better-sqlite3 copies what it binds). */
export function int32Blob(values: Int32Array | number[]): Buffer {
  const typed = values instanceof Int32Array ? values : Int32Array.from(values);
  return Buffer.from(typed.buffer, typed.byteOffset, typed.byteLength);
}

/** A blob read back as Int32 values: a view of its bytes, or a copy when they are not 4-byte aligned. */
export function readInt32s(blob: Uint8Array): Int32Array {
  if (blob.byteOffset % 4 === 0) return new Int32Array(blob.buffer, blob.byteOffset, blob.byteLength >> 2);
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Int32Array(copy.buffer);
}
