// Bulk statement files: JSON Lines (`.jsonl`, `.ndjson`) or CSV, optionally
// gzipped. Each record becomes one statement Document; a bad record is
// reported by its line and skipped, and the rest of the file still loads.
//
// Two readers share the per-record logic: a streaming one (readline or
// csv-parse over a gunzip stream) for the CLI and the web server, and a
// synchronous one so the plain `loadCorpus` also accepts bulk files.
import type { Options as CsvOptions } from 'csv-parse';
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { constants as zlibConstants, createGunzip, gunzipSync } from 'node:zlib';
import { derivedPath } from '../util/derived-path.js';
import { fileDigest } from '../util/file-digest.js';
import { type BulkEvent, CACHE_FROM_BYTES, readBulkCache, writeBulkCache } from './bulk-cache.js';
import { recordToDocument, unknownFields } from './bulk-record.js';
import { loaderCodeFingerprint } from './loader-code.js';
import type { Corpus, Document, LoadIssue } from './types.js';

const BULK_NAME = /\.(jsonl|ndjson|csv)(\.gz)?$/i;

export function isBulkFile(path: string): boolean {
  return BULK_NAME.test(path);
}

/** Called with bytes of the file read so far and its size. */
export type ProgressCallback = (doneBytes: number, totalBytes: number) => void;

/**
 * Most text a bulk file may hold once decompressed (the shipped Kremlin file is
 * 21 MB): a gzip bomb of a few megabytes must not expand into gigabytes.
 */
export const MAX_BULK_BYTES = 256_000_000;

export interface BulkReadOptions {
  /** The file as shown in messages (relative to the working directory when inside it). */
  shown: string;
  builtin: boolean;
  /** Decompressed size limit (default MAX_BULK_BYTES). */
  maxBytes?: number;
  onProgress?: ProgressCallback;
  /** Use and keep the file's load cache (bulk-cache.ts; default true). */
  cache?: boolean;
  /** Smallest file (bytes, as stored) given a load cache (default CACHE_FROM_BYTES). */
  cacheFromBytes?: number;
}

/**
 * Adds records to a corpus, refusing duplicate ids, and collects per-file
 * notes. Everything it is told is also logged as events (bulk-cache.ts), so a
 * later run can replay them through a new sink instead of reading the file.
 */
class RecordSink {
  private readonly ids: Set<string>;
  private readonly unknown = new Set<string>();
  private firstUnknownLine = 0;
  added = 0;
  /** What this read did, for the load cache; not kept when the sink replays a cache. */
  readonly events: BulkEvent[] = [];

  constructor(
    private readonly corpus: Corpus,
    private readonly options: BulkReadOptions,
    private readonly log = true,
  ) {
    this.ids = new Set(corpus.documents.map((d) => d.id));
  }

  issue(issue: LoadIssue): void {
    if (this.log) this.events.push({ kind: 'issue', issue });
    this.corpus.issues.push(issue);
  }

  record(record: unknown, line: number): void {
    if (record && typeof record === 'object' && !Array.isArray(record)) {
      const fields = unknownFields(record as Record<string, unknown>);
      if (fields.length) this.unknownFields(fields, line);
    }
    const { document, issues } = recordToDocument(record, { file: this.options.shown, line, builtin: this.options.builtin });
    for (const issue of issues) this.issue(issue);
    if (document) this.add(document, line);
  }

  /** Replay what an earlier read of the same file logged. */
  replay(events: BulkEvent[]): void {
    for (const e of events) {
      if (e.kind === 'issue') this.issue(e.issue);
      else if (e.kind === 'document') this.add(e.document, e.line);
      else this.unknownFields(e.fields, e.line);
    }
  }

  private unknownFields(fields: string[], line: number): void {
    if (this.log) this.events.push({ kind: 'unknown', fields, line });
    for (const f of fields) {
      if (!this.unknown.size) this.firstUnknownLine = line;
      this.unknown.add(f);
    }
  }

  private add(document: Document, line: number): void {
    if (this.log) this.events.push({ kind: 'document', document, line });
    if (this.ids.has(document.id)) {
      const first = this.corpus.documents.find((d) => d.id === document.id);
      // Pushed directly: the duplicate depends on what was loaded before, so it is not an event of the file.
      this.corpus.issues.push({
        severity: 'error',
        file: this.options.shown,
        line,
        field: 'id',
        message: `duplicate id "${document.id}" (already used by ${first?.path ?? 'another document'}): give this record another id; the line is skipped`,
      });
      return;
    }
    this.ids.add(document.id);
    this.corpus.documents.push(document);
    this.added++;
  }

