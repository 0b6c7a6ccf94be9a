// What reading a bulk file (JSON Lines, CSV) yielded, kept beside it
// (`<file>.load-cache`, or the system's temporary folder) so that the next run
// on the same bytes skips gunzip, JSON.parse, field checks and paragraph
// segmentation: for the kremlin archive (6,807 pages, 97,828 passages) ~0.1 s
// instead of ~0.5 s, which is most of a warm `provenance match`'s load.
//
// What is kept is the file's *events* in file order — each record's issues,
// each document with its line, the unknown fields — not the corpus they made:
// whether a document is a duplicate depends on what was loaded before the file
// (the shipped corpora, other files), so replaying the events through the same
// RecordSink gives exactly what reading the file again would.
//
// Layout (little-endian): "PPLC" | u32 format | key (64 hex characters) |
// u32 header length | u32 CRC-32 of header, cells and texts | header (v8.serialize: events, documents without text
// and segments, segment shapes, value table) | padding to 4 bytes | Int32
// segment cells | texts, UTF-16, concatenated.
// Segments are columns, not objects, because 97,828 segment objects through
// v8.deserialize or JSON.parse took ~130–170 ms, as long as the rest together.
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import { tempPathFor } from './atomic-write.js';
import type { Document, LoadIssue, Segment } from './types.js';

/** Bumped when the layout changes. */
const FORMAT = 3;
const MAGIC = 0x434c5050; // "PPLC" read as a little-endian u32
/** The key is a hex SHA-256 (bulk-file.ts cacheSlot). */
const KEY_BYTES = 64;
/** Magic, format, key, header length, CRC-32 of the header, cells and texts. */
const FIXED_BYTES = 8 + KEY_BYTES + 8;
/** Texts are read through a buffer of this size (textReader). */
const TEXT_CHUNK_BYTES = 1 << 20;

/**
 * Files below this size are read, not cached: the cache pays on large files
 * only (the kremlin archive is 6.2 MB gzipped), and small ones, most test
 * fixtures and hand-made files among them, get no file beside them.
 */
export const CACHE_FROM_BYTES = 1_000_000;

/** One thing reading a bulk file did, in file order. */
export type BulkEvent =
  | { kind: 'issue'; issue: LoadIssue }
  | { kind: 'document'; document: Document; line: number }
  | { kind: 'unknown'; fields: string[]; line: number };

interface Header {
  /** Events, with each document replaced by its number in `documents`. */
  events: (Exclude<BulkEvent, { kind: 'document' }> | { kind: 'document'; document: number; line: number })[];
  /** Documents with `text: ''` and `segments: []` (kept so their keys stay in place). */
  documents: Document[];
  textLengths: Int32Array;
  segmentCounts: Int32Array;
  /** Per segment, its shape's number. */
  segmentShapes: Int32Array;
  /** Per shape, its keys in order and whether each key's value is an Int32 cell (else a number in `values`). */
  shapes: { keys: string[]; int: boolean[] }[];
  values: unknown[];
  cells: number;
  textUnits: number;
}

/**
 * The events stored at `path` under `key`, or undefined when there is no
 * cache, it was made for other bytes or code (another key), or it cannot be
 * read whole. Documents come back equal to the stored ones, key order and
 * undefined-valued keys included. Never throws.
 */
