// A persistent passage index for big corpora (a bulk file of tens of thousands
// of passages) in one SQLite file, through better-sqlite3. It implements the
// same `PassageIndex` as the in-memory index, so matchPlan's scorer reranks
// its candidates unchanged.
//
// What is stored (index-build.ts writes it), per passage (rowid = the
// passage's number in corpus order):
// - its terms with their offsets, so scoring a candidate does not tokenise
//   the passage again (tokenising is the expensive step: ~0.05 ms a passage);
// and per term key its posting list and document frequency (postings.ts),
// which retrieval ranks by BM25 exactly as SQLite FTS5 did when the index was
// stored as FTS5 tables (formats 1–4; postings.ts says why it no longer is).
// Two choices made then still hold:
// - adjacent-term bigrams (which the in-memory index also keys) are not
//   indexed: they were 88 % of the insert time and cost no recall (kremlin,
//   recall@10 0.938 → 0.950);
// - BM25 has no length normalisation (FTS5's `columnsize=0` gave it none):
//   the scorer judges a passage by its best window, not diluted by the rest,
//   and BM25's usual penalty on long passages (b = 0.75) kept their best
//   matches out of the candidates: recall@10 against brute force on 8 points
//   at 100,000 synthetic passages rose from 0.94 to 0.975.
//
// The file lives beside the corpus file and is keyed by a fingerprint of the
// corpus file's bytes, the passages indexed and the code that derives terms:
// when any of them changes the index is rebuilt, else it is reused as is.
// This module touches the file system because a persistent index has to; the
// decision of where the file lives is the caller's (open-index.ts).
import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { Document, Segment } from '../corpus/types.js';
import type { Token } from '../text/index.js';
import { buildIndexFile, buildIndexFileParallel, INDEX_FORMAT, KEY_SEPARATOR, PARALLEL_FROM_PASSAGES, TERM_FIELDS, TERM_KINDS, type BuildOptions } from './index-build.js';
import { ClearingCache } from '../util/clearing-cache.js';
import { readInt32s } from '../util/int32-blob.js';
import { bm25Top, type Bm25Channel, type Postings } from './postings.js';
import { bm25Idf } from './memory-index.js';
import { passageOf, passageSegments, sourceInfo } from './passages.js';
import { keyGeneration, keyId, keyOf, rememberIds } from './key-ids.js';
import { termsOf } from './terms.js';
import type { IndexedPassage, PassageIndex, PassageRef, SourceInfo, Term } from './types.js';

/** Retrieval leaves out keys found in more than this share of the passages (see `candidates`). */
const COMMON_SHARE = 0.02;
/** ...but never keys found in fewer passages than this (small corpora). */
const MIN_COMMON_DF = 50;
/** ...and always keeps at least this many of the query's rarest keys. */
const MIN_QUERY_KEYS = 8;
/** Decoded candidate passages kept in memory (a few MB); the cache is emptied when full. */
const CACHE_PASSAGES = 20_000;
/** Posting-list entries kept in memory (4 bytes each); the cache is emptied when full. */
const CACHE_POSTINGS = 4_000_000;
/** At most this many keys, the rarest, go into one retrieval query. */
const MAX_QUERY_KEYS = 1000;
/** Passages the main BM25 channel retrieves, as a share of `k` (see `candidates`). */
export const MAIN_SHARE = 4;
/** Passages the figures channel may add, as a share of `k` (see `candidates`). */
export const FIGURE_SHARE = 3;
/**
 * Passages the short-passage channel may add, as a share of `k` (see
 * `candidates`): 2 since 30 Nov 2026 (was 1), see MAIN_SHARE's note.
 */
export const SHORT_SHARE = 2;

type Sqlite = typeof Database;
type Db = Database.Database;

export { INDEX_FORMAT } from './index-build.js';

export interface OpenedIndex {
  index: SqlitePassageIndex;
  /** True when the index file was (re)built, false when an existing one was reused. */
  built: boolean;
}

