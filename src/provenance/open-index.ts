// Choose and open the passage index for a corpus: the shipped and Markdown
// statements go into the in-memory index (hundreds of passages, built in
// milliseconds); each bulk file (JSON Lines, CSV) gets a persistent SQLite FTS5
// index beside it, `<file>.fts.sqlite`, rebuilt only when the file or the
// term code changes. better-sqlite3 (a native module) is loaded only when a
// bulk file is present.
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBulkFile } from '../corpus/bulk-file.js';
import type { Corpus, Document } from '../corpus/types.js';
import { GLOSSARY_PATH } from '../text/index.js';
import { CompositePassageIndex, type IndexPart } from './composite-index.js';
import { indexKeys, MemoryPassageIndex } from './memory-index.js';
import { isSourceDocument } from './passages.js';
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
 * Synchronous, so the CLI's match and export (and the web server) need no
 * async plumbing; better-sqlite3 is a CommonJS module and is required lazily.
 */
export function openPassageIndex(corpus: Corpus, options: OpenIndexOptions = {}): OpenedPassageIndex {
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

  const parts: IndexPart[] = [];
  const reports: IndexReport[] = [];
  const closers: (() => void)[] = [];
  if (inMemory.length || !byBulkFile.size) {
    const began = performance.now();
    const memory = MemoryPassageIndex.fromDocuments(inMemory);
    reports.push({ file: 'memory', passages: memory.size, state: 'memory', ms: performance.now() - began });
    if (!byBulkFile.size) return { index: memory, parts: reports, close() {} };
    parts.push({ index: memory, df: memoryDf(memory), documents: inMemory.map((d) => d.id) });
  }

  const sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');
  for (const [file, docs] of byBulkFile) {
    const began = performance.now();
    const path = indexPath(file);
    const label = `indexing ${basename(file)}`;
    const { index, built } = SqlitePassageIndex.open(sqlite, path, docs, fingerprint(file, docs), {
      onProgress: options.onProgress && ((done, total) => options.onProgress!(done, total, label)),
    });
    closers.push(() => index.close());
    reports.push({ file, passages: index.size, state: built ? 'built' : 'reused', path, ms: performance.now() - began });
    parts.push({ index, df: (key) => index.df(key), documents: docs.map((d) => d.id) });
  }
  const index = parts.length === 1 ? parts[0].index : new CompositePassageIndex(parts);
  return { index, parts: reports, close: () => closers.forEach((c) => c()) };
}

/** Beside the corpus file when its folder is writable, else in the system's temporary folder. */
export function indexPath(file: string): string {
  try {
    accessSync(dirname(file), constants.W_OK);
    return `${file}.fts.sqlite`;
  } catch {
    const dir = join(tmpdir(), 'plan-provenance-index');
    mkdirSync(dir, { recursive: true });
    return join(dir, `${createHash('sha256').update(file).digest('hex').slice(0, 16)}-${basename(file)}.fts.sqlite`);
  }
}

/**
 * What the stored index depends on: the corpus file's bytes, the passages
 * taken from it (a record skipped for a clashing id changes them), and the
 * code and glossary that turn text into terms.
 */
export function fingerprint(file: string, docs: Document[]): string {
  const h = createHash('sha256');
  h.update(`format ${INDEX_FORMAT}\n`);
  h.update(readFileSync(file));
  for (const d of docs) h.update(`${d.id}:${d.segments.filter((s) => s.kind === 'passage').length}\n`);
  h.update(codeFingerprint());
  return h.digest('hex');
}

let codeHash: string | undefined;

/** Hash of the modules that derive terms (text layer, terms, passages, index keys) and of the glossary. */
export function codeFingerprint(): string {
  if (codeHash) return codeHash;
  const here = dirname(fileURLToPath(import.meta.url));
  const h = createHash('sha256');
  const textDir = resolve(here, '../text');
  // Files only: src/text/lexicon/ feeds alignment, not terms. Russian terms are
  // lemmas from az's dictionaries, so its version counts too.
  for (const e of readdirSync(textDir, { withFileTypes: true }).filter((x) => x.isFile()).sort((a, b) => (a.name < b.name ? -1 : 1))) h.update(readFileSync(join(textDir, e.name)));
  h.update(`az ${(createRequire(import.meta.url)('az/package.json') as { version: string }).version}\n`);
  for (const name of readdirSync(here).sort()) {
    // sqlite-index's own layout is versioned by INDEX_FORMAT instead, so tuning its queries keeps the index.
    if (/^(terms|passages|memory-index)\.(ts|js)$/.test(name)) h.update(readFileSync(join(here, name)));
  }
  h.update(readFileSync(GLOSSARY_PATH));
  codeHash = h.digest('hex');
  return codeHash;
}

/** Document frequencies of a small in-memory index, counted once. */
function memoryDf(memory: MemoryPassageIndex): (key: string) => number {
  const df = new Map<string, number>();
  for (const p of memory.all()) for (const k of new Set(indexKeys(p.terms))) df.set(k, (df.get(k) ?? 0) + 1);
  return (key) => df.get(key) ?? 0;
}
