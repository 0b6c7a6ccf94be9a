// `provenance list` reads summaries through a cache keyed by file contents:
// a hit must equal a fresh load, and editing a file must invalidate it.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { loadSummaries } from '../../src/corpus/summary-cache.js';
import { summarizeDocument } from '../../src/corpus/summary.js';

describe('summary cache', () => {
  it('gives the same summaries and issues as a fresh load, and notices an edited file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'summaries-'));
    const cacheDir = join(root, 'cache');
    const corpusDir = join(root, 'corpus');
    mkdirSync(corpusDir);
    const file = join(corpusDir, 'memo.md');
    copyFileSync('corpora/statements/ru-2025-06-02-memorandum.md', file);
    const options = { corpora: [corpusDir], builtin: false };

    const first = await loadSummaries(options, cacheDir);
    const second = await loadSummaries(options, cacheDir);
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    const fresh = loadCorpus(options);
    expect(second.summaries).toEqual(JSON.parse(JSON.stringify(fresh.documents.map(summarizeDocument))));
    expect(second.issues).toEqual(fresh.issues);
    expect(second.summaries.map((s) => s.id)).toEqual(['ru-2025-06-02-memorandum']);

    // Break the date in the front matter: the cache must not hide the new error.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^date: .*$/m, 'date: 2025-02-30'));
    const edited = await loadSummaries(options, cacheDir);
    expect(edited.cached).toBe(false);
    expect(edited.summaries).toEqual([]);
    expect(edited.issues[0]).toMatchObject({ severity: 'error', field: 'date' });
  });
});
