// Writing the persistent passage index of a bulk file (sqlite-index.ts reads
// it): each passage's terms become one row of the `passages` table (terms with
// offsets, for the scorer) and one row of the FTS5 tables (term keys, for
// retrieval); then document frequencies and one `optimize`.
//
// Turning text into terms is nearly all of the cost (97,828 kremlin passages:
// ~10 s of tokenising against ~2 s of encoding and inserting, 30 Nov 2026), and
// passages are independent, so a large corpus is tokenised in worker threads
// (piscina) while this thread inserts their rows in corpus order: see
// buildIndexFileParallel. Both builds write the same rows (a test compares them).
import type Database from 'better-sqlite3';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Document } from '../corpus/types.js';
import { spanTerms } from './terms.js';
import type { Term } from './types.js';

/** Bump when what is stored changes (tables, keyToken, encodeTerms); the fingerprint covers the term code itself. */
export const INDEX_FORMAT = 4;

/** Passages of at most this many terms are also indexed in the short-passage channel (see sqlite-index.ts `candidates`). */
export const SHORT_PASSAGE_TERMS = 10;

/**
 * Below this many passages a build stays on the calling thread: starting a
 * worker (loading the text modules, the glossary and the Russian analyser)
 * costs about half a second, more than tokenising 10,000 passages saves.
 */
export const PARALLEL_FROM_PASSAGES = 10_000;

/** Passages per worker task: small enough for a smooth progress bar and even load, large enough that messaging is noise. */
const TASK_PASSAGES = 2_000;

/**
 * FTS5 settings for one bulk load (sqlite.org/fts5.html §6 "Special INSERT
 * commands"): no incremental merging while rows go in, and an in-memory hash
 * of pending terms large enough that the whole load is flushed as one segment
 * when the transaction commits, instead of a segment every megabyte that later
 * merges rewrite again.
 */
const BULK_HASH_BYTES = 512 * 1024 * 1024;

type Sqlite = typeof Database;
type Db = Database.Database;

export interface BuildOptions {
  /** Told how many passages have been indexed, while a build runs. */
  onProgress?: (done: number, total: number) => void;
}

/** One passage as stored: FTS5 text of its keys, its encoded terms, and whether it goes into the short-passage channel. */
export interface IndexRow {
  keys: string;
  terms: string;
  short: boolean;
}

/** A worker task: documents' texts with their passages as flat [start, end, start, end, …] (UTF-16 units). */
export interface RowTask {
  documents: { text: string; language: string; spans: number[] }[];
}

/** A token FTS5's ascii tokenizer keeps whole: a 64-bit hash of the key in base 36. */
export function keyToken(key: string): string {
  // Two 32-bit FNV-1a hashes with different offsets; collisions are negligible
  // for the ~10^6 distinct keys (bigrams included) of a 100,000-passage corpus.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return `k${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
}

/** keyToken of each distinct key seen, bounded: a corpus repeats its term keys millions of times. */
const tokenMemo = new Map<string, string>();
const MAX_TOKEN_MEMO = 500_000;

/** keyToken, remembered per distinct key. */
export function memoToken(key: string): string {
  let token = tokenMemo.get(key);
  if (token === undefined) {
    token = keyToken(key);
    if (tokenMemo.size >= MAX_TOKEN_MEMO) tokenMemo.clear();
    tokenMemo.set(key, token);
  }
  return token;
}

/** The FTS5 text of a passage: its term keys as tokens, in order, space-separated. */
export function keyTokens(terms: Term[]): string {
  let out = '';
  for (const t of terms) out += out ? ` ${memoToken(t.key)}` : memoToken(t.key);
  return out;
}

// Terms are stored as one JSON array per passage: [key, start, end, flags]
// with flags = kind (0 word, 1 number, 2 entity) + 4 × neutral (decodeTerms in sqlite-index.ts reads them).
const KIND_CODES = { word: 0, number: 1, entity: 2 } as const;

