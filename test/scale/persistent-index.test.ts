// The persistent SQLite FTS5 index: the same top candidates as brute force
// (every passage scored with the same scorer), reuse when nothing changed, and
// a rebuild when the corpus file changes.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import type { Corpus, Document } from '../../src/corpus/types.js';
import { BruteForceIndex } from '../../src/provenance/brute-index.js';
import { matchPlan } from '../../src/provenance/match.js';
import { buildIndexFile, buildIndexFileParallel } from '../../src/provenance/index-build.js';
import { fingerprint, openPassageIndex, type OpenedPassageIndex } from '../../src/provenance/open-index.js';
import { INDEX_FORMAT, SqlitePassageIndex } from '../../src/provenance/sqlite-index.js';
import { tokenize } from '../../src/text/tokenize.js';
import { documentPassages } from '../../src/provenance/passages.js';
import type { MatchResult } from '../../src/provenance/types.js';

const sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');
const builtin = loadCorpus({});
const plan = findDocument(builtin, 'us-28-2025-11-20')!;
const statements = builtin.documents.filter((d) => d.kind === 'statement');
// The first 80 pages of the shipped kremlin bulk file (the 2009 draft European Security Treaty first).
const kremlinLines = gunzipSync(readFileSync('data/bulk/kremlin-en-2000-2020.jsonl.gz')).toString('utf8').split('\n').slice(0, 80);

/** The shipped statements as bulk records: the same texts, now in one JSON Lines file. */
function asRecord(d: Document): string {
  return JSON.stringify({ id: d.id, title: d.title, text: d.text, date: d.date, side: d.side, speaker: d.speaker, language: d.language, translated_from: d.translatedFrom, source: d.sources[0] });
}

const top = (r: MatchResult) => new Map(r.points.map((p) => [p.point, p.candidates.map((c) => `${c.doc}/${c.passage}`)]));

let dir: string;
let file: string;
let corpus: Corpus;
let opened: OpenedPassageIndex;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fts-'));
  file = join(dir, 'statements.jsonl');
  writeFileSync(file, `${[...statements.map(asRecord), ...kremlinLines].join('\n')}\n`);
  corpus = loadCorpus({ corpora: [file], builtin: false });
  opened = openPassageIndex(corpus);
});
afterAll(() => opened?.close());

