// Parsed Markdown corpus files kept between runs. Parsing the shipped
// corpora's 45 files (YAML front matter, the schema, language checks,
// segmentation) took ~170 ms of CPU in every command that loads them, most of
// it the YAML parser's first, unoptimised calls (1 Dec 2026); a run that finds
// the cache reads and hashes the files and reads one file instead.
//
// One cache file per list of files (a corpus folder, or one file named on its
// own), `markdown-<key>.v8` in the working copy's cache folder
// (disk-cache.ts, v8.serialize with a SHA-256 check), holding each file's
// outcome (its document and issues) before it joins a corpus: whether its id
// is taken depends on what was loaded before it, so that is judged on every
// run (load.ts addOutcome). The key covers everything an outcome depends on:
// each file's path and bytes, the working directory (paths in documents and
// messages are shown relative to it), `builtin` and `inFolder`, and the
// loader's code and libraries (loader-code.ts).
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { CACHE_DIR, readSerialized, writeSerialized } from '../util/disk-cache.js';
import type { FileOutcome } from './load.js';
import { loaderCodeFingerprint } from './loader-code.js';
import { sizeIssue } from './source-text.js';

/** Bump when what is stored changes shape. */
const FORMAT = 1;
const PREFIX = 'markdown-';
/** Cache files kept (a few folder sets, for src/ and dist/ each). */
const KEEP = 8;
/**
 * Folders holding more Markdown than this (bytes) are parsed without the cache: its
 * file would be about twice their size, in the working copy (the shipped corpora:
 * ~0.5 MB). A corpus that large belongs in a JSON Lines file, which has its own cache.
 */
export const MAX_CACHED_BYTES = 32_000_000;

interface ReadOptions {
  builtin: boolean;
  inFolder: boolean;
}

/**
 * The outcome of reading each of `files` (what `read` gives for each, in
 * order), from the cache in `dir` when it holds these bytes, else computed by
 * `read` and stored (not stored beyond MAX_CACHED_BYTES in all). Undefined
 * when a file cannot be read or is over the size limit: the caller then reads
 * each file itself, and such a run is never cached. Never throws for the cache.
 */
export function cachedMarkdownFiles(
  files: string[],
  options: ReadOptions,
  read: (file: string, options: ReadOptions, bytes: Uint8Array) => FileOutcome,
  dir = CACHE_DIR,
): FileOutcome[] | undefined {
  // A file that is over the size limit (judged before reading it) or unreadable: the caller reads them all itself.
  const contents: Buffer[] = [];
  for (const file of files) {
    try {
      if (sizeIssue(statSync(file).size, file)) return undefined;
      contents.push(readFileSync(file));
    } catch {
      return undefined;
    }
  }
  if (contents.reduce((n, c) => n + c.length, 0) > MAX_CACHED_BYTES) return files.map((file, i) => read(file, options, contents[i]));
  const name = `${PREFIX}${cacheKey(files, contents, options)}.v8`;
  const stored = readSerialized(dir, name);
  if (isOutcomes(stored, files.length)) return stored;
  const outcomes = files.map((file, i) => read(file, options, contents[i]));
  writeSerialized(dir, name, outcomes, PREFIX, KEEP);
  return outcomes;
}

/** SHA-256 (hex) of the format, the loader's code, the working directory, the options and each file's path and bytes, length-prefixed. */
function cacheKey(files: string[], contents: Buffer[], { builtin, inFolder }: ReadOptions): string {
  const h = createHash('sha256');
  h.update(`format ${FORMAT}\n${loaderCodeFingerprint()}\ncwd ${process.cwd().length}:${process.cwd()}\nbuiltin ${builtin} inFolder ${inFolder}\n`);
  files.forEach((file, i) => {
    h.update(`file ${file.length}:${file} ${contents[i].length}:`);
    h.update(contents[i]);
  });
  return h.digest('hex');
}

/** A stored value of the right shape: one outcome per file, each with an issue list and at most a document with text and segments. */
function isOutcomes(value: unknown, files: number): value is FileOutcome[] {
  if (!Array.isArray(value) || value.length !== files) return false;
  return value.every((o: Partial<FileOutcome> | null) => {
    if (typeof o !== 'object' || o === null || !Array.isArray(o.issues)) return false;
    const d = o.document;
    return d === undefined || (typeof d === 'object' && d !== null && typeof d.id === 'string' && typeof d.text === 'string' && Array.isArray(d.segments));
  });
}