/** Passages of the documents in index order: rowid n + 1 is refs[n], its segment segments[n]. */
interface Passages {
  refs: PassageRef[];
  segments: Segment[];
  docs: Document[];
}

function passageRefs(documents: Document[]): Passages {
  const refs: PassageRef[] = [];
  const segments: Segment[] = [];
  for (const doc of documents) {
    for (const s of passageSegments(doc)) {
      refs.push({ doc: doc.id, passage: s.id });
      segments.push(s);
    }
  }
  return { refs, segments, docs: documents };
}

export class SqlitePassageIndex implements PassageIndex {
  /** Every key of the index, by its number, with its document frequency: two blobs read whole at open (34,199 keys for kremlin, ~6 ms to split and map). */
  private readonly keyStrings: string[];
  private readonly keyDf: Int32Array;
  private readonly keyNumber = new Map<string, number>();
  /** Each key number's id in key-ids.ts (the scorer's), -1 until first decoded; valid for one key-ids generation. */
  private readonly scorerIds: Int32Array;
  private scorerGeneration = -1;
  /**
   * Rowid − 1 of each document's first passage (a document's passages are consecutive
   * rows), made on first need: passage() of a ref that `candidates` did not hand out
   * (matchPlan asks so for every listed candidate without evidence). A map of every
   * passage by a `doc\0passage` string, as before, cost ~60–100 ms and its garbage in
   * each fresh index instance's first match (97,828 keys for kremlin; 6,807 documents here).
   */
  private docStart?: Map<string, number>;
  /**
   * Rowid of each ref that `candidates` handed out, by identity: matchPlan
   * asks for every candidate's passage (~12,000 per plan at 100k passages;
   * twice each before), and building and hashing the string key each time
   * was ~7 % of a whole-plan match (CPU profile, kremlin archive).
   */
  private readonly rowOfRef = new Map<PassageRef, number>();
  private readonly sources = new Map<string, SourceInfo>();
  private readonly selectTerms: Database.Statement;
  private readonly selectManyTerms: Database.Statement;
  private readonly selectManyPostings: Database.Statement;
  /** Decoded passages by rowid: the points of one plan share many candidates. */
  private readonly cache = new ClearingCache<number, IndexedPassage>(() => CACHE_PASSAGES);
  /** Posting lists by key number: the points of one plan share keys. */
  private readonly postingsCache = new ClearingCache<number, Postings>(
    () => this.tuning.cachedPostings,
    (list) => list.length,
  );
  /** BM25's counts for the main channel (every passage) and the short-passage channel. */
  private readonly main: Bm25Channel;
  private readonly short: Bm25Channel;
  private readonly refs: PassageRef[];
  private readonly segments: Segment[];
  readonly size: number;
  /** Retrieval knobs (see the constants above); the benchmark and tests vary them. */
  tuning = { commonShare: COMMON_SHARE, mainShare: MAIN_SHARE, figureShare: FIGURE_SHARE, shortShare: SHORT_SHARE, maxQueryKeys: MAX_QUERY_KEYS, cachedPostings: CACHE_POSTINGS };

  private constructor(
    private readonly db: Db,
    passages: Passages,
  ) {
    this.refs = passages.refs;
    this.segments = passages.segments;
    this.size = this.refs.length;
    for (const doc of passages.docs) this.sources.set(doc.id, sourceInfo(doc));
    this.selectTerms = db.prepare('SELECT terms FROM passages WHERE rowid = ?').pluck();
    this.selectManyTerms = db.prepare('SELECT rowid, terms FROM passages WHERE rowid IN (SELECT value FROM json_each(?))').raw();
    this.selectManyPostings = db.prepare('SELECT id, rows FROM postings WHERE id IN (SELECT value FROM json_each(?))').raw();
    const meta = new Map(db.prepare('SELECT key, value FROM meta').raw().all() as [string, string | Buffer][]);
    this.keyDf = readInt32s(meta.get('dfs') as Buffer);
    this.keyStrings = this.keyDf.length ? (meta.get('keys') as Buffer).toString('utf8').split(KEY_SEPARATOR) : [];
    if (this.keyDf.length !== this.keyStrings.length) throw new Error('the index lists keys and frequencies of different lengths');
    for (let id = 0; id < this.keyStrings.length; id++) this.keyNumber.set(this.keyStrings[id], id);
    this.scorerIds = new Int32Array(this.keyStrings.length);
    this.main = { rows: this.size, tokens: Number(meta.get('tokens')) };
    const shortRows = readInt32s(meta.get('short') as Buffer);
    const member = new Uint8Array(this.size + 1);
    for (const row of shortRows) member[row] = 1;
    this.short = { rows: shortRows.length, tokens: Number(meta.get('short_tokens')), member };
  }