describe('persistent index', () => {
  it('holds every passage of the bulk file, with the same passages as the Markdown originals', () => {
    expect(corpus.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(opened.parts).toMatchObject([{ state: 'built', path: `${file}.fts.sqlite` }]);
    const fromMarkdown = statements.reduce((n, d) => n + d.segments.filter((s) => s.kind === 'passage').length, 0);
    const fromBulk = corpus.documents.filter((d) => statements.some((s) => s.id === d.id)).reduce((n, d) => n + d.segments.length, 0);
    expect(fromBulk).toBe(fromMarkdown);
    expect(opened.index.size).toBe(corpus.documents.reduce((n, d) => n + d.segments.length, 0));
    // Stored terms are the terms the tokeniser gives, offsets included.
    const memo = corpus.documents.find((d) => d.id === 'ru-2025-06-02-memorandum')!;
    const direct = documentPassages(memo)[3];
    expect(opened.index.passage(direct.ref)).toEqual(direct);
  });

  it('finds any passage by a ref it did not hand out (a fresh object), and nothing for an unknown document or passage', () => {
    // Found by the document's rows (sqlite-index.ts rowIndexOf), not by a map of every passage.
    for (const doc of corpus.documents.slice(0, 40)) for (const p of documentPassages(doc)) expect(opened.index.passage({ ...p.ref })).toEqual(p);
    const memo = corpus.documents.find((d) => d.id === 'ru-2025-06-02-memorandum')!;
    expect(opened.index.passage({ doc: memo.id, passage: 'p999' })).toBeUndefined();
    expect(opened.index.passage({ doc: 'no-such-document', passage: 'p1' })).toBeUndefined();
  });

  it('gives a passage with its own date (a dated source line) that date, as the in-memory index does', () => {
    // ru-2025-lavrov-terms dates its passages by their source lines (`<!-- src: URL date: … -->`).
    const lavrov = findDocument(builtin, 'ru-2025-lavrov-terms')!;
    const passages = documentPassages(lavrov);
    expect(passages.some((p) => p.date !== undefined && p.date !== lavrov.date)).toBe(true);
    const { index } = SqlitePassageIndex.open(sqlite, join(dir, 'lavrov.fts.sqlite'), [lavrov], 'lavrov');
    try {
      for (const p of passages) expect(index.passage(p.ref)).toEqual(p);
    } finally {
      index.close();
    }
  });

  it('ranks the same top candidates as brute force for every point of us-28', () => {
    const texts = new Map(corpus.documents.map((d) => [d.id, d.text]));
    const sourceText = (id: string) => texts.get(id);
    const passages = corpus.documents.flatMap(documentPassages);
    // The fixed-weight scorer on both sides: the learned ranker also weighs the BM25 rank, which brute force has not.
    const brute = top(matchPlan(plan, new BruteForceIndex(opened.index, passages), { top: 5, pool: passages.length, sourceText, ranker: 'fixed' }));
    // The default pool (100 passages a point, plus the figures channel) is a small part of the corpus: retrieval has to choose.
    const indexed = top(matchPlan(plan, opened.index, { top: 5, sourceText, ranker: 'fixed' }));
    expect(passages.length).toBeGreaterThan(800);
    expect([...indexed.keys()]).toEqual([...brute.keys()]);
    for (const [point, truth] of brute) expect({ point, top: indexed.get(point) }).toEqual({ point, top: truth });
    // The documented antecedent of the no-NATO point is found through the index.
    expect(indexed.get('7')!.slice(0, 3).some((c) => c.startsWith('ru-2021-12-17-draft-'))).toBe(true);
  });

  it('is reused when nothing changed and rebuilt when the corpus file changes', () => {
    const again = openPassageIndex(loadCorpus({ corpora: [file], builtin: false }));
    expect(again.parts[0].state).toBe('reused');
    again.close();

    // Drop the last record: a different file, so the stored index must not be trusted.
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    writeFileSync(file, `${lines.slice(0, -1).join('\n')}\n`);
    const changed = loadCorpus({ corpora: [file], builtin: false });
    const rebuilt = openPassageIndex(changed);
    expect(rebuilt.parts[0].state).toBe('built');
    expect(rebuilt.index.size).toBe(changed.documents.reduce((n, d) => n + d.segments.length, 0));
    expect(rebuilt.index.size).toBeLessThan(opened.index.size);
    rebuilt.close();
  });

  it('rebuilds over a damaged index file instead of trusting it', () => {
    const other = join(dir, 'one.jsonl');
    writeFileSync(other, `${kremlinLines[0]}\n`);
    writeFileSync(`${other}.fts.sqlite`, 'not a database');
    const c = loadCorpus({ corpora: [other], builtin: false });
    const o = openPassageIndex(c);
    expect(o.parts[0].state).toBe('built');
    expect(o.index.size).toBe(c.documents[0].segments.length);
    o.close();
  });

  it('rebuilds over a file with the right fingerprint but another layout (an older format or missing tables)', () => {
    const other = join(dir, 'two.jsonl');
    writeFileSync(other, `${kremlinLines[1]}\n`);
    const c = loadCorpus({ corpora: [other], builtin: false });
    const stored = `${other}.fts.sqlite`;
    for (const [format, tables] of [
      ['4', 'CREATE VIRTUAL TABLE fts USING fts5(keys)'],
      [String(INDEX_FORMAT), 'CREATE TABLE passages (rowid INTEGER PRIMARY KEY, terms BLOB)'],
    ]) {
      const db = new sqlite(stored);
      db.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); ${tables}`);
      db.prepare('INSERT INTO meta VALUES (?, ?), (?, ?)').run('fingerprint', fingerprint(other, c.documents), 'format', format);
      db.close();
      const o = openPassageIndex(c);
      expect(o.parts[0].state).toBe('built');
      expect(o.index.size).toBe(c.documents[0].segments.filter((x) => x.kind === 'passage').length);
      o.close();
      rmSync(stored);
    }
  });

  it('ranks the same candidates when its cache of posting lists is emptied while a query reads them', () => {
    const queries = plan.segments.filter((s) => s.kind === 'point').map((s) => tokenize(plan.text.slice(s.start, s.end), plan.language));
    const before = queries.map((q) => opened.index.candidates(q, 20));
    // Another instance of the same file, with a cache of 50 entries: emptied several times within one query's lists.
    const again = openPassageIndex(corpus);
    const index = again.index as SqlitePassageIndex;
    index.tuning = { ...index.tuning, cachedPostings: 50 };
    try {
      expect(queries.map((q) => index.candidates(q, 20))).toEqual(before);
    } finally {
      again.close();
    }
  });

  it('writes the same file when the passages are tokenised in worker threads', async () => {
    const total = corpus.documents.reduce((n, d) => n + d.segments.length, 0);
    const inline = join(dir, 'inline.fts.sqlite');
    const threaded = join(dir, 'threaded.fts.sqlite');
    buildIndexFile(sqlite, inline, corpus.documents, total, 'fp');
    const seen: number[] = [];
    await buildIndexFileParallel(sqlite, threaded, corpus.documents, total, 'fp', { threads: 2, onProgress: (done) => seen.push(done) });
    // Same rows in the same order: the two files are byte for byte the same.
    expect(readFileSync(threaded).equals(readFileSync(inline))).toBe(true);
    expect(seen.at(-1)).toBe(total);
  });

  it('leaves no file behind when a worker fails, and says why', async () => {
    const broken = [{ ...corpus.documents[0], text: undefined as unknown as string }];
    const path = join(dir, 'broken.fts.sqlite');
    await expect(buildIndexFileParallel(sqlite, path, broken, 1, 'fp', { threads: 2 })).rejects.toThrow(TypeError);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('broken.fts.sqlite'))).toEqual([]);
  });

  it('removes the temporary file an interrupted build left behind, not one a live build is writing', () => {
    const path = join(dir, 'again.fts.sqlite');
    // A pid far above Linux's default pid_max (4,194,304 at most) belongs to no process.
    const abandoned = `${path}-tmp-99999999`;
    const live = `${path}-tmp-${process.ppid}`;
    writeFileSync(abandoned, 'half a build');
    writeFileSync(live, 'a build in progress');
    buildIndexFile(sqlite, path, corpus.documents.slice(0, 3), 3, 'fp');
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(path)).toBe(true);
  });
});
