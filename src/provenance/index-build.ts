// Writing the persistent passage index of a bulk file (sqlite-index.ts reads
// it): each passage's terms become one row of the `passages` table (terms with
// offsets, for the scorer), and its rowid joins the posting list of each of
// its term keys (postings.ts: retrieval); the lists are written at the end,
// one row per key, with every key and its document frequency in two blobs.
//
// Turning text into terms is nearly all of the cost (97,828 kremlin passages:
// ~5 s of tokenising against ~1 s of encoding and inserting, 30 Nov 2026), and
// passages are independent, so a large corpus is tokenised in worker threads
// (piscina) while this thread inserts their rows in corpus order: see
// buildIndexFileParallel. Both builds write the same rows (a test compares them).
import type Database from 'better-sqlite3';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Document } from '../corpus/types.js';
import { int32Blob } from '../util/int32-blob.js';
import { distinctRows } from './postings.js';
import { passageSegments } from './passages.js';
import { spanTerms } from './terms.js';
import type { Term } from './types.js';

/**
 * Bump when what is stored changes (tables, TERM_FIELDS, the blobs' layout); the
 * fingerprint covers the term code itself. 5 (30 Nov 2026): posting lists
 * instead of FTS5 tables, terms as Int32 blobs instead of JSON. 6 (1 Dec 2026):
 * the keys and their document frequencies as two blobs in `meta` instead of a
 * `keys` table.
 */
export const INDEX_FORMAT = 6;

/** Between keys in the `keys` blob: a term key is made of a word's characters and never holds it. */
export const KEY_SEPARATOR = '\u0000';

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
 * Passages per batch when the build runs on the calling thread: a batch of
 * 2,000 lives long enough to be promoted to V8's old space, which then grew
 * by ~150 MB over the kremlin archive before a major collection.
 */
const INLINE_TASK_PASSAGES = 200;

type Sqlite = typeof Database;
type Db = Database.Database;

