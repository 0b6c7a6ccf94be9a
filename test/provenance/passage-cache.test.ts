// The in-memory corpus's term cache (passage-cache.ts): what it returns is
// what tokenising the documents gives, whether the file was there, missing,
// damaged or made for other texts.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Document } from '../../src/corpus/types.js';
import { MemoryPassageIndex } from '../../src/provenance/memory-index.js';
import { cachedDocumentPassages } from '../../src/provenance/passage-cache.js';
import { documentPassages, isSourceDocument } from '../../src/provenance/passages.js';

const sources = loadCorpus().documents.filter(isSourceDocument);
const fresh = sources.map(documentPassages);

const dirs: string[] = [];
function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'passage-cache-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const cacheFile = (dir: string) => {
  const names = readdirSync(dir).filter((n) => n.startsWith('passage-terms-'));
  expect(names).toHaveLength(1);
  return join(dir, names[0]);
};

describe('the term cache of the in-memory corpus', () => {
  it('gives the shipped corpora the passages tokenising gives, on the run that writes it and on the run that reads it', () => {
    const dir = cacheDir();
    const written = cachedDocumentPassages(sources, dir);
    expect(written).toEqual(fresh);
    const file = cacheFile(dir);
    const read = cachedDocumentPassages(sources, dir);
    expect(read).toEqual(fresh);
    // The term objects have spanTerms's keys in its order (one hidden class for the scorer).
    expect(Object.keys(read[0][0].terms[0])).toEqual(Object.keys(fresh[0][0].terms[0]));
    expect(readdirSync(dir).filter((n) => n.startsWith('passage-terms-'))).toEqual([file.slice(dir.length + 1)]);
  });

  it('is read, not recomputed, on the second run (a marked key shows through)', () => {
    const dir = cacheDir();
    cachedDocumentPassages(sources, dir);
    const file = cacheFile(dir);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { keys: string[] };
    const first = stored.keys[0];
    stored.keys[0] = `${first}-marked`;
    writeFileSync(file, JSON.stringify(stored));
    const read = cachedDocumentPassages(sources, dir);
    expect(read.flat().flatMap((p) => p.terms).some((t) => t.key === `${first}-marked`)).toBe(true);
  });

  it('passes by a damaged or inconsistent file and writes it again', () => {
    const dir = cacheDir();
    cachedDocumentPassages(sources, dir);
    const file = cacheFile(dir);
    const good = readFileSync(file, 'utf8');
    const stored = JSON.parse(good) as { keys: string[]; terms: number[]; counts: number[] };
    const damaged = [
      good.slice(0, good.length / 2),
      'null',
      JSON.stringify({ ...stored, counts: stored.counts.slice(1) }),
      JSON.stringify({ ...stored, terms: stored.terms.map((v, i) => (i === 0 ? stored.keys.length : v)) }),
      JSON.stringify({ ...stored, terms: stored.terms.map((v, i) => (i === 2 ? 1e9 : v)) }),
      JSON.stringify({ ...stored, terms: stored.terms.map((v, i) => (i === 3 ? 64 : v)) }),
    ];
    for (const bad of damaged) {
      writeFileSync(file, bad);
      expect(cachedDocumentPassages(sources, dir)).toEqual(fresh);
      expect(readFileSync(file, 'utf8')).toBe(good);
    }
  });

  it('keys the file by the texts: an edited statement is tokenised again, not read from the old file', () => {
    const dir = cacheDir();
    cachedDocumentPassages(sources, dir);
    const before = cacheFile(dir);
    // The same statement with its first passage's first letter changed (same length, same spans).
    const doc = sources.find((d) => documentPassages(d).length > 0)!;
    const p = documentPassages(doc)[0];
    const i = doc.text.slice(p.start, p.end).search(/[a-zа-я]/i) + p.start;
    const swapped = doc.text[i] === 'x' ? 'y' : 'x';
    const edited: Document = { ...doc, text: doc.text.slice(0, i) + swapped + doc.text.slice(i + 1) };
    const set = sources.map((d) => (d === doc ? edited : d));
    const got = cachedDocumentPassages(set, dir);
    expect(got).toEqual(set.map(documentPassages));
    expect(got).not.toEqual(fresh);
    expect(readdirSync(dir).filter((n) => n.startsWith('passage-terms-'))).toHaveLength(2);
    expect(readdirSync(dir)).toContain(before.slice(dir.length + 1));
  });

  it('builds the same in-memory index with the cache as without', () => {
    const cached = MemoryPassageIndex.fromDocuments(sources);
    const plain = MemoryPassageIndex.fromDocuments(sources, { cache: false });
    expect(cached.all()).toEqual(plain.all());
    expect(cached.size).toBe(plain.size);
    for (const key of ['c:security-guarantees', 'w:nato', 'ru:нато', 'n:600000']) expect(cached.idf(key)).toBe(plain.idf(key));
  });
});