export function readBulkCache(path: string, key: string): BulkEvent[] | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    // The fixed part first: a cache made for other bytes or code is rejected without reading the rest.
    const fixed = Buffer.alloc(FIXED_BYTES);
    if (readSync(fd, fixed, 0, FIXED_BYTES, 0) !== FIXED_BYTES) return undefined;
    if (fixed.readUInt32LE(0) !== MAGIC || fixed.readUInt32LE(4) !== FORMAT || fixed.toString('latin1', 8, 8 + KEY_BYTES) !== key) return undefined;
    const headerBytes = fixed.readUInt32LE(8 + KEY_BYTES);
    const stored = fixed.readUInt32LE(12 + KEY_BYTES);
    const head = Buffer.allocUnsafe(headerBytes);
    if (readSync(fd, head, 0, headerBytes, FIXED_BYTES) !== headerBytes) return undefined;
    const sum = { crc: crc32(head) };
    const header = deserialize(head) as Header;
    const cellsAt = align4(FIXED_BYTES + headerBytes);
    const textAt = cellsAt + header.cells * 4;
    if (fstatSync(fd).size !== textAt + header.textUnits * 2) return undefined;
    const cellBytes = new Uint8Array(header.cells * 4);
    if (readSync(fd, cellBytes, 0, cellBytes.length, cellsAt) !== cellBytes.length) return undefined;
    sum.crc = crc32(cellBytes, sum.crc);
    const documents = rebuildDocuments(header, new Int32Array(cellBytes.buffer), textReader(fd, textAt, sum));
    // A damaged file of the right size (a bit flipped, blocks zeroed after a power cut) is not trusted.
    if (sum.crc !== stored) return undefined;
    return header.events.map((e) => (e.kind === 'document' ? { kind: 'document', document: documents[e.document], line: e.line } : e));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Store `events` at `path` under `key` (a hex SHA-256): written to a temporary file in the same
 * folder and renamed, so a reader sees the old cache or the new, never half.
 * Returns false, and writes nothing, when a segment holds a value the layout
 * cannot keep exactly or the folder cannot be written; never throws.
 */
export function writeBulkCache(path: string, key: string, events: BulkEvent[]): boolean {
  if (!/^[0-9a-f]{64}$/.test(key)) return false;
  const encoded = encode(key, events);
  if (!encoded) return false;
  const temp = tempPathFor(path);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      for (const part of encoded) for (let done = 0; done < part.length; ) done += writeSync(fd, part, done);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    return true;
  } catch {
    rmSync(temp, { force: true });
    return false;
  }
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

function encode(key: string, events: BulkEvent[]): Buffer[] | undefined {
  const documents: Document[] = [];
  const texts: string[] = [];
  const textLengths: number[] = [];
  const segmentCounts: number[] = [];
  const segmentShapes: number[] = [];
  const shapes: Header['shapes'] = [];
  const shapeOf = new Map<string, number>();
  const values: unknown[] = [];
  const valueOf = new Map<unknown, number>();
  const cells: number[] = [];
  const stored: Header['events'] = [];
  let last: number | undefined;
  for (const e of events) {
    if (e.kind !== 'document') {
      stored.push(e);
      continue;
    }
    const d = e.document;
    stored.push({ kind: 'document', document: documents.length, line: e.line });
    documents.push({ ...d, text: '', segments: [] });
    texts.push(d.text);
    textLengths.push(d.text.length);
    segmentCounts.push(d.segments.length);
    for (const s of d.segments) {
      const seg = s as unknown as Record<string, unknown>;
      const keys = Object.keys(seg);
      // Nearly every segment has the previous one's shape: compare with it before naming the shape.
      let shape = last !== undefined && sameShape(shapes[last], keys, seg) ? last : undefined;
      if (shape === undefined) {
        const int = keys.map((k) => isInt32(seg[k]));
        const name = keys.map((k, i) => `${k}${int[i] ? '#' : ''}`).join(',');
        shape = shapeOf.get(name);
        if (shape === undefined) {
          shape = shapes.length;
          shapes.push({ keys, int });
          shapeOf.set(name, shape);
        }
      }
      last = shape;
      const { int } = shapes[shape];
      segmentShapes.push(shape);
      for (let i = 0; i < keys.length; i++) {
        const v = seg[keys[i]];
        if (int[i]) {
          cells.push(v as number);
          continue;
        }
        // Only values that are their own identity can share a slot (an array or object would be shared by reference).
        if (v !== null && typeof v === 'object') return undefined;
        let n = valueOf.get(v);
        if (n === undefined) {
          n = values.length;
          values.push(v);
          valueOf.set(v, n);
        }
        cells.push(n);
      }
    }
  }
  // Each text written where it goes: joining them first cost a copy of ~36 MB (kremlin) more.
  const textUnits = textLengths.reduce((a, b) => a + b, 0);
  const textBytes = Buffer.allocUnsafe(textUnits * 2);
  let at = 0;
  for (const t of texts) at += textBytes.write(t, at, 'utf16le');
  const header: Header = {
    events: stored,
    documents,
    textLengths: Int32Array.from(textLengths),
    segmentCounts: Int32Array.from(segmentCounts),
    segmentShapes: Int32Array.from(segmentShapes),
    shapes,
    values,
    cells: cells.length,
    textUnits,
  };
  const head = serialize(header);
  const fixed = Buffer.alloc(FIXED_BYTES);
  fixed.writeUInt32LE(MAGIC, 0);
  fixed.writeUInt32LE(FORMAT, 4);
  fixed.write(key, 8, KEY_BYTES, 'latin1');
  fixed.writeUInt32LE(head.length, 8 + KEY_BYTES);
  // Cells start on a 4-byte boundary, so they can be read in place.
  const padding = Buffer.alloc(align4(FIXED_BYTES + head.length) - FIXED_BYTES - head.length);
  const cellBytes = Buffer.from(Int32Array.from(cells).buffer);
  // zlib's CRC-32 (~16 ms for kremlin's 45 MB): checks the bytes, not their author (a cache beside the user's own file).
  fixed.writeUInt32LE(crc32(textBytes, crc32(cellBytes, crc32(head))), 12 + KEY_BYTES);
  return [fixed, head, padding, cellBytes, textBytes];
}