  finish(): void {
    if (this.unknown.size) {
      this.corpus.issues.push({
        severity: 'warning',
        file: this.options.shown,
        line: this.firstUnknownLine,
        field: [...this.unknown].join(', '),
        message: `unknown field(s) ignored (known: id, text, date, side, speaker, language, source, title, translated_from)`,
      });
    }
    if (this.added === 0) {
      this.corpus.issues.push({ severity: 'warning', file: this.options.shown, field: 'file', message: 'no statement loaded from this bulk file' });
    }
  }
}

// ---- JSON Lines ----

function jsonLine(sink: RecordSink, shown: string, text: string, line: number): void {
  if (text.trim() === '') return;
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (e) {
    sink.issue({
      severity: 'error',
      file: shown,
      line,
      field: 'record',
      message: `not valid JSON (${(e as Error).message}): each line must be one complete JSON object; the line is skipped`,
    });
    return;
  }
  sink.record(record, line);
}

/**
 * The lines of a JSON Lines stream as the synchronous reader splits them: at
 * LF, a CR before it dropped. Not readline, which also breaks at a lone CR,
 * which JSON allows as whitespace inside a record: the two readers share one
 * load cache, so they must see the same lines.
 */
async function* jsonLines(input: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of input) {
    rest += chunk;
    let from = 0;
    for (let at = rest.indexOf('\n'); at >= 0; at = rest.indexOf('\n', from)) {
      yield rest.slice(from, at).replace(/\r$/, '');
      from = at + 1;
    }
    rest = rest.slice(from);
  }
  yield rest.replace(/\r$/, '');
}

// ---- CSV ----

const REQUIRED_COLUMNS = ['id', 'text', 'date', 'side', 'language', 'source'];

// `on_skip` exists in csv-parse 5.6 but is missing from its type definitions.
function csvOptions(sink: RecordSink, shown: string): CsvOptions & { on_skip: (err: Error | undefined) => void } {
  return {
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim());
      const absent = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
      if (absent.length) {
        // A spreadsheet saved with another separator (a ';' in many European locales, or tabs) reads as one column.
        const other = names.length === 1 ? ([';', '\t', '|'] as const).find((sep) => names[0].split(sep).filter((n) => REQUIRED_COLUMNS.includes(n.trim())).length >= 2) : undefined;
        const hint = other ? `; the columns seem to be separated by ${other === '\t' ? 'tabs' : `"${other}"`}: save the file as comma-separated values (RFC 4180)` : '';
        throw new BulkHeaderError(`the header line lacks column(s) ${absent.join(', ')}: the first line must name the columns (id, text, date, side, language, source; speaker, title and translated_from may follow)${hint}`);
      }
      return names;
    },
    bom: true,
    info: true,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      const e = err as (Error & { lines?: number; raw?: string; code?: string; columns?: unknown[]; record?: unknown[] }) | undefined;
      // csv-parse gives the line a record ends on: a quoted text spanning lines would point past its start.
      const line = e?.lines !== undefined && typeof e.raw === 'string' ? csvStartLine(e.raw, e.lines) : e?.lines;
      const message =
        e?.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' && Array.isArray(e.record) && Array.isArray(e.columns)
          ? `the record has ${e.record.length} fields where the header names ${e.columns.length}: a comma or a line break in a field that is not in double quotes? quote such fields ("like, this")`
          : (e?.message ?? 'malformed CSV record');
      sink.issue({ severity: 'error', file: shown, line, field: 'record', message: `${message}; the record is skipped` });
    },
  };
}

class BulkHeaderError extends Error {}

interface CsvRow {
  record: Record<string, string>;
  info: { lines: number };
  raw: string;
}

/** The line a record starts on (1-based), from the line csv-parse says it ends on (`endLine`) and its raw text: a quoted text may span lines. */
function csvStartLine(raw: string, endLine: number): number {
  const inner = raw.replace(/\r?\n$/, '');
  let breaks = 0;
  for (let i = inner.indexOf('\n'); i >= 0; i = inner.indexOf('\n', i + 1)) breaks++;
  return endLine - breaks;
}

function headerIssue(shown: string, e: unknown): LoadIssue {
  return { severity: 'error', file: shown, line: 1, field: 'header', message: (e as Error).message };
}

// ---- the load cache ----

interface CacheSlot {
  path: string;
  key: string;
  /** SHA-256 of the file's bytes that the key covers. */
  digest: string;
}

/**
 * Where this file's load cache is and the key it must carry; undefined when the
 * file gets none. `onRead` gets the file's bytes when they were read to hash them.
 */