export function encodeTerms(terms: Term[]): string {
  return JSON.stringify(terms.map((t) => [t.key, t.start, t.end, KIND_CODES[t.kind] + (t.neutral ? 4 : 0)]));
}

/** The stored rows of the passages at `spans` (flat start/end pairs) of one document's text. */
export function passageRows(text: string, language: string, spans: number[]): IndexRow[] {
  const rows: IndexRow[] = [];
  for (let i = 0; i < spans.length; i += 2) {
    const terms = spanTerms(text, spans[i], spans[i + 1], language);
    rows.push({ keys: keyTokens(terms), terms: encodeTerms(terms), short: terms.length <= SHORT_PASSAGE_TERMS });
  }
  return rows;
}

/** A worker task's rows, documents after one another (what index-worker.ts runs). */
export function taskRows(task: RowTask): IndexRow[] {
  return task.documents.flatMap((d) => passageRows(d.text, d.language, d.spans));
}

function passageSpans(doc: Document): number[] {
  const spans: number[] = [];
  for (const s of doc.segments) if (s.kind === 'passage') spans.push(s.start, s.end);
  return spans;
}

/** A build in progress: a temporary file, one open transaction, rows inserted in corpus order. */
class IndexWriter {
  private readonly db: Db;
  private readonly insertPassage: Database.Statement;
  private readonly insertFts: Database.Statement;
  private readonly insertShort: Database.Statement;
  private readonly tmp: string;
  rows = 0;

