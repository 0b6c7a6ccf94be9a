// Bulk statement files (JSON Lines, CSV, gzipped) built from real records of
// the shipped Kremlin file and then mutated: the synchronous and the streaming
// loader never throw, report bad records by line, and keep the good ones.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addBulkFile, addBulkFileSync, MAX_BULK_BYTES } from '../../src/corpus/bulk-file.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { loadCorpusAsync } from '../../src/corpus/load-async.js';
import type { Corpus } from '../../src/corpus/types.js';
import { byteMutation, textMutation } from './mutations.js';

const BOUND_MS = 10_000;
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20251120);
const RUNS = Math.max(8, Math.round(Number(process.env.FUZZ_RUNS ?? 120) / 5));
const tmp = mkdtempSync(join(tmpdir(), 'fuzz-bulk-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const real = gunzipSync(readFileSync(resolve(import.meta.dirname, '../../data/bulk/kremlin-en-2000-2020.jsonl.gz'))).toString('utf8').split('\n').slice(0, 12);
const records = real.map((l) => JSON.parse(l) as Record<string, string>);
const asCsv = stringify(records, { header: true, columns: Object.keys(records[0]) });

function check(corpus: Corpus, file: string): void {
  for (const issue of corpus.issues) {
    expect(issue.file.endsWith(file)).toBe(true);
    expect(issue.message.length).toBeGreaterThan(0);
    if (issue.field === 'record') expect(issue.line).toBeGreaterThanOrEqual(1);
  }
  for (const d of corpus.documents) {
    for (const s of d.segments) expect(0 <= s.start && s.start <= s.end && s.end <= d.text.length).toBe(true);
  }
}

async function loadBoth(name: string, bytes: Buffer): Promise<void> {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  const t0 = performance.now();
  const sync = loadCorpus({ corpora: [file], builtin: false });
  const streamed = await loadCorpusAsync({ corpora: [file], builtin: false });
  expect(performance.now() - t0, 'hang guard').toBeLessThan(BOUND_MS);
  check(sync, name);
  check(streamed, name);
}

describe('mutated bulk files', () => {
  for (const [kind, text] of [['jsonl', real.join('\n')], ['csv', asCsv]] as const) {
    it(`${kind}: text and byte mutations never throw past either loader`, async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(textMutation, fc.option(byteMutation), fc.boolean(), async (m, b, gzip) => {
          let bytes: Buffer = Buffer.from(m(text), "utf8");
          if (b) bytes = b(bytes);
          await loadBoth(`${n++}.${kind}${gzip ? '.gz' : ''}`, gzip ? gzipSync(bytes) : bytes);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });
  }

  it('a truncated or corrupt gzip stream is an error for the file, not a crash', async () => {
    const gz = gzipSync(Buffer.from(real.join('\n')));
    await loadBoth('cut.jsonl.gz', gz.subarray(0, Math.floor(gz.length / 2)));
    const flipped = Buffer.from(gz);
    flipped[Math.floor(gz.length / 2)] ^= 0xff;
    await loadBoth('flipped.jsonl.gz', flipped);
  });

  it('deeply nested JSON on one line is one bad record', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    await loadBoth('deep.jsonl', Buffer.from(`${real[0]}\n${deep}\n${real[1]}\n`));
    const corpus = loadCorpus({ corpora: [join(tmp, 'deep.jsonl')], builtin: false });
    expect(corpus.documents).toHaveLength(2);
    expect(corpus.issues.filter((i) => i.severity === 'error').map((i) => i.line)).toEqual([2]);
  });

  it('a gzip bomb is refused by its decompressed size, in both loaders', async () => {
    // 200 real records (repeated) compress to a few kB; with a 100 kB limit they stand in for a bomb.
    const file = join(tmp, 'bomb.jsonl.gz');
    writeFileSync(file, gzipSync(Buffer.from(`${real.join('\n')}\n`.repeat(20))));
    for (const load of [addBulkFileSync, addBulkFile]) {
      const corpus: Corpus = { documents: [], issues: [] };
      await load(corpus, file, { shown: 'bomb.jsonl.gz', builtin: false, maxBytes: 100_000 });
      // The streaming loader keeps the records read before the limit; the sync one reads nothing.
      expect(corpus.issues.some((i) => i.severity === 'error' && i.field === 'file' && i.message.includes('more than 0.1 MB of text once decompressed: split it into several files'))).toBe(true);
      if (load === addBulkFileSync) expect(corpus.documents).toEqual([]);
    }
    expect(MAX_BULK_BYTES).toBeGreaterThan(10 * gunzipSync(readFileSync(resolve(import.meta.dirname, '../../data/bulk/kremlin-en-2000-2020.jsonl.gz'))).length);
  });
});
