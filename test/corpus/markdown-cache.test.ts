// The cache of parsed Markdown corpus files (markdown-cache.ts): a load that
// reads it gives exactly what parsing the files gives, and anything the
// outcome depends on (bytes, damage, readability) is noticed.
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_CORPUS_DIR, loadCorpus, readMarkdownFile } from '../../src/corpus/load.js';
import { cachedMarkdownFiles } from '../../src/corpus/markdown-cache.js';

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The Markdown files of a folder as the loader lists them (documentation files are not documents). */
function markdownIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((n) => n.endsWith('.md') && !/(^|\/)(README|SOURCES)\.md$/i.test(n))
    .sort((a, b) => a.localeCompare(b))
    .map((n) => join(dir, n));
}

const folder = { builtin: true, inFolder: true };
const plansDir = join(BUILTIN_CORPUS_DIR, 'plans');
const plans = markdownIn(plansDir);
const parsed = plans.map((f) => readMarkdownFile(f, folder));

const cacheFiles = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('markdown-'));

describe('the cache of parsed Markdown files', () => {
  it('gives the shipped plans exactly what parsing gives, on the run that writes it and on the one that reads it', () => {
    const dir = tempDir('markdown-cache-');
    expect(cachedMarkdownFiles(plans, folder, readMarkdownFile, dir)).toStrictEqual(parsed);
    expect(cacheFiles(dir)).toHaveLength(1);
    // The second run must not parse: a reader that throws would show it.
    const read = cachedMarkdownFiles(plans, folder, () => { throw new Error('parsed again'); }, dir);
    expect(read).toStrictEqual(parsed);
    expect(read![0].document!.segments.length).toBeGreaterThan(0);
  });

  it('keys by builtin and inFolder as well as by the bytes', () => {
    const dir = tempDir('markdown-cache-');
    cachedMarkdownFiles(plans, folder, readMarkdownFile, dir);
    const user = { builtin: false, inFolder: true };
    expect(cachedMarkdownFiles(plans, user, readMarkdownFile, dir)).toStrictEqual(plans.map((f) => readMarkdownFile(f, user)));
    expect(cacheFiles(dir)).toHaveLength(2);
  });

  it('notices an edited file: its document is parsed again and the old file is not read', () => {
    const dir = tempDir('markdown-cache-');
    const copy = tempDir('markdown-corpus-');
    cpSync(plansDir, copy, { recursive: true });
    const files = markdownIn(copy);
    cachedMarkdownFiles(files, folder, readMarkdownFile, dir);
    // A real plan's title changed by one letter (same length: a cache keyed by sizes would miss it).
    const file = files.find((f) => f.endsWith('us-28-2025-11-20.md'))!;
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/^title: (.)/m, (_, c: string) => `title: ${c === 'X' ? 'Y' : 'X'}`);
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited);
    const again = cachedMarkdownFiles(files, folder, readMarkdownFile, dir)!;
    expect(again).toStrictEqual(files.map((f) => readMarkdownFile(f, folder)));
    expect(again.find((o) => o.document?.id === 'us-28-2025-11-20')!.document!.title).toMatch(/^[XY]/);
  });

  it('passes by a damaged cache file and writes it again', () => {
    const dir = tempDir('markdown-cache-');
    cachedMarkdownFiles(plans, folder, readMarkdownFile, dir);
    const file = join(dir, cacheFiles(dir)[0]);
    const good = readFileSync(file);
    const damaged = [good.subarray(0, good.length >> 1), Buffer.from('garbage'), Buffer.alloc(0)];
    // One bit flipped inside the payload: the SHA-256 in front no longer agrees.
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100] ^= 1;
    damaged.push(flipped);
    for (const bad of damaged) {
      writeFileSync(file, bad);
      expect(cachedMarkdownFiles(plans, folder, readMarkdownFile, dir)).toStrictEqual(parsed);
      expect(readFileSync(file).equals(good)).toBe(true);
    }
  });

  it('is not used, and writes nothing, when a file cannot be read', () => {
    const dir = tempDir('markdown-cache-');
    expect(cachedMarkdownFiles([...plans, join(plansDir, 'no-such-plan.md')], folder, readMarkdownFile, dir)).toBeUndefined();
    expect(cacheFiles(dir)).toHaveLength(0);
  });

  it('judges duplicate ids on every load: the same folder twice gives one document per id and a duplicate error each, with or without the cache', () => {
    const copy = tempDir('markdown-corpus-');
    cpSync(join(BUILTIN_CORPUS_DIR, 'statements'), copy, { recursive: true });
    const first = loadCorpus({ builtin: true, corpora: [copy] });
    const second = loadCorpus({ builtin: true, corpora: [copy] });
    expect(second).toStrictEqual(first);
    const statements = first.documents.filter((d) => d.kind === 'statement').length;
    expect(first.documents.filter((d) => d.path.startsWith(copy))).toHaveLength(0);
    expect(first.issues.filter((i) => /duplicate id/.test(i.message))).toHaveLength(statements);
  });

  it('leaves an unreadable file to the loader, which reports it and loads the rest', () => {
    if (process.getuid?.() === 0) return; // root reads any file: nothing to test
    const copy = tempDir('markdown-corpus-');
    cpSync(plansDir, copy, { recursive: true });
    const files = markdownIn(copy);
    chmodSync(files[0], 0);
    const corpus = loadCorpus({ builtin: false, corpora: [copy] });
    expect(corpus.issues.some((i) => /cannot read the file/.test(i.message))).toBe(true);
    expect(corpus.documents).toHaveLength(files.length - 1);
  });
});
