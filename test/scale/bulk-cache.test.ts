// The load cache of a bulk file (src/corpus/bulk-cache.ts): a second load of
// the same bytes replays what the first read yielded, and must give exactly
// what reading the file again gives — documents (key order and undefined
// keys included), issues in order, duplicates judged against what was loaded
// before — and must never be trusted when the file, or the cache, changed.
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { addBulkFile, addBulkFileSync, type BulkReadOptions } from '../../src/corpus/bulk-file.js';
import { loadCorpusAsync } from '../../src/corpus/load-async.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { KREMLIN_BULK, kremlinLines } from '../helpers/kremlin-lines.js';

const BULK = KREMLIN_BULK;
const lines = kremlinLines();
const records = lines.slice(0, 40).map((l) => JSON.parse(l) as Record<string, unknown>);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulk-cache-'));
});

/** Real records with every kind of event: a bad date, broken JSON, an unknown field, a duplicate id within the file. */
function mixedJsonl(): string {
  const out = records.map((r) => JSON.stringify(r));
  out[3] = JSON.stringify({ ...records[3], date: '2009-13-40' });
  out[5] = out[5].slice(0, 90);
  out[7] = JSON.stringify({ ...records[7], url: 'http://en.kremlin.ru/' });
  out.push(JSON.stringify({ ...records[9], text: `${records[9].text as string}` }));
  return `${out.join('\n')}\n`;
}

/** Like the loader, with the cache on for files of any size. */
function loadSync(file: string, cache: boolean, prior: Corpus = { documents: [], issues: [] }): Corpus {
  const corpus: Corpus = { documents: [...prior.documents], issues: [...prior.issues] };
  const options: BulkReadOptions = { shown: file, builtin: false, cache, cacheFromBytes: 0 };
  addBulkFileSync(corpus, file, options);
  return corpus;
}

async function loadAsync(file: string, cache: boolean): Promise<Corpus> {
  const corpus: Corpus = { documents: [], issues: [] };
  await addBulkFile(corpus, file, { shown: file, builtin: false, cache, cacheFromBytes: 0 });
  return corpus;
}

/** Equal in every respect a consumer could see, the order of each object's keys included. */
function expectSame(a: Corpus, b: Corpus) {
  expect(isDeepStrictEqual(a, b)).toBe(true);
  const keys = (c: Corpus) => JSON.stringify(c.documents.map((d) => [Object.keys(d), d.segments.map((s) => Object.keys(s))]));
  expect(keys(a)).toBe(keys(b));
}