function cacheSlot(file: string, options: BulkReadOptions, total: number, onRead?: (bytes: Buffer) => void): CacheSlot | undefined {
  if (options.cache === false || total < (options.cacheFromBytes ?? CACHE_FROM_BYTES)) return undefined;
  try {
    // Everything the events depend on: the bytes, how the file is named in messages and
    // documents, the size limit, the loader's code and libraries, V8's serialisation, and ICU's Unicode data (letters, NFC).
    const digest = fileDigest(file, onRead);
    const key = [digest, file, options.shown, options.builtin, options.maxBytes ?? MAX_BULK_BYTES, loaderCodeFingerprint(), process.versions.v8, process.versions.icu, process.versions.unicode].join('\n');
    return { path: derivedPath(file, '.load-cache'), key: createHash('sha256').update(key).digest('hex'), digest };
  } catch {
    return undefined;
  }
}

/** Replay the file's cached events into the corpus; false when there is no valid cache. */
function loadFromCache(corpus: Corpus, slot: CacheSlot | undefined, options: BulkReadOptions, total: number): boolean {
  const events = slot && readBulkCache(slot.path, slot.key);
  if (!events) return false;
  const sink = new RecordSink(corpus, options, false);
  sink.replay(events);
  options.onProgress?.(total, total);
  sink.finish();
  return true;
}

// ---- readers ----

function tooLarge(max: number): string {
  return `the file holds more than ${max / 1e6} MB of text once decompressed: split it into several files`;
}

/**
 * A failure to read or gunzip a bulk file said in words, with what to do; the
 * library's own message (zlib's "incorrect header check") or errno code is kept
 * in brackets for a search.
 */
function readProblem(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'Z_DATA_ERROR':
      return /header check/.test(e.message)
        ? `it is not gzip-compressed although its name ends in .gz (${e.message}): compress it with gzip, or drop .gz from its name`
        : `its gzip data is damaged (${e.message}): copy or download the file again`;
    case 'Z_BUF_ERROR':
      return `its gzip data ends early (${e.message}): the file is cut short; copy or download it again`;
    case 'ENOENT':
      return 'no such file (ENOENT)';
    case 'EACCES':
    case 'EPERM':
      return `not allowed to read it (${e.code}): check its permissions`;
    case 'EISDIR':
      return 'it is a folder (EISDIR)';
    default:
      return e.message || e.code || 'error';
  }
}

function format(file: string): 'jsonl' | 'csv' {
  return /\.csv(\.gz)?$/i.test(file) ? 'csv' : 'jsonl';
}

function fileSize(file: string, corpus: Corpus, shown: string): number | undefined {
  try {
    return statSync(file).size;
  } catch (e) {
    corpus.issues.push({ severity: 'error', file: shown, field: 'file', message: `cannot read the file: ${readProblem(e as NodeJS.ErrnoException)}` });
    return undefined;
  }
}