  constructor(
    sqlite: Sqlite,
    private readonly path: string,
  ) {
    // Build into a temporary file and rename it into place: an interrupted build
    // never leaves a half-written index that a later run would trust.
    this.tmp = `${path}-tmp-${process.pid}`; // matches the .gitignore pattern *.fts.sqlite-*
    rmSync(this.tmp, { force: true });
    removeAbandoned(path);
    const db = (this.db = new sqlite(this.tmp));
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
      CREATE TABLE passages (rowid INTEGER PRIMARY KEY, terms TEXT NOT NULL);
      CREATE VIRTUAL TABLE fts USING fts5(keys, content='', columnsize=0, tokenize='ascii');
      CREATE VIRTUAL TABLE fts_short USING fts5(keys, content='', columnsize=0, tokenize='ascii');
    `);
    for (const table of ['fts', 'fts_short']) {
      db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('automerge', 0)`);
      db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('hashsize', ${BULK_HASH_BYTES})`);
    }
    this.insertPassage = db.prepare('INSERT INTO passages (rowid, terms) VALUES (?, ?)');
    this.insertFts = db.prepare('INSERT INTO fts (rowid, keys) VALUES (?, ?)');
    this.insertShort = db.prepare('INSERT INTO fts_short (rowid, keys) VALUES (?, ?)');
    // One transaction for the whole load (BEGIN/COMMIT rather than db.transaction(), so rows may arrive asynchronously).
    db.exec('BEGIN');
  }

  insert(rows: IndexRow[]): void {
    for (const row of rows) {
      const rowid = ++this.rows;
      this.insertPassage.run(rowid, row.terms);
      this.insertFts.run(rowid, row.keys);
      if (row.short) this.insertShort.run(rowid, row.keys);
    }
  }

  /** Commit, derive document frequencies, optimise, stamp the fingerprint and move the file into place. */
  finish(fingerprint: string): void {
    const db = this.db;
    db.exec('COMMIT');
    // Document frequencies, read off FTS5's own vocabulary in one statement.
    db.exec(`
      CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, fts, 'row');
      CREATE TABLE df (token TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
      INSERT INTO df (token, df) SELECT term, doc FROM vocab;
      DROP TABLE temp.vocab;
    `);
    // One b-tree per table instead of many segments: faster queries on a read-only index.
    db.exec("INSERT INTO fts (fts) VALUES ('optimize')");
    db.exec("INSERT INTO fts_short (fts_short) VALUES ('optimize')");
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    meta.run('fingerprint', fingerprint);
    meta.run('passages', String(this.rows));
    meta.run('format', String(INDEX_FORMAT));
    db.close();
    renameSync(this.tmp, this.path);
  }

  /** Give up: close and remove the temporary file (nothing at `path` is touched). */
  abandon(): void {
    if (this.db.open) this.db.close();
    rmSync(this.tmp, { force: true });
  }
}

/**
 * Remove the temporary files of builds of `path` whose process is gone (a build
 * that was interrupted, ^C or a crash, leaves its `-tmp-<pid>` file behind);
 * a build still running in another process keeps its own.
 */
function removeAbandoned(path: string): void {
  const prefix = `${basename(path)}-tmp-`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d+$/.test(name.slice(prefix.length))) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid === process.pid || alive(pid)) continue;
    rmSync(join(dirname(path), name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Build the index file at `path` for the passages of `documents` (in their
 * order: rowid n + 1 is the n-th passage), on this thread. Throws what
 * SQLite or the file system throws, after removing the temporary file.
 */
export function buildIndexFile(sqlite: Sqlite, path: string, documents: Document[], total: number, fingerprint: string, options: BuildOptions = {}): void {
  const writer = new IndexWriter(sqlite, path);
  try {
    for (const doc of documents) {
      writer.insert(passageRows(doc.text, doc.language, passageSpans(doc)));
      if (options.onProgress && writer.rows % 256 < 16) options.onProgress(writer.rows, total);
    }
    options.onProgress?.(writer.rows, total);
    writer.finish(fingerprint);
  } catch (e) {
    writer.abandon();
    throw e;
  }
}

/**
 * The same file as buildIndexFile, with the tokenising done by `threads`
 * worker threads (index-worker.ts, run by piscina) in tasks of about
 * TASK_PASSAGES passages, while this thread inserts each task's rows as soon
 * as it and every task before it are done. A worker's error is thrown here,
 * after the pool is closed and the temporary file removed.
 */
export async function buildIndexFileParallel(sqlite: Sqlite, path: string, documents: Document[], total: number, fingerprint: string, options: BuildOptions & { threads: number }): Promise<void> {
  const { Piscina } = await import('piscina');
  const source = import.meta.url.endsWith('.ts');
  const pool = new Piscina<RowTask, IndexRow[]>({
    filename: new URL(`./index-worker.${source ? 'ts' : 'js'}`, import.meta.url).href,
    minThreads: options.threads,
    maxThreads: options.threads,
    // Under tsx (tests, scripts) the workers need its loader too.
    ...(source && !process.execArgv.includes('tsx') ? { execArgv: [...process.execArgv, '--import', 'tsx'] } : {}),
  });
  const writer = new IndexWriter(sqlite, path);
  // The bar's rate and time left count from here, not from the first task's return (which includes the workers' start-up).
  options.onProgress?.(0, total);
  try {
    const tasks: RowTask[] = [];
    let task: RowTask = { documents: [] };
    let passages = 0;
    for (const doc of documents) {
      const spans = passageSpans(doc);
      if (!spans.length) continue;
      task.documents.push({ text: doc.text, language: doc.language, spans });
      passages += spans.length / 2;
      if (passages >= TASK_PASSAGES) {
        tasks.push(task);
        task = { documents: [] };
        passages = 0;
      }
    }
    if (task.documents.length) tasks.push(task);
    // Every task is queued at once; results are inserted in task order, so rowids follow the corpus.
    const results = tasks.map((t) => pool.run(t));
    // A task that fails after an earlier one was awaited must not be an unhandled rejection.
    for (const r of results) r.catch(() => {});
    for (const result of results) {
      writer.insert(await result);
      options.onProgress?.(writer.rows, total);
    }
    writer.finish(fingerprint);
  } catch (e) {
    writer.abandon();
    throw e;
  } finally {
    await pool.destroy();
  }
}