describe('bulk load cache', () => {
  it('replays a file with bad records, unknown fields and a duplicate exactly as reading it again', async () => {
    const file = join(dir, 'mixed.jsonl.gz');
    writeFileSync(file, gzipSync(mixedJsonl()));
    const fresh = loadSync(file, false);
    expect(existsSync(`${file}.load-cache`)).toBe(false);
    expect(fresh.issues.map((i) => [i.line, i.field])).toEqual([
      [4, 'date'],
      [6, 'record'],
      [41, 'id'],
      [8, 'url'],
    ]);
    const first = loadSync(file, true);
    expect(existsSync(`${file}.load-cache`)).toBe(true);
    const replayed = loadSync(file, true);
    expectSame(first, fresh);
    expectSame(replayed, fresh);
    // The streaming reader replays the synchronous reader's cache, and gives the same.
    expectSame(await loadAsync(file, true), fresh);
  });

  it('replays a CSV file with quoted multi-line texts and a bad record, for both readers', async () => {
    const columns = ['id', 'text', 'date', 'side', 'speaker', 'language', 'source', 'title', 'translated_from'];
    const rows = records.slice(0, 12).map((r, i) => (i === 4 ? { ...r, side: 'kremlin' } : r));
    const file = join(dir, 'mixed.csv');
    writeFileSync(file, stringify(rows, { header: true, columns }));
    const fresh = loadSync(file, false);
    expect(fresh.documents).toHaveLength(11);
    expect(fresh.issues.map((i) => i.field)).toEqual(['side']);
    expect(fresh.documents.some((d) => d.segments.length > 1)).toBe(true);
    expectSame(loadSync(file, true), fresh);
    expectSame(loadSync(file, true), fresh);
    expectSame(await loadAsync(file, true), await loadAsync(file, false));
  });

  it('judges duplicates against what was loaded before the file, as a fresh read does', () => {
    const file = join(dir, 'dup.jsonl');
    writeFileSync(file, mixedJsonl());
    loadSync(file, true); // cache made with nothing loaded before
    const prior = loadSync(join(dir, 'mixed.jsonl.gz'), false);
    const fresh = loadSync(file, false, { documents: prior.documents.slice(0, 2), issues: [] });
    const replayed = loadSync(file, true, { documents: prior.documents.slice(0, 2), issues: [] });
    expect(fresh.issues.filter((i) => i.field === 'id').map((i) => i.line)).toEqual([1, 2, 41]);
    expectSame(replayed, fresh);
  });

  it('is not used once the file changes, and is rewritten', () => {
    const file = join(dir, 'grows.jsonl');
    writeFileSync(file, `${lines.slice(0, 10).join('\n')}\n`);
    expect(loadSync(file, true).documents).toHaveLength(10);
    const before = readFileSync(`${file}.load-cache`);
    appendFileSync(file, `${lines[10]}\n`);
    const grown = loadSync(file, true);
    expect(grown.documents).toHaveLength(11);
    expectSame(grown, loadSync(file, false));
    expect(readFileSync(`${file}.load-cache`).equals(before)).toBe(false);
  });

  it('falls back to reading the file when the cache is damaged or foreign', () => {
    const file = join(dir, 'damaged.jsonl');
    writeFileSync(file, `${lines.slice(0, 10).join('\n')}\n`);
    const fresh = loadSync(file, false);
    loadSync(file, true);
    const cache = `${file}.load-cache`;
    truncateSync(cache, readFileSync(cache).length - 7);
    expectSame(loadSync(file, true), fresh);
    writeFileSync(cache, 'not a cache at all');
    expectSame(loadSync(file, true), fresh);
    writeFileSync(cache, Buffer.alloc(64, 0xff));
    expectSame(loadSync(file, true), fresh);
    // One bit flipped in the texts: the size is right, the CRC-32 is not.
    loadSync(file, false);
    rmSync(cache);
    loadSync(file, true);
    const bytes = readFileSync(cache);
    bytes[bytes.length - 100] ^= 1;
    writeFileSync(cache, bytes);
    expectSame(loadSync(file, true), fresh);
  });

  it('both readers split JSON Lines the same way: a lone CR inside a record is JSON whitespace, not a line end', async () => {
    const file = join(dir, 'cr.jsonl');
    const second = JSON.stringify(records[1]).replace('","text":', '",\r"text":');
    writeFileSync(file, `${JSON.stringify(records[0])}\r\n${second}\n${JSON.stringify(records[2])}\n`);
    const sync = loadSync(file, false);
    expect(sync.documents).toHaveLength(3);
    expect(sync.issues).toEqual([]);
    expectSame(await loadAsync(file, false), sync);
  });

  it('gives the loaders the whole shipped kremlin archive unchanged (cached at its default size threshold)', async () => {
    const file = join(dir, 'kremlin.jsonl.gz');
    writeFileSync(file, readFileSync(BULK));
    const fresh = loadCorpus({ corpora: [file], builtin: false, bulkCache: false });
    expect(existsSync(`${file}.load-cache`)).toBe(false);
    loadCorpus({ corpora: [file], builtin: false });
    expect(existsSync(`${file}.load-cache`)).toBe(true);
    const replayed = await loadCorpusAsync({ corpora: [file], builtin: false });
    expect(replayed.documents).toHaveLength(6807);
    expectSame(replayed, fresh);
  });
});