/** Read a whole bulk file into a corpus, synchronously. */
export function addBulkFileSync(corpus: Corpus, file: string, options: BulkReadOptions): void {
  const { shown } = options;
  const total = fileSize(file, corpus, shown);
  if (total === undefined) return;
  /** The bytes the cache key's digest was computed from, when they were read for it (not remembered). */
  let hashed: Buffer | undefined;
  let slot = cacheSlot(file, options, total, (bytes) => (hashed = bytes));
  if (loadFromCache(corpus, slot, options, total)) return;
  let text: string;
  /** Set when the gzip data ends early: its whole lines are read, as the streaming reader reads them. */
  let cutShort: NodeJS.ErrnoException | undefined;
  try {
    const bytes = hashed ?? readFileSync(file);
    // The cache is written only for the bytes its key names (a remembered digest may be of an earlier read).
    if (slot && !hashed && createHash('sha256').update(bytes).digest('hex') !== slot.digest) slot = undefined;
    const max = options.maxBytes ?? MAX_BULK_BYTES;
    let data = bytes;
    if (/\.gz$/i.test(file)) {
      try {
        data = gunzipSync(bytes, { maxOutputLength: max + 1 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'Z_BUF_ERROR') throw e;
        cutShort = e as NodeJS.ErrnoException;
        const partial = gunzipSync(bytes, { maxOutputLength: max + 1, finishFlush: zlibConstants.Z_SYNC_FLUSH });
        data = partial.subarray(0, partial.lastIndexOf(10) + 1);
      }
    }
    if (data.length > max) throw new RangeError(tooLarge(max));
    text = data.toString('utf8');
  } catch (e) {
    const message = e instanceof RangeError ? tooLarge(options.maxBytes ?? MAX_BULK_BYTES) : `cannot read the file: ${readProblem(e as NodeJS.ErrnoException)}`;
    corpus.issues.push({ severity: 'error', file: shown, field: 'file', message });
    return;
  }
  const sink = new RecordSink(corpus, options);
  // Progress is reported against the decompressed text, scaled to the file size.
  const report = (at: number) => options.onProgress?.(Math.round((at / Math.max(1, text.length)) * total), total);
  if (format(file) === 'jsonl') {
    let line = 1;
    let from = 0;
    while (from <= text.length) {
      let to = text.indexOf('\n', from);
      if (to < 0) to = text.length;
      jsonLine(sink, shown, text.slice(from, to).replace(/\r$/, ''), line);
      if (line % 200 === 0) report(to);
      line++;
      from = to + 1;
    }
  } else {
    let rows: CsvRow[];
    try {
      // Loaded on first use: the loader (and `provenance list`) should not pay for a CSV parser it rarely needs.
      const { parse } = createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync');
      rows = parse(text, csvOptions(sink, shown)) as unknown as CsvRow[];
    } catch (e) {
      corpus.issues.push(e instanceof BulkHeaderError ? headerIssue(shown, e) : { severity: 'error', file: shown, field: 'file', message: `cannot parse the CSV (${(e as Error).message})` });
      return;
    }
    rows.forEach((row, i) => {
      sink.record(row.record, csvStartLine(row.raw, row.info.lines));
      if (i % 200 === 0) report(Math.round((i / rows.length) * text.length));
    });
  }
  if (cutShort) {
    corpus.issues.push({ severity: 'error', file: shown, field: 'file', message: `reading stopped early: ${readProblem(cutShort)}; the records before it are loaded` });
    return;
  }
  report(text.length);
  sink.finish();
  if (slot) writeBulkCache(slot.path, slot.key, sink.events);
}

/** Stream a bulk file into a corpus: the file is read (and gunzipped) in chunks. */
export async function addBulkFile(corpus: Corpus, file: string, options: BulkReadOptions): Promise<void> {
  const { shown } = options;
  const total = fileSize(file, corpus, shown);
  if (total === undefined) return;
  const slot = cacheSlot(file, options, total);
  if (loadFromCache(corpus, slot, options, total)) return;
  // Imported before the stream opens: awaiting later would let data flow past.
  const csvParser = format(file) === 'csv' ? (await import('csv-parse')).parse : undefined;
  const raw = createReadStream(file);
  let read = 0;
  // The cache is written only for the bytes its key names (the file may change while it streams).
  const digest = slot && createHash('sha256');
  raw.on('data', (chunk) => {
    read += chunk.length;
    digest?.update(chunk);
    options.onProgress?.(read, total);
  });
  let input: Readable = raw;
  if (/\.gz$/i.test(file)) {
    const gunzip = createGunzip();
    raw.on('error', (e) => gunzip.destroy(e));
    input = raw.pipe(gunzip);
  }
  const max = options.maxBytes ?? MAX_BULK_BYTES;
  let decompressed = 0;
  input.on('data', (chunk: Buffer | string) => {
    decompressed += chunk.length;
    if (decompressed > max) input.destroy(new Error(tooLarge(max)));
  });
  const sink = new RecordSink(corpus, options);
  try {
    if (format(file) === 'jsonl') {
      input.setEncoding('utf8');
      let line = 0;
      for await (const text of jsonLines(input)) jsonLine(sink, shown, text, ++line);
    } else {
      const parser = input.pipe(csvParser!(csvOptions(sink, shown)));
      input.on('error', (e) => parser.destroy(e));
      for await (const row of parser) sink.record((row as CsvRow).record, csvStartLine((row as CsvRow).raw, (row as CsvRow).info.lines));
    }
  } catch (e) {
    corpus.issues.push(
      e instanceof BulkHeaderError
        ? headerIssue(shown, e)
        : {
            severity: 'error',
            file: shown,
            field: 'file',
            // Nothing read yet (not gzip at all, say) is not "stopped early".
            message: sink.events.length ? `reading stopped early: ${readProblem(e as NodeJS.ErrnoException)}; the records before it are loaded` : `cannot read the file: ${readProblem(e as NodeJS.ErrnoException)}`,
          },
    );
    return;
  }
  options.onProgress?.(total, total);
  sink.finish();
  if (slot && digest!.digest('hex') === slot.digest) writeBulkCache(slot.path, slot.key, sink.events);
}
