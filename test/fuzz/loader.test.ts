// Hostile input for the loader: mutations of the real corpus files and a few
// huge or deeply nested cases never throw past decodeSource, parseDocumentSource,
// parseDraft, addFile or loadCorpus. Each input yields a document or an error
// naming the file and a line, within a bound that only guards against hangs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { timed as withinBound } from './hang-guard.js';
import { addFile, loadCorpus } from '../../src/corpus/load.js';
import { MAX_SEGMENTS, parseDocumentSource, parseDraft, type ParseResult } from '../../src/corpus/parse-document.js';
import { decodeSource, MAX_FILE_BYTES } from '../../src/corpus/source-text.js';
import type { Corpus, Document, LoadIssue } from '../../src/corpus/types.js';
import { byteMutation, realFiles, textMutation } from './mutations.js';

/** Hang guard per call, not a speed target (speed lives in scripts/bench.ts). */
const BOUND_MS = 5_000;
const FILES = realFiles();
// Fixed seed and moderate runs for `npm test`; FUZZ_RUNS=5000 FUZZ_SEED=random for a long hunt.
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20251120);
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const tmp = mkdtempSync(join(tmpdir(), 'fuzz-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function timed<T>(run: () => T): T {
  return withinBound(run, BOUND_MS);
}

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function checkIssues(issues: LoadIssue[], file: string, maxLine: number): void {
  for (const issue of issues) {
    expect(issue.file).toBe(file);
    expect(issue.message.length).toBeGreaterThan(0);
    if (issue.line !== undefined) {
      expect(Number.isInteger(issue.line)).toBe(true);
      expect(issue.line).toBeGreaterThanOrEqual(1);
      expect(issue.line).toBeLessThanOrEqual(maxLine + 1);
    }
  }
}

function checkDocument(doc: Document): void {
  const ids = new Set<string>();
  for (const s of doc.segments) {
    expect(0 <= s.start && s.start <= s.end && s.end <= doc.text.length, `segment ${s.id} in bounds`).toBe(true);
    expect(s.line).toBeGreaterThanOrEqual(1);
    expect(ids.has(s.id), `segment id ${s.id} unique`).toBe(false);
    ids.add(s.id);
    if (s.parent) expect(ids.has(s.parent)).toBe(true);
  }
}

/** A document and no errors, or no document and at least one error with a line. */
function checkParse(result: ParseResult, file: string, source: string): void {
  checkIssues(result.issues, file, lineCount(source));
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (result.document) {
    expect(errors).toEqual([]);
    checkDocument(result.document);
  } else {
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.line !== undefined)).toBe(true);
  }
}

/** The loader's own path from bytes: decode, then parse as a corpus file and as a draft. */
function checkBytes(bytes: Buffer, file: string): void {
  const decoded = timed(() => decodeSource(bytes, file));
  if (!decoded.ok) {
    checkIssues([decoded.issue], file, bytes.length + 1);
    expect(decoded.issue.severity).toBe('error');
    if (bytes.length <= MAX_FILE_BYTES) expect(decoded.issue.line).toBeGreaterThanOrEqual(1);
    return;
  }
  checkParse(timed(() => parseDocumentSource(decoded.text, file)), file, decoded.text);
  checkParse(timed(() => parseDraft(decoded.text, { id: 'fuzzed-draft', file })), file, decoded.text);
}

const realFile = fc.constantFrom(...FILES);

describe('mutated real corpus files', () => {
  it('text mutations (truncation, wrong types, duplicated lines, CRLF, BOM, odd characters, homoglyphs, deep indentation) never throw', () => {
    fc.assert(
      fc.property(realFile, fc.array(textMutation, { minLength: 1, maxLength: 3 }), (f, mutations) => {
        const text = mutations.reduce((t, m) => m(t), f.bytes.toString('utf8'));
        checkBytes(Buffer.from(text, 'utf8'), f.name);
        // Pasted text never passes through decodeSource: lone surrogates, NUL and CR reach parseDraft as they are.
        checkParse(timed(() => parseDraft(text, { id: 'pasted' })), '<pasted>', text);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('byte mutations (invalid UTF-8, NUL, random bytes) never throw', () => {
    fc.assert(
      fc.property(realFile, fc.array(byteMutation, { minLength: 1, maxLength: 3 }), (f, mutations) => {
        checkBytes(mutations.reduce((b, m) => m(b), f.bytes), f.name);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('a corpus folder of mutated files loads what it can and keeps every shipped document', () => {
    const builtin = loadCorpus();
    const builtinIds = builtin.documents.map((d) => d.id).sort();
    let round = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(realFile, textMutation, fc.option(byteMutation)), { minLength: 1, maxLength: 4 }), (edits) => {
        const dir = join(tmp, `round-${round++}`);
        mkdirSync(dir);
        edits.forEach(([f, m, b], k) => {
          const bytes = Buffer.from(m(f.bytes.toString('utf8')), 'utf8');
          writeFileSync(join(dir, `${k}-${f.name.replace('/', '-')}`), b ? b(bytes) : bytes);
        });
        const corpus = timed(() => loadCorpus({ corpora: [dir] }));
        for (const id of builtinIds) expect(corpus.documents.some((d) => d.id === id && d.builtin)).toBe(true);
        for (const issue of corpus.issues.filter((i) => i.severity === 'error')) {
          expect(issue.file).toMatch(/round-\d+/);
          expect(issue.line ?? (issue.field === 'file' ? 1 : undefined)).toBeGreaterThanOrEqual(1);
        }
        for (const d of corpus.documents) checkDocument(d);
      }),
      { numRuns: Math.max(4, Math.round(RUNS / 15)), seed: SEED },
    );
  });

  it('duplicated ids: the first document keeps the id, each copy is an error naming its file and line', () => {
    const dir = join(tmp, 'duplicates');
    mkdirSync(dir);
    const us28 = FILES.find((f) => f.name.endsWith('us-28-2025-11-20.md'))!;
    writeFileSync(join(dir, 'a-copy-of-shipped.md'), us28.bytes);
    const renamed = us28.bytes.toString('utf8').replace('id: us-28-2025-11-20', 'id: my-copy');
    writeFileSync(join(dir, 'b-mine.md'), renamed);
    writeFileSync(join(dir, 'c-mine-again.md'), renamed.replace(/\n/g, '\r\n'));
    const corpus = loadCorpus({ corpora: [dir] });
    const dupes = corpus.issues.filter((i) => i.field === 'id');
    expect(dupes.map((i) => [i.file.split('/').pop(), i.line, i.severity])).toEqual([
      ['a-copy-of-shipped.md', 2, 'error'],
      ['c-mine-again.md', 2, 'error'],
    ]);
    expect(corpus.documents.find((d) => d.id === 'us-28-2025-11-20')!.builtin).toBe(true);
    expect(corpus.documents.find((d) => d.id === 'my-copy')!.path).toMatch(/b-mine\.md$/);
  });
});