  /**
   * Open the index at `path` for `documents` (all from one corpus file), building
   * it first (on this thread) when the file is absent or its fingerprint differs.
   */
  static open(sqlite: Sqlite, path: string, documents: Document[], fingerprint: string, options: BuildOptions = {}): OpenedIndex {
    const passages = passageRefs(documents);
    const existing = existsSync(path) ? SqlitePassageIndex.tryOpen(sqlite, path, fingerprint, passages) : undefined;
    if (existing) return { index: existing, built: false };
    buildIndexFile(sqlite, path, documents, passages.refs.length, fingerprint, options);
    return { index: new SqlitePassageIndex(new sqlite(path, { readonly: true }), passages), built: true };
  }

  /**
   * Like `open`, but a build of PARALLEL_FROM_PASSAGES passages or more is
   * tokenised in `threads` worker threads (index-build.ts); the file written
   * is the same.
   */
  static async openAsync(sqlite: Sqlite, path: string, documents: Document[], fingerprint: string, options: BuildOptions & { threads: number }): Promise<OpenedIndex> {
    const passages = passageRefs(documents);
    const total = passages.refs.length;
    const existing = existsSync(path) ? SqlitePassageIndex.tryOpen(sqlite, path, fingerprint, passages) : undefined;
    if (existing) return { index: existing, built: false };
    if (options.threads > 1 && total >= PARALLEL_FROM_PASSAGES) await buildIndexFileParallel(sqlite, path, documents, total, fingerprint, options);
    else buildIndexFile(sqlite, path, documents, total, fingerprint, options);
    return { index: new SqlitePassageIndex(new sqlite(path, { readonly: true }), passages), built: true };
  }

  /**
   * The index at `path` when its fingerprint and format are the expected ones
   * and it opens whole (its tables and totals read), else undefined: a damaged,
   * foreign or older file is rebuilt, never trusted.
   */
  private static tryOpen(sqlite: Sqlite, path: string, fingerprint: string, passages: Passages): SqlitePassageIndex | undefined {
    let db: Db | undefined;
    try {
      db = new sqlite(path, { readonly: true, fileMustExist: true });
      const meta = new Map(db.prepare("SELECT key, value FROM meta WHERE key IN ('fingerprint', 'format')").raw().all() as [string, string][]);
      if (meta.get('fingerprint') === fingerprint && meta.get('format') === String(INDEX_FORMAT)) return new SqlitePassageIndex(db, passages);
    } catch {
      // Damaged or of another layout: rebuilt below.
    }
    db?.close();
    return undefined;
  }

  idf(key: string): number {
    return bm25Idf(this.size, this.df(key));
  }

  /** Number of passages holding a key (also for an index that combines several parts). */
  df(key: string): number {
    const id = this.keyNumber.get(key);
    return id === undefined ? 0 : this.keyDf[id];
  }