export interface BuildOptions {
  /** Told how many passages have been indexed, while a build runs. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The stored rows of consecutive passages: their terms, 4 numbers a term
 * (TERM_FIELDS: key, start, end, flags), `counts[i]` terms for passage i,
 * each key a number into the batch's list of distinct keys. A batch names each
 * key once, and in few objects: the thread that writes the index looks up each
 * distinct key of a batch once, not each occurrence (1.58 M occurrences of
 * fresh strings from a worker cost ~1 s of map lookups on the kremlin
 * archive), and a batch crosses from a worker as three arrays.
 */
export interface RowBatch {
  keys: string[];
  terms: Int32Array;
  counts: number[];
}

/** A worker task: documents' texts with their passages as flat [start, end, start, end, …] (UTF-16 units). */
export interface RowTask {
  documents: { text: string; language: string; spans: number[] }[];
}

// A passage's terms are stored as one blob of Int32 values (little-endian),
// TERM_FIELDS per term: the key's number in the `keys` table, start and end
// (UTF-16 units into the document's text), and flags = kind (0 word,
// 1 number, 2 entity) + 4 × neutral (sqlite-index.ts decodeTerms reads them).
// JSON was 1.5 × the bytes and its parse, with the interning of every key
// string, a fifth of a fresh index's first match.
export const TERM_FIELDS = 4;
/** A term's kind by its code in the flags (flags & 3), and the code by kind. */
export const TERM_KINDS: Term['kind'][] = ['word', 'number', 'entity'];
const KIND_CODES = { word: 0, number: 1, entity: 2 } as const;

/** A task's rows, documents after one another (what index-worker.ts runs, and buildIndexFile on its own thread). */
export function taskRows(task: RowTask): RowBatch {
  const keys: string[] = [];
  // Written straight into a typed array grown by doubling: pushing four numbers a term onto
  // a plain array and copying it into an Int32Array at the end was ~5 % of tokenising.
  let terms = new Int32Array(1 << 14);
  let used = 0;
  const counts: number[] = [];
  const idOf = new Map<string, number>();
  for (const { text, language, spans } of task.documents) {
    for (let i = 0; i < spans.length; i += 2) {
      const passage = spanTerms(text, spans[i], spans[i + 1], language);
      if (used + passage.length * TERM_FIELDS > terms.length) {
        const grown = new Int32Array(Math.max(terms.length * 2, used + passage.length * TERM_FIELDS));
        grown.set(terms.subarray(0, used));
        terms = grown;
      }
      for (const t of passage) {
        let id = idOf.get(t.key);
        if (id === undefined) {
          idOf.set(t.key, (id = keys.length));
          keys.push(t.key);
        }
        terms[used] = id;
        terms[used + 1] = t.start;
        terms[used + 2] = t.end;
        terms[used + 3] = KIND_CODES[t.kind] + (t.neutral ? 4 : 0);
        used += TERM_FIELDS;
      }
      counts.push(passage.length);
    }
  }
  // A copy of the used part (slice, not subarray): a batch crosses to the writing thread, which should not receive the spare capacity.
  return { keys, terms: terms.slice(0, used), counts };
}

function passageSpans(doc: Document): number[] {
  const spans: number[] = [];
  for (const s of passageSegments(doc)) spans.push(s.start, s.end);
  return spans;
}

/** The documents' passages in tasks of about `size` passages, in corpus order. */
function rowTasks(documents: Document[], size: number): RowTask[] {
  const tasks: RowTask[] = [];
  let task: RowTask = { documents: [] };
  let passages = 0;
  for (const doc of documents) {
    const spans = passageSpans(doc);
    if (!spans.length) continue;
    task.documents.push({ text: doc.text, language: doc.language, spans });
    passages += spans.length / 2;
    if (passages >= size) {
      tasks.push(task);
      task = { documents: [] };
      passages = 0;
    }
  }
  if (task.documents.length) tasks.push(task);
  return tasks;
}

/** A build in progress: a temporary file, one open transaction, rows inserted in corpus order. */
class IndexWriter {
  private readonly db: Db;
  private readonly insertPassage: Database.Statement;
  private readonly tmp: string;
  /** Each key's number in this build (in order of first occurrence: the `keys` table's id). */
  private readonly keyIds = new Map<string, number>();
  /** Every occurrence of a key so far, as (key number, rowid) in rowid order: the posting lists, unsorted by key. */
  private occurrences = new Int32Array(1 << 20);
  private occurred = 0;
  /** Rowids of the passages in the short-passage channel, ascending. */
  private readonly short: number[] = [];
  /** Term occurrences in short passages (BM25's average length there). */
  private shortTokens = 0;
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
    try {
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
        CREATE TABLE passages (rowid INTEGER PRIMARY KEY, terms BLOB NOT NULL);
        CREATE TABLE postings (id INTEGER PRIMARY KEY, rows BLOB NOT NULL);
      `);
      this.insertPassage = db.prepare('INSERT INTO passages (rowid, terms) VALUES (?, ?)');
      // One transaction for the whole load (BEGIN/COMMIT rather than db.transaction(), so rows may arrive asynchronously).
      db.exec('BEGIN');
    } catch (e) {
      this.abandon();
      throw e;
    }
  }

  insert(batch: RowBatch): void {
    // The batch's key numbers → this build's.
    const ids = new Int32Array(batch.keys.length);
    batch.keys.forEach((key, i) => {
      let id = this.keyIds.get(key);
      if (id === undefined) this.keyIds.set(key, (id = this.keyIds.size));
      ids[i] = id;
    });
    const terms = batch.terms;
    if (this.occurred + terms.length / 2 > this.occurrences.length) {
      const grown = new Int32Array(Math.max(this.occurrences.length * 2, this.occurred + terms.length / 2));
      grown.set(this.occurrences.subarray(0, this.occurred));
      this.occurrences = grown;
    }
    const occurrences = this.occurrences;
    let at = 0;
    for (const count of batch.counts) {
      const rowid = ++this.rows;
      const end = at + count * TERM_FIELDS;
      for (let i = at; i < end; i += TERM_FIELDS) {
        const id = (terms[i] = ids[terms[i]]);
        occurrences[this.occurred++] = id;
        occurrences[this.occurred++] = rowid;
      }
      this.insertPassage.run(rowid, int32Blob(terms.subarray(at, end)));
      at = end;
      if (count <= SHORT_PASSAGE_TERMS) {
        this.short.push(rowid);
        this.shortTokens += count;
      }
    }
  }

  /** Write the posting lists and the channel totals, stamp the fingerprint, commit and move the file into place. */
  finish(fingerprint: string): void {
    const db = this.db;
    // The occurrences grouped by key (a counting sort, stable, so each list keeps rowid order).
    const keys = this.keyIds.size;
    const offsets = new Int32Array(keys + 1);
    for (let i = 0; i < this.occurred; i += 2) offsets[this.occurrences[i] + 1]++;
    for (let k = 0; k < keys; k++) offsets[k + 1] += offsets[k];
    const fill = offsets.slice(0, keys);
    const rows = new Int32Array(this.occurred / 2);
    for (let i = 0; i < this.occurred; i += 2) rows[fill[this.occurrences[i]]++] = this.occurrences[i + 1];
    const insertList = db.prepare('INSERT INTO postings (id, rows) VALUES (?, ?)');
    // Key numbers are given in order of first occurrence, so the Map iterates in number order.
    const keyStrings: string[] = [];
    const dfs = new Int32Array(keys);
    for (const [key, id] of this.keyIds) {
      const list = rows.subarray(offsets[id], offsets[id + 1]);
      if (key.includes(KEY_SEPARATOR)) throw new Error(`a term key holds U+0000 (${JSON.stringify(key)}): the index cannot store it`);
      keyStrings.push(key);
      dfs[id] = distinctRows(list);
      insertList.run(id, int32Blob(list));
    }
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    // Every key in one blob and their frequencies in another: reading 34,199 rows of a
    // `keys` table took ~30–45 ms of each open (kremlin), splitting one string ~6 ms.
    meta.run('keys', Buffer.from(keyStrings.join(KEY_SEPARATOR), 'utf8'));
    meta.run('dfs', int32Blob(dfs));
    meta.run('fingerprint', fingerprint);
    meta.run('passages', String(this.rows));
    meta.run('tokens', String(rows.length));
    meta.run('short', int32Blob(this.short));
    meta.run('short_tokens', String(this.shortTokens));
    meta.run('format', String(INDEX_FORMAT));
    db.exec('COMMIT');
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
    for (const task of rowTasks(documents, INLINE_TASK_PASSAGES)) {
      writer.insert(taskRows(task));
      options.onProgress?.(writer.rows, total);
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
  const pool = new Piscina<RowTask, RowBatch>({
    filename: new URL(`./index-worker.${source ? 'ts' : 'js'}`, import.meta.url).href,
    minThreads: options.threads,
    maxThreads: options.threads,
    // Under tsx (tests, scripts) the workers need its loader too.
    ...(source && !process.execArgv.includes('tsx') ? { execArgv: [...process.execArgv, '--import', 'tsx'] } : {}),
  });
  let writer: IndexWriter | undefined;
  try {
    writer = new IndexWriter(sqlite, path);
    // The bar's rate and time left count from here, not from the first task's return (which includes the workers' start-up).
    options.onProgress?.(0, total);
    // Results are inserted in task order, so rowids follow the corpus.
    const run = runInOrder(rowTasks(documents, TASK_PASSAGES), options.threads, (t) => pool.run(t));
    for (let i = 0; i < run.results.length; i++) {
      writer.insert(await run.results[i]);
      run.taken(i + 1);
      options.onProgress?.(writer.rows, total);
    }
    writer.finish(fingerprint);
  } catch (e) {
    writer?.abandon();
    throw e;
  } finally {
    await pool.destroy();
  }
}

/** Tasks started but not yet inserted, per worker thread, at most (~1 MB a task): a slow task ahead holds the rest back in memory. */
const AHEAD_PER_THREAD = 8;

/**
 * Start `run` on the tasks in their order, `threads` + 1 at a time (each
 * finished task starts the next, while fewer than AHEAD_PER_THREAD × `threads`
 * results wait to be taken), and return each task's result; call `taken(n)`
 * once the first n results have been used. Queuing every task with piscina at
 * once started them out of order (30 Nov 2026, piscina 5.3: on the kremlin
 * archive tasks 2, 3, 5, 7 … started after tasks 4–46), so task 2's rows held
 * up every insert for ~3 s while the workers did the rest, and the inserts,
 * which can run beside the workers, ran after them. A failed task's promise
 * rejects; none is left unhandled.
 */
function runInOrder<T, R>(tasks: T[], threads: number, run: (task: T) => Promise<R>): { results: Promise<R>[]; taken: (n: number) => void } {
  const gates = tasks.map(() => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { opened, open };
  });
  // Started = next; running (queued in piscina or working) = next − finished; not yet taken = next − used.
  let next = 0;
  let finished = 0;
  let used = 0;
  const startNext = () => {
    while (next < gates.length && next - finished <= threads && next - used < AHEAD_PER_THREAD * threads) gates[next++].open();
  };
  const results = tasks.map((task, i) =>
    gates[i].opened
      .then(() => run(task))
      .finally(() => {
        finished++;
        startNext();
      }),
  );
  startNext();
  // A task that fails after an earlier one was awaited must not be an unhandled rejection.
  for (const r of results) r.catch(() => {});
  return {
    results,
    taken: (n) => {
      used = n;
      startNext();
    },
  };
}