/** True when `seg` has exactly `shape`'s keys, in its order, with an Int32 value where the shape has one. */
function sameShape(shape: Header['shapes'][number], keys: string[], seg: Record<string, unknown>): boolean {
  if (shape.keys.length !== keys.length) return false;
  for (let i = 0; i < keys.length; i++) if (shape.keys[i] !== keys[i] || shape.int[i] !== isInt32(seg[keys[i]])) return false;
  return true;
}

function isInt32(v: unknown): boolean {
  return typeof v === 'number' && (v | 0) === v && !Object.is(v, -0);
}

/**
 * The texts, one after another, read from `fd` at `at` through one reused
 * buffer: reading the 36 MB of kremlin's texts into one Buffer and one string
 * cost a full collection of the heap and ~100 ms of page faults in a warm run
 * (CPU profile); a document's text is its own string either way.
 */
function textReader(fd: number, at: number, sum: { crc: number }): (units: number) => string {
  let chunk = Buffer.allocUnsafe(TEXT_CHUNK_BYTES);
  let from = 0;
  let to = 0;
  return (units) => {
    const bytes = units * 2;
    if (to - from < bytes) {
      // Keep what is left of the chunk, then fill it up (grown for a text longer than a chunk).
      const left = chunk.subarray(from, to);
      if (bytes > chunk.length) {
        const grown = Buffer.allocUnsafe(bytes);
        left.copy(grown);
        chunk = grown;
      } else left.copy(chunk);
      to = left.length;
      from = 0;
      const read = readSync(fd, chunk, to, chunk.length - to, at);
      // Checked as read, a megabyte at a time (per text it was ~40 ms more for kremlin's 6,807 calls).
      sum.crc = crc32(chunk.subarray(to, to + read), sum.crc);
      at += read;
      to += read;
      if (to < bytes) throw new Error('the load cache ends early');
    }
    const text = chunk.toString('utf16le', from, from + bytes);
    from += bytes;
    return text;
  };
}

function rebuildDocuments(header: Header, cells: Int32Array, text: (units: number) => string): Document[] {
  const { documents, textLengths, segmentCounts, segmentShapes, values } = header;
  const makers = header.shapes.map(segmentMaker);
  let segment = 0;
  let cell = 0;
  for (let d = 0; d < documents.length; d++) {
    const doc = documents[d];
    doc.text = text(textLengths[d]);
    const segments: Segment[] = [];
    for (let i = 0; i < segmentCounts[d]; i++) {
      const shape = segmentShapes[segment++];
      segments.push(makers[shape](cells, cell, values));
      cell += header.shapes[shape].keys.length;
    }
    doc.segments = segments;
  }
  return documents;
}

type SegmentMaker = (cells: Int32Array, at: number, values: unknown[]) => Segment;

/**
 * A function that builds one segment of `shape` as an object literal, so every
 * segment of a shape gets one hidden class at once (filling `{}` key by key
 * was ~4 times slower, ~100 ms for kremlin in a large heap). Keys enter the
 * code only as JSON string literals, so a hostile cache cannot inject code.
 */
function segmentMaker(shape: Header['shapes'][number]): SegmentMaker {
  const fields = shape.keys.map((k, i) => `${JSON.stringify(k)}: ${shape.int[i] ? `c[a + ${i}]` : `v[c[a + ${i}]]`}`);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('c', 'a', 'v', `return { ${fields.join(', ')} };`) as SegmentMaker;
}