  /**
   * Two retrieval channels, because the scorer has two kinds of evidence:
   * BM25 over all the point's keys (the lexical, alignment and phrase parts),
   * and BM25 over only its figures — numbers and names — which the scorer
   * weighs as a part of their own, so a passage sharing one rare name can
   * outscore one sharing many ordinary words. Up to MAIN_SHARE × `k`
   * passages from the first channel, then up to FIGURE_SHARE × `k` more from
   * the second. On the kremlin archive, recall@10 against brute force was
   * 0.950 with shares 1 and 1, 0.975 with 1 and 3, 0.994 with 3 and 3 (when
   * first chosen). After the tokeniser and glossary changes of the merged
   * text work, main/figures/short shares 3/3/1 gave 0.988 on both kremlin
   * and the synthetic 100,000 corpus, each missing passages that share one
   * word (point 26's "war", five times) with a point. The smallest change
   * that reaches 0.99 on one corpus fails on the other: 4/3/1 gives 0.994
   * on kremlin but 0.988 on synthetic; 3/3/2 gives 0.994 on synthetic but
   * 0.988 on kremlin. 4/3/2 gives 0.994 on both, so it was chosen looking
   * at both corpora, and neither confirms it blind (README, Scale).
   * A third channel searches only short passages (≤ SHORT_PASSAGE_TERMS
   * terms): among 100,000 passages BM25 ranks a 5-term passage that shares one
   * or two rare terms far down, yet the scorer's windowed cosine rates it
   * high, so without this channel such passages were the bulk of what the
   * index missed against brute force.
   */
  candidates(query: Token[], k: number): PassageRef[] {
    if (k <= 0) return [];
    const terms = termsOf(query);
    const keys = terms.map((t) => t.key);
    const all = this.queryKeys(keys);
    const rows = this.search(all, Math.ceil(k * this.tuning.mainShare), this.main);
    const figures = terms.filter((t) => t.kind === 'number' || t.kind === 'entity').map((t) => t.key);
    const seen = new Set(rows);
    // Each channel returns at most its share of k, so what it adds needs no count of its own.
    const addFrom = (found: number[]) => {
      for (const rowid of found) {
        if (seen.has(rowid)) continue;
        seen.add(rowid);
        rows.push(rowid);
      }
    };
    if (figures.length) addFrom(this.search(this.queryKeys(figures), Math.ceil(k * this.tuning.figureShare), this.main));
    if (this.tuning.shortShare > 0) addFrom(this.search(all, Math.ceil(k * this.tuning.shortShare), this.short));
    this.prefetch(rows);
    return rows.map((rowid) => {
      const ref = this.refs[rowid - 1];
      this.rowOfRef.set(ref, rowid);
      return ref;
    });
  }

  /**
   * The keys of `keys` that retrieval uses, rarest first, with their posting
   * lists and document frequencies (the same for every channel).
   */
  private queryKeys(keys: string[]): { lists: Postings[]; dfs: number[] } {
    // The cost of a query is the total length of its posting lists. Keys found
    // in more than COMMON_SHARE of the passages ("russia", "president") add a
    // tiny IDF to the rank but most of its cost: they are left out of
    // retrieval (never out of scoring), unless too few rarer keys remain.
    // Ties in df keep the keys' order in the point (a stable sort), which is
    // the order BM25 sums in.
    const byDf = [...new Set(keys)]
      .map((key) => this.keyNumber.get(key))
      .filter((id): id is number => id !== undefined)
      .map((id) => ({ id, df: this.keyDf[id] }))
      .sort((a, b) => a.df - b.df);
    const common = Math.max(MIN_COMMON_DF, this.size * this.tuning.commonShare);
    const kept = byDf.filter((t, i) => t.df <= common || i < MIN_QUERY_KEYS).slice(0, this.tuning.maxQueryKeys);
    return { lists: this.postingLists(kept.map((t) => t.id)), dfs: kept.map((t) => t.df) };
  }

  /** Rowids of the `k` passages of `channel` BM25 ranks best for `query` (postings.ts bm25Top; the main channel's n(q) is the stored df). */
  private search(query: { lists: Postings[]; dfs: number[] }, k: number, channel: Bm25Channel): number[] {
    return bm25Top(query.lists, channel, k, this.size, channel === this.main ? query.dfs : undefined);
  }

