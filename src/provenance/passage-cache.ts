// The terms of the in-memory corpus's passages (the shipped corpora and every
// `--corpus` folder), kept between runs. Tokenising those 41 documents was a
// quarter of a `provenance match` on the shipped corpora and of the web
// server's start-up (~300 ms of ~1.3 s CPU, most of it the tokenizer's first,
// unoptimised calls and the Russian analyser's dictionaries, 1 Dec 2026); a
// run that finds the cache reads one JSON file instead.
//
// Stored: one file per set of documents, `passage-terms-<key>.json` in the
// working copy's cache folder (disk-cache.ts), holding the passages' terms in
// the bulk index's row layout (index-build.ts taskRows: key numbers into one
// key list, start, end and flags per term). The key covers what the terms
// depend on: each document's language, text and passage spans, in order,
// codeFingerprint (the tokenizer's code, the glossary, the analysers'
// versions) and the code of the stored layout (this module, index-build.ts). A document's id, title or date are not in it: they are read from
// the document itself on every run. A file that does not hold what its key
// promises (damaged, edited) is ignored and written again.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document, Segment } from '../corpus/types.js';
import { CACHE_DIR, CACHE_KEEP, readCache, writeCache } from '../util/disk-cache.js';
import { codeFingerprint } from './code-fingerprint.js';
import { TERM_FIELDS, TERM_KINDS, taskRows, type RowBatch } from './index-build.js';
import { documentPassages, indexedPassage, passageSegments } from './passages.js';
import type { IndexedPassage, Term } from './types.js';

/** Bump when the stored layout changes. */
const FORMAT = 1;

const PREFIX = 'passage-terms-';

/**
 * Documents holding more text than this (UTF-16 units) in all are tokenised without the
 * cache: its JSON would be several times their size, in the working copy (the shipped
 * corpora: ~0.3 M). A corpus that large belongs in a JSON Lines file, indexed on disk.
 */
export const MAX_CACHED_CHARS = 16_000_000;

/** What a cache file holds: RowBatch with its terms as a plain array (JSON). */
interface Stored {
  keys: string[];
  terms: number[];
  counts: number[];
}

/**
 * The passages of each of `documents` (documentPassages of each, in order:
 * ref, source, start, end and terms with document-level offsets in UTF-16
 * units), their terms read from the cache in `dir` when it holds this set of
 * documents, else tokenised and stored there (not beyond MAX_CACHED_CHARS). Never throws for the cache: one
 * that cannot be read or written is passed by.
 */
export function cachedDocumentPassages(documents: Document[], dir = CACHE_DIR): IndexedPassage[][] {
  if (documents.reduce((n, d) => n + d.text.length, 0) > MAX_CACHED_CHARS) return documents.map(documentPassages);
  const segments = documents.map(passageSegments);
  const tasks = documents.map((doc, i) => ({ text: doc.text, language: doc.language, spans: segments[i].flatMap((s) => [s.start, s.end]) }));
  const name = `${PREFIX}${cacheKey(tasks)}.json`;
  let rows = storedRows(readCache<unknown>(dir, name), tasks);
  if (!rows) {
    rows = taskRows({ documents: tasks });
    writeCache(dir, name, { keys: rows.keys, terms: Array.from(rows.terms), counts: rows.counts } satisfies Stored, PREFIX, CACHE_KEEP);
  }
  return passagesOf(documents, segments, rows);
}

let ownCode: Buffer | undefined;

/**
 * This module's code and index-build.ts's (taskRows, TERM_KINDS: the stored
 * layout), which codeFingerprint does not cover: a change to either is a new key.
 */
function layoutCode(): Buffer {
  if (!ownCode) {
    const here = fileURLToPath(import.meta.url);
    ownCode = Buffer.concat([readFileSync(here), readFileSync(join(dirname(here), `index-build${extname(here)}`))]);
  }
  return ownCode;
}

/** SHA-256 (hex) of the format, the code's fingerprint and each document's language, spans and text, length-prefixed. */
function cacheKey(tasks: { text: string; language: string; spans: number[] }[]): string {
  const h = createHash('sha256');
  h.update(`format ${FORMAT}\n${codeFingerprint()}\n`);
  h.update(layoutCode());
  h.update(`\n${tasks.length}\n`);
  for (const t of tasks) {
    h.update(`${t.language.length}:${t.language} ${t.spans.join(',')} ${t.text.length}:`);
    h.update(t.text);
  }
  return h.digest('hex');
}

/**
 * The rows a cache file holds, checked against the documents they are for
 * (one count per passage, every key number in range, every term inside its
 * passage), else undefined.
 */
function storedRows(stored: unknown, tasks: { spans: number[] }[]): RowBatch | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { keys, terms, counts } = stored as Partial<Stored>;
  if (!Array.isArray(keys) || !Array.isArray(terms) || !Array.isArray(counts) || !keys.every((k) => typeof k === 'string')) return undefined;
  const passages = tasks.reduce((n, t) => n + t.spans.length / 2, 0);
  if (counts.length !== passages || !counts.every((c) => Number.isInteger(c) && c >= 0)) return undefined;
  if (terms.length !== TERM_FIELDS * counts.reduce((a, b) => a + b, 0)) return undefined;
  let at = 0;
  let passage = 0;
  for (const { spans } of tasks) {
    for (let i = 0; i < spans.length; i += 2, passage++) {
      const end = at + counts[passage] * TERM_FIELDS;
      for (; at < end; at += TERM_FIELDS) {
        const [key, start, stop, flags] = [terms[at], terms[at + 1], terms[at + 2], terms[at + 3]];
        if (!Number.isInteger(key) || key < 0 || key >= keys.length) return undefined;
        if (!Number.isInteger(start) || !Number.isInteger(stop) || start < spans[i] || stop > spans[i + 1] || start >= stop) return undefined;
        if (!Number.isInteger(flags) || (flags & 3) >= TERM_KINDS.length || flags >> 3 !== 0) return undefined;
      }
    }
  }
  return { keys, terms: Int32Array.from(terms), counts };
}

/** documentPassages of each document (its passage `segments`), with the terms of `rows` (passages in document order). */
function passagesOf(documents: Document[], segments: Segment[][], rows: RowBatch): IndexedPassage[][] {
  const { keys, terms, counts } = rows;
  let at = 0;
  let passage = 0;
  return documents.map((doc, d) =>
    segments[d].map((s) => {
      const list: Term[] = [];
      const end = at + counts[passage++] * TERM_FIELDS;
      for (; at < end; at += TERM_FIELDS) {
        const flags = terms[at + 3];
        // The literal spanTerms makes (terms.ts), in its key order: the scorer sees one shape of term.
        list.push({ key: keys[terms[at]], start: terms[at + 1], end: terms[at + 2], kind: TERM_KINDS[flags & 3], neutral: (flags & 4) !== 0 });
      }
      return indexedPassage(doc, s, list);
    }),
  );
}
