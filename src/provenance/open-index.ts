// Choose and open the passage index for a corpus: the shipped and Markdown
// statements go into the in-memory index (hundreds of passages, built in
// milliseconds); each bulk file (JSON Lines, CSV) gets a persistent SQLite
// index beside it, `<file>.fts.sqlite` (the name is from when it held FTS5
// tables, index formats 1–4), rebuilt only when the file or the term code
// changes. better-sqlite3 (a native module) is loaded only when a
// bulk file is present.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { basename, resolve } from 'node:path';
import { isBulkFile } from '../corpus/bulk-file.js';
import type { Corpus, Document } from '../corpus/types.js';
import { derivedPath } from '../util/derived-path.js';
import { fileDigest } from '../util/file-digest.js';
import { codeFingerprint } from './code-fingerprint.js';
import { CompositePassageIndex, type IndexPart } from './composite-index.js';
import { indexKeys, MemoryPassageIndex } from './memory-index.js';
import { isSourceDocument, passageSegments } from './passages.js';
import { INDEX_FORMAT, SqlitePassageIndex } from './sqlite-index.js';
import type { PassageIndex } from './types.js';

export interface OpenIndexOptions {
  /** Told how far building a persistent index has got (passages). */
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface IndexReport {
  /** The bulk file, or `memory` for the in-memory part. */
  file: string;
  passages: number;
  /** `built` (new or changed corpus), `reused` (warm start) or `memory`. */
  state: 'built' | 'reused' | 'memory';
  path?: string;
  ms: number;
}

export interface OpenedPassageIndex {
  index: PassageIndex;
  parts: IndexReport[];
  /** Close persistent indexes (the CLI exits anyway; tests and benchmarks call it). */
  close(): void;
}

/**
 * Synchronous, for callers that cannot wait (the draft workers, which open an
 * index the server has already built, and tests); a build runs on this
 * thread. The CLI and the server use openPassageIndexAsync.
 * better-sqlite3 is a CommonJS module and is required lazily.
 */
export function openPassageIndex(corpus: Corpus, options: OpenIndexOptions = {}): OpenedPassageIndex {
  const plan = planParts(corpus);
  if (!plan.bulk.length) return plan.memoryOnly!;
  return assemble(
    plan,
    plan.bulk.map(({ file, docs }) => {
      const began = performance.now();
      const path = indexPath(file);
      const opened = SqlitePassageIndex.open(sqlite(), path, docs, fingerprint(file, docs), { onProgress: progressFor(options, file) });
      return { file, docs, path, ms: performance.now() - began, ...opened };
    }),
  );
}

/**
 * Like openPassageIndex, but a bulk file's index is built with `threads`
 * worker threads (default: defaultIndexThreads()) when it is large enough to
 * pay (index-build.ts PARALLEL_FROM_PASSAGES). Files are built one after another.
 */
export async function openPassageIndexAsync(corpus: Corpus, options: OpenIndexOptions & { threads?: number } = {}): Promise<OpenedPassageIndex> {
  const plan = planParts(corpus);
  if (!plan.bulk.length) return plan.memoryOnly!;
  const threads = options.threads ?? defaultIndexThreads();
  const opened: BulkOpened[] = [];
  try {
    for (const { file, docs } of plan.bulk) {
      const began = performance.now();
      const path = indexPath(file);
      const o = await SqlitePassageIndex.openAsync(sqlite(), path, docs, fingerprint(file, docs), { onProgress: progressFor(options, file), threads });
      opened.push({ file, docs, path, ms: performance.now() - began, ...o });
    }
  } catch (e) {
    for (const o of opened) o.index.close();
    throw e;
  }
  return assemble(plan, opened);
}

/** Worker threads for an index build: one per core, at most 4 (the main thread only inserts). */
export function defaultIndexThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

interface PartsPlan {
  inMemory: Document[];
  bulk: { file: string; docs: Document[] }[];
  /** The in-memory part, built (undefined when the corpus holds only bulk files). */
  memory?: { index: MemoryPassageIndex; report: IndexReport };
  /** The whole answer when there is no bulk file. */
  memoryOnly?: OpenedPassageIndex;
}

interface BulkOpened {
  file: string;
  docs: Document[];
  path: string;
  /** Time to open (and maybe build) this file's index. */
  ms: number;
  index: SqlitePassageIndex;
  built: boolean;
}

/** Sources split into the in-memory part (built here) and one group per bulk file. */
function planParts(corpus: Corpus): PartsPlan {
  const sources = corpus.documents.filter(isSourceDocument);
  const byBulkFile = new Map<string, Document[]>();
  const inMemory: Document[] = [];
  for (const doc of sources) {
    if (isBulkFile(doc.path)) {
      const file = resolve(doc.path);
      if (!byBulkFile.has(file)) byBulkFile.set(file, []);
      byBulkFile.get(file)!.push(doc);
    } else inMemory.push(doc);
  }
  const bulk = [...byBulkFile].map(([file, docs]) => ({ file, docs }));
  if (!inMemory.length && bulk.length) return { inMemory, bulk };
  const began = performance.now();
  const index = MemoryPassageIndex.fromDocuments(inMemory);
  const report: IndexReport = { file: 'memory', passages: index.size, state: 'memory', ms: performance.now() - began };
  return { inMemory, bulk, memory: { index, report }, ...(bulk.length ? {} : { memoryOnly: { index, parts: [report], close() {} } }) };
}

/** One index over the in-memory part and the opened bulk files, with a report per part. */
function assemble(plan: PartsPlan, opened: BulkOpened[]): OpenedPassageIndex {
  const parts: IndexPart[] = [];
  const reports: IndexReport[] = [];
  if (plan.memory) {
    parts.push({ index: plan.memory.index, df: memoryDf(plan.memory.index), documents: plan.inMemory.map((d) => d.id) });
    reports.push(plan.memory.report);
  }
  for (const { file, docs, path, ms, index, built } of opened) {
    reports.push({ file, passages: index.size, state: built ? 'built' : 'reused', path, ms });
    parts.push({ index, df: (key) => index.df(key), documents: docs.map((d) => d.id) });
  }
  const index = parts.length === 1 ? parts[0].index : new CompositePassageIndex(parts);
  return { index, parts: reports, close: () => opened.forEach((o) => o.index.close()) };
}

function sqlite(): typeof import('better-sqlite3') {
  return createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');
}

function progressFor(options: OpenIndexOptions, file: string): ((done: number, total: number) => void) | undefined {
  const label = `indexing ${basename(file)}`;
  return options.onProgress && ((done, total) => options.onProgress!(done, total, label));
}

/** Beside the corpus file when its folder is writable, else in the system's temporary folder. */
export function indexPath(file: string): string {
  return derivedPath(file, '.fts.sqlite');
}

/**
 * What the stored index depends on: the corpus file's bytes, the passages
 * taken from it (a record skipped for a clashing id changes them), and the
 * code and glossary that turn text into terms.
 */
export function fingerprint(file: string, docs: Document[]): string {
  const h = createHash('sha256');
  h.update(`format ${INDEX_FORMAT}\n`);
  h.update(`file ${fileDigest(file)}\n`);
  for (const d of docs) h.update(`${d.id}:${passageSegments(d).length}\n`);
  h.update(codeFingerprint());
  return h.digest('hex');
}

/** Document frequencies of a small in-memory index, counted once. */
function memoryDf(memory: MemoryPassageIndex): (key: string) => number {
  const df = new Map<string, number>();
  for (const p of memory.all()) for (const k of new Set(indexKeys(p.terms))) df.set(k, (df.get(k) ?? 0) + 1);
  return (key) => df.get(key) ?? 0;
}