  /** The posting lists of key numbers `ids`, read in one statement for those not cached. */
  private postingLists(ids: number[]): Postings[] {
    const lists = new Map<number, Postings>();
    const missing: number[] = [];
    for (const id of ids) {
      const cached = this.postingsCache.get(id);
      if (cached) lists.set(id, cached);
      else missing.push(id);
    }
    if (missing.length) {
      for (const [id, rows] of this.selectManyPostings.all(JSON.stringify(missing)) as [number, Buffer][]) {
        const list = readInt32s(rows);
        lists.set(id, list);
        // Emptied when full; this query's lists are in `lists` whatever the cache drops.
        this.postingsCache.set(id, list);
      }
    }
    return ids.map((id) => lists.get(id)!);
  }

  passage(ref: PassageRef): IndexedPassage | undefined {
    let rowid = this.rowOfRef.get(ref);
    if (rowid === undefined) {
      const n = this.rowIndexOf(ref);
      if (n === undefined) return undefined;
      rowid = n + 1;
    }
    const cached = this.cache.get(rowid);
    if (cached) return cached;
    const stored = this.selectTerms.get(rowid) as Buffer | undefined;
    return stored === undefined ? undefined : this.remember(rowid, stored);
  }

  /** Rowid − 1 of `ref` by its document's rows (see docStart), or undefined when the index has no such passage. */
  private rowIndexOf(ref: PassageRef): number | undefined {
    if (!this.docStart) {
      this.docStart = new Map();
      for (let n = 0; n < this.refs.length; n++) if (!this.docStart.has(this.refs[n].doc)) this.docStart.set(this.refs[n].doc, n);
    }
    const start = this.docStart.get(ref.doc);
    if (start === undefined) return undefined;
    for (let n = start; n < this.refs.length && this.refs[n].doc === ref.doc; n++) if (this.refs[n].passage === ref.passage) return n;
    return undefined;
  }

  /**
   * Read the stored terms of the candidates in one statement rather than one
   * call each: the scorer asks for every candidate right after `candidates`.
   */
  private prefetch(rowids: number[]): void {
    const missing = rowids.filter((r) => !this.cache.has(r));
    if (!missing.length) return;
    this.cache.reserve(missing.length);
    for (const [rowid, terms] of this.selectManyTerms.all(JSON.stringify(missing)) as [number, Buffer][]) this.remember(rowid, terms);
  }

  private remember(rowid: number, stored: Buffer): IndexedPassage {
    const seg = this.segments[rowid - 1];
    const passage = passageOf(this.refs[rowid - 1], seg, this.decodeTerms(stored));
    this.cache.set(rowid, passage);
    return passage;
  }

  /**
   * The stored terms of a passage (index-build.ts TERM_FIELDS). Keys are the
   * scorer's interned strings (key-ids.ts), one object per distinct key, and
   * their ids are kept as the array's termIds, which the scorer would
   * otherwise intern again.
   */
  private decodeTerms(stored: Buffer): Term[] {
    const values = readInt32s(stored);
    const generation = keyGeneration();
    if (generation !== this.scorerGeneration) {
      this.scorerIds.fill(-1);
      this.scorerGeneration = generation;
    }
    const n = values.length / TERM_FIELDS;
    const ids = new Int32Array(n);
    // Pushed, not `new Array(n)`: a holey array would be a second elements kind
    // in the scorer's loops, which see packed arrays from the tokeniser (V8 deoptimises on each new kind).
    const terms: Term[] = [];
    for (let i = 0, at = 0; i < n; i++, at += TERM_FIELDS) {
      const number = values[at];
      let id = this.scorerIds[number];
      // A new generation may start inside this loop: then every id is looked up again.
      if (id < 0 || keyGeneration() !== generation) id = this.scorerIds[number] = keyId(this.keyStrings[number]);
      ids[i] = id;
      const flags = values[at + 3];
      terms.push({ key: keyOf(id), start: values[at + 1], end: values[at + 2], kind: TERM_KINDS[flags & 3], neutral: (flags & 4) !== 0 });
    }
    rememberIds(terms, ids, generation);
    return terms;
  }

  document(id: string): SourceInfo | undefined {
    return this.sources.get(id);
  }

  close(): void {
    this.db.close();
  }
}


