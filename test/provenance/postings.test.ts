// Retrieval over our posting lists must rank as SQLite FTS5's bm25() ranked the
// same rows (postings.ts): the bulk index kept FTS5's ranking when it stopped
// storing FTS5 tables, so recall and the learned ranker's BM25-rank feature
// are unchanged. Checked against FTS5 itself on real passages and real plan
// points, and against a plain sort on random lists.
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { SHORT_PASSAGE_TERMS } from '../../src/provenance/index-build.js';
import { documentPassages } from '../../src/provenance/passages.js';
import { bm25Top, type Bm25Channel } from '../../src/provenance/postings.js';
import { int32Blob, readInt32s } from '../../src/util/int32-blob.js';
import { termsOf } from '../../src/provenance/terms.js';
import { tokenize } from '../../src/text/tokenize.js';

const sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');

/** FTS5's bm25 sum for one row, written out plainly (fts5_aux.c), for the random lists. */
function plainTop(lists: number[][], channel: Bm25Channel, k: number): number[] {
  const sums = new Map<number, number>();
  const norm = 1.2 * (1 - 0.75 + (0.75 * -1) / (channel.tokens / channel.rows));
  for (const list of lists) {
    const tf = new Map<number, number>();
    for (const row of list) if (!channel.member || channel.member[row] === 1) tf.set(row, (tf.get(row) ?? 0) + 1);
    let idf = Math.log((channel.rows - tf.size + 0.5) / (tf.size + 0.5));
    if (idf <= 0) idf = 1e-6;
    for (const [row, f] of tf) sums.set(row, (sums.get(row) ?? 0) + idf * ((f * 2.2) / (f + norm)));
  }
  return [...sums].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k).map(([row]) => row);
}

describe('posting lists ranked by BM25', () => {
  it('return the rows FTS5 returned, in its order, for every point of the shipped plans on real passages', () => {
    // Real passages: the shipped statements and the first 1,500 pages of the kremlin bulk file.
    const lines = gunzipSync(readFileSync('data/bulk/kremlin-en-2000-2020.jsonl.gz')).toString('utf8').split('\n').slice(0, 1500).join('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'postings-')), 'kremlin.jsonl');
    writeFileSync(file, lines);
    const bulk = loadCorpus({ corpora: [file], builtin: false });
    const builtin = loadCorpus({});
    const passages = [...builtin.documents.filter((d) => d.kind === 'statement'), ...bulk.documents].flatMap(documentPassages);
    expect(passages.length).toBeGreaterThan(15_000);

    // The same rows twice: as the FTS5 tables of index format 4 (one ascii token per key) and as posting lists.
    const db = new sqlite(':memory:');
    db.exec(`CREATE VIRTUAL TABLE fts USING fts5(keys, content='', columnsize=0, tokenize='ascii');
             CREATE VIRTUAL TABLE fts_short USING fts5(keys, content='', columnsize=0, tokenize='ascii');`);
    const tokenOf = new Map<string, string>();
    const token = (key: string) => tokenOf.get(key) ?? (tokenOf.set(key, `k${tokenOf.size}`), `k${tokenOf.size - 1}`);
    const lists = new Map<string, number[]>();
    const member = new Uint8Array(passages.length + 1);
    const main: Bm25Channel = { rows: passages.length, tokens: 0 };
    const short: Bm25Channel = { rows: 0, tokens: 0, member };
    const insert = db.prepare('INSERT INTO fts (rowid, keys) VALUES (?, ?)');
    const insertShort = db.prepare('INSERT INTO fts_short (rowid, keys) VALUES (?, ?)');
    db.transaction(() => {
      passages.forEach((p, i) => {
        const rowid = i + 1;
        const text = p.terms.map((t) => token(t.key)).join(' ');
        insert.run(rowid, text);
        main.tokens += p.terms.length;
        if (p.terms.length <= SHORT_PASSAGE_TERMS) {
          insertShort.run(rowid, text);
          member[rowid] = 1;
          short.rows++;
          short.tokens += p.terms.length;
        }
        for (const t of p.terms) (lists.get(t.key) ?? lists.set(t.key, []).get(t.key)!).push(rowid);
      });
    })();
    // Stored and read back as the index does.
    const postings = new Map([...lists].map(([key, rows]) => [key, readInt32s(int32Blob(rows))]));

    const ftsTop = db.prepare('SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT ?').pluck();
    const ftsShortTop = db.prepare('SELECT rowid FROM fts_short WHERE fts_short MATCH ? ORDER BY bm25(fts_short) LIMIT ?').pluck();
    let queries = 0;
    let tied = 0;
    for (const plan of builtin.documents.filter((d) => d.kind === 'plan')) {
      for (const seg of plan.segments.filter((s) => s.kind === 'point')) {
        const keys = [...new Set(termsOf(tokenize(plan.text.slice(seg.start, seg.end), plan.language)).map((t) => t.key))].filter((k) => postings.has(k));
        if (!keys.length) continue;
        const match = keys.map(token).join(' OR ');
        for (const [select, channel, k] of [
          [ftsTop, main, 40],
          [ftsShortTop, short, 20],
        ] as const) {
          const expected = select.all(match, k) as number[];
          const got = bm25Top(
            keys.map((key) => postings.get(key)!),
            channel,
            k,
            passages.length,
          );
          expect(got, `${plan.id} ${seg.id}`).toEqual(expected);
          queries++;
          if (expected.length === k) tied++;
        }
      }
    }
    expect(queries).toBeGreaterThan(100);
    // Most queries fill k, so the cut at the k-th row (ties by rowid) is exercised.
    expect(tied).toBeGreaterThan(queries / 2);
  });

  it('rank random lists as a plain sort of the BM25 sums does, ties by rowid', () => {
    const list = fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 40 }).map((rows) => rows.sort((a, b) => a - b));
    fc.assert(
      fc.property(fc.array(list, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 30 }), fc.boolean(), (lists, k, withShort) => {
        const member = withShort ? Uint8Array.from({ length: 61 }, (_, i) => i % 3 === 0 ? 1 : 0) : undefined;
        const channel: Bm25Channel = { rows: 60, tokens: 200, member };
        const got = bm25Top(lists.map((l) => Int32Array.from(l)), channel, k, 60);
        expect(got).toEqual(plainTop(lists, channel, k));
      }),
      { numRuns: 500 },
    );
  });
});
