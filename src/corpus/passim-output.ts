// Reading passim's output back: aligned passage pairs as plain data.
//
// passim writes Spark output folders of JSON Lines `part-*` files. Two of its
// outputs name both sides of a reuse, and both are read:
// - aligned pairs (`--pairwise`, folder `align.json`): one record per aligned
//   pair, `id`/`begin`/`end` for the first document and `id2`/`begin2`/`end2`
//   for the second (passim 2); older releases spell them `id1`, `b1`, `e1`,
//   `id2`, `b2`, `e2`. `matches`, `score` and the aligned texts `s1`/`s2` are
//   kept when present;
// - clusters (`out.json`): one record per reused passage, `id`, `begin`,
//   `end` and `cluster`; every two passages of one cluster make a pair.
// Offsets are character offsets into the `text` passim was given, which our
// export writes unchanged (export/passim.ts). passim counts characters as
// code points (Python, the JVM's code-point APIs); our offsets are UTF-16
// units, so offsets are converted when a text holds characters outside the BMP.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One aligned pair: a span of one document and the span of another it reuses, offsets in code points. */
export interface PassimPair {
  id1: string;
  begin1: number;
  end1: number;
  id2: string;
  begin2: number;
  end2: number;
  /** Matching characters in the alignment, when passim gives them. */
  matches?: number;
  score?: number;
  /** Where the record came from, for messages: `file:line`. */
  at: string;
}

export class PassimFormatError extends Error {}

/** Record files of a passim output path: the file itself, or the JSON part files of a folder (its `align.json` or `out.json` subfolder first). */
export function passimFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new PassimFormatError(`${path}: no such file or folder (give passim's output folder, its align.json or out.json folder, or one part file)`);
  }
  if (stat.isFile()) return [path];
  for (const sub of ['align.json', 'out.json']) {
    try {
      if (statSync(join(path, sub)).isDirectory()) return passimFiles(join(path, sub));
    } catch {
      // not there: try the next
    }
  }
  const files = readdirSync(path)
    .filter((f) => /^part-.*|\.jsonl?(\.gz)?$/i.test(f) && !f.endsWith('.crc'))
    .sort()
    .map((f) => join(path, f));
  if (!files.length) throw new PassimFormatError(`${path}: no passim output in this folder (expected part-* files, or an align.json / out.json folder)`);
  return files;
}

/** Every aligned pair in a passim output path (see passimFiles). Throws PassimFormatError naming file, line and field. */
export function readPassimPairs(path: string): PassimPair[] {
  const pairs: PassimPair[] = [];
  const clusters = new Map<string, { id: string; begin: number; end: number; at: string }[]>();
  for (const file of passimFiles(path)) {
    const bytes = readFileSync(file);
    const text = (/\.gz$/i.test(file) ? gunzipSync(bytes) : bytes).toString('utf8');
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const at = `${file}:${i + 1}`;
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch (e) {
        throw new PassimFormatError(`${at}: not valid JSON (${(e as Error).message}): passim output has one JSON object a line`);
      }
      if (!record || typeof record !== 'object' || Array.isArray(record)) throw new PassimFormatError(`${at}: each line must be a JSON object`);
      if ('id2' in record) pairs.push(alignedPair(record, at));
      else if ('cluster' in record) {
        const key = String(record.cluster);
        if (!clusters.has(key)) clusters.set(key, []);
        clusters.get(key)!.push({ id: field(record, at, 'id', 'string'), begin: field(record, at, 'begin', 'number'), end: field(record, at, 'end', 'number'), at });
      } else throw new PassimFormatError(`${at}: neither an aligned pair (id2, begin2, end2) nor a cluster member (cluster, begin, end): is this passim output?`);
    });
  }
  for (const members of clusters.values()) {
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const [x, y] = [members[a], members[b]];
        if (x.id !== y.id) pairs.push({ id1: x.id, begin1: x.begin, end1: x.end, id2: y.id, begin2: y.begin, end2: y.end, at: x.at });
      }
    }
  }
  return pairs;
}

function alignedPair(record: Record<string, unknown>, at: string): PassimPair {
  // passim 2 names the first side id/begin/end, passim 1 id1/b1/e1.
  const first = 'id1' in record ? { id: 'id1', begin: 'b1', end: 'e1' } : { id: 'id', begin: 'begin', end: 'end' };
  const second = 'b2' in record ? { begin: 'b2', end: 'e2' } : { begin: 'begin2', end: 'end2' };
  const pair: PassimPair = {
    id1: field(record, at, first.id, 'string'),
    begin1: field(record, at, first.begin, 'number'),
    end1: field(record, at, first.end, 'number'),
    id2: field(record, at, 'id2', 'string'),
    begin2: field(record, at, second.begin, 'number'),
    end2: field(record, at, second.end, 'number'),
    at,
  };
  if (typeof record.matches === 'number') pair.matches = record.matches;
  if (typeof record.score === 'number') pair.score = record.score;
  if (pair.end1 < pair.begin1 || pair.end2 < pair.begin2) throw new PassimFormatError(`${at}: a span ends before it begins`);
  return pair;
}

function field<T extends 'string' | 'number'>(record: Record<string, unknown>, at: string, name: string, type: T): T extends 'string' ? string : number {
  const value = record[name];
  if (type === 'number' ? !Number.isInteger(value) || (value as number) < 0 : typeof value !== 'string' && typeof value !== 'number') {
    throw new PassimFormatError(`${at}: field "${name}" must be ${type === 'number' ? 'a character offset (a whole number ≥ 0)' : 'a document id'} (got ${JSON.stringify(value)})`);
  }
  return (type === 'string' ? String(value) : value) as T extends 'string' ? string : number;
}

/**
 * A code-point offset into `text` as a UTF-16 offset (what `String.slice`
 * takes). Identical unless the text holds characters outside the BMP.
 */
export function utf16Offset(text: string, codePoints: number): number {
  if (!/[\uD800-\uDBFF]/.test(text)) return Math.min(codePoints, text.length);
  let units = 0;
  let seen = 0;
  for (const ch of text) {
    if (seen >= codePoints) break;
    units += ch.length;
    seen++;
  }
  return units;
}
