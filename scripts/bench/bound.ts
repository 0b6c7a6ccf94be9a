// Yardsticks for the index build (issue 16), measured on the same bulk file:
// - the bound: stream the file (gunzip, readline), JSON.parse each record and
//   split its text into lower-cased words with one plain regex. No index can
//   be built faster than its input can be read and split;
// - bare FTS5: the same passages (blank-line paragraphs) as raw text in an
//   FTS5 table with SQLite's own `porter unicode61` tokenizer, one
//   transaction: what the database alone costs, with no terms of ours;
// - the vocabulary: token and type counts, the share of types seen once, and
//   the Zipf exponent (least-squares slope of log frequency on log rank, ranks
//   10–10,000), to check a synthetic corpus against the real one.
import { createReadStream, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

const WORD = /[\p{L}\p{N}]+/gu;

export interface Vocabulary {
  tokens: number;
  types: number;
  /** Share of types seen once. */
  hapaxShare: number;
  /** Zipf exponent s in frequency ∝ rank^-s. */
  zipf: number;
}

/** Stream, parse and plain-tokenise a JSON Lines (.gz) file; returns the time and, if asked, the vocabulary. */
export async function streamingBound(file: string, vocabulary = false): Promise<{ ms: number; records: number; vocabulary?: Vocabulary }> {
  const began = performance.now();
  const counts = new Map<string, number>();
  let records = 0;
  let tokens = 0;
  const raw = createReadStream(file);
  const input = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  input.setEncoding('utf8');
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (!line) continue;
    const text = (JSON.parse(line) as { text: string }).text.toLowerCase();
    records++;
    for (const m of text.matchAll(WORD)) {
      tokens++;
      if (vocabulary) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    }
  }
  const ms = performance.now() - began;
  return { ms, records, ...(vocabulary ? { vocabulary: vocabularyOf(counts, tokens) } : {}) };
}

function vocabularyOf(counts: Map<string, number>, tokens: number): Vocabulary {
  const freqs = [...counts.values()].sort((a, b) => b - a);
  let [n, sx, sy, sxx, sxy] = [0, 0, 0, 0, 0];
  for (let r = 10; r <= Math.min(10_000, freqs.length); r++) {
    const [x, y] = [Math.log(r), Math.log(freqs[r - 1])];
    n++;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const slope = n > 1 ? (n * sxy - sx * sy) / (n * sxx - sx * sx) : 0;
  return { tokens, types: freqs.length, hapaxShare: freqs.filter((f) => f === 1).length / Math.max(1, freqs.length), zipf: -slope };
}

/** Build a bare FTS5 index (porter unicode61) over `passages` in one transaction; milliseconds. */
export function bareFts5(passages: string[], path: string): number {
  const Database = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');
  rmSync(path, { force: true });
  const began = performance.now();
  const db = new Database(path);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec("CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='porter unicode61')");
  const insert = db.prepare('INSERT INTO fts (rowid, text) VALUES (?, ?)');
  db.transaction(() => passages.forEach((p, i) => insert.run(i + 1, p)))();
  db.close();
  const ms = performance.now() - began;
  rmSync(path, { force: true });
  return ms;
}
