// Saving a user's draft: validated first, written with front matter into the
// user folder only, loadable after a restart, and refused with a named field
// when it cannot be kept.
import { existsSync, mkdirSync, utimesSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { planPoints } from '../../src/corpus/coverage.js';
import { BUILTIN_CORPUS_DIR, findDocument, loadCorpus } from '../../src/corpus/load.js';
import { removeStaleTemps } from '../../src/corpus/atomic-write.js';
import { composeDraftFile, putDocument, saveDraft, saveFolder, type DraftToSave } from '../../src/corpus/save-draft.js';

const tmp = mkdtempSync(join(tmpdir(), 'save-draft-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const shipped = loadCorpus();
const us28 = findDocument(shipped, 'us-28-2025-11-20')!;
const e3 = findDocument(shipped, 'e3-counter-2025-11-23')!;
const draftOf = (text: string, id = 'my-draft'): DraftToSave => ({ source: text, id, title: 'My copy', sourceUrl: 'https://example.org/draft', date: '2025-11-27' });

function folder(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  return dir;
}

describe('saveFolder', () => {
  it('never picks the shipped corpora, a folder inside them, or a missing folder', () => {
    const user = folder('user');
    expect(saveFolder([BUILTIN_CORPUS_DIR, join(BUILTIN_CORPUS_DIR, 'plans'), join(tmp, 'nope'), user])).toBe(user);
    expect(saveFolder([BUILTIN_CORPUS_DIR])).toBeUndefined();
    expect(saveFolder([])).toBeUndefined();
  });
});

describe('saveDraft', () => {
  it('writes a numbered list with front matter that loads after a restart', async () => {
    const dir = folder('roundtrip');
    const corpus = loadCorpus({ corpora: [dir] });
    const outcome = await saveDraft(corpus, dir, draftOf(us28.text));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.replaced).toBe(false);
    expect(readdirSync(dir)).toEqual(['my-draft.md']); // no temporary file left behind
    putDocument(corpus, outcome.document);

    const restarted = loadCorpus({ corpora: [dir] });
    expect(restarted.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const saved = findDocument(restarted, 'my-draft')!;
    expect(saved).toMatchObject({ kind: 'plan', title: 'My copy', side: 'unknown', date: '2025-11-27', sources: ['https://example.org/draft'], builtin: false });
    expect(saved.text).toBe(us28.text);
    expect(planPoints(saved).map((s) => s.id)).toEqual(planPoints(us28).map((s) => s.id));
  });

  it('replaces its own earlier version in place', async () => {
    const dir = folder('versions');
    const corpus = loadCorpus({ corpora: [dir] });
    const first = await saveDraft(corpus, dir, draftOf(us28.text));
    if (first.ok) putDocument(corpus, first.document);
    const second = await saveDraft(corpus, dir, draftOf(e3.text));
    expect(second).toMatchObject({ ok: true, replaced: true });
    if (second.ok) putDocument(corpus, second.document);
    expect(corpus.documents.filter((d) => d.id === 'my-draft')).toHaveLength(1);
    expect(findDocument(loadCorpus({ corpora: [dir] }), 'my-draft')!.text).toBe(e3.text);
  });

  it('refuses an id held by a shipped document or by another file', async () => {
    const dir = folder('taken');
    const corpus = loadCorpus({ corpora: [dir] });
    const outcome = await saveDraft(corpus, dir, draftOf(us28.text, 'us-28-2025-11-20'));
    expect(outcome).toMatchObject({ ok: false, reason: 'taken' });
    if (!outcome.ok) expect(outcome.issues[0].message).toBe('id "us-28-2025-11-20" is already used by a shipped document: choose another id');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses ids that could leave the folder, and names the field', async () => {
    const dir = folder('paths');
    const corpus = loadCorpus({ corpora: [dir] });
    for (const id of ['../escape', 'a/b', 'UPPER', '.hidden', '', 'x'.repeat(3) + '..']) {
      const outcome = await saveDraft(corpus, dir, draftOf(us28.text, id));
      expect(outcome).toMatchObject({ ok: false, reason: 'invalid' });
      if (!outcome.ok) expect(outcome.issues[0].field).toBe('id');
    }
    expect(existsSync(join(tmp, 'escape.md'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the form field of a bad title, source URL or date, and a bad body by its line', () => {
    const file = join(tmp, 'x.md');
    const bad = (d: Partial<DraftToSave>) => {
      const r = composeDraftFile({ ...draftOf(us28.text), ...d }, file);
      return r.ok ? [] : r.issues.map((i) => [i.field, i.line]);
    };
    expect(bad({ title: '' })).toEqual([['title', undefined]]);
    expect(bad({ title: 'two\nlines' })).toEqual([['title', undefined]]);
    expect(bad({ sourceUrl: 'javascript:alert(1)' })).toEqual([['source_url', undefined]]);
    expect(bad({ date: 'yesterday' })).toEqual([['date', undefined]]);
    expect(bad({ source: `${us28.text}\n${us28.text.split('\n')[0]}` })).toEqual([['body', us28.text.split('\n').length + 1]]);
  });

  it('keeps a pasted full document with its own front matter as written', async () => {
    const dir = folder('own-front-matter');
    const source = readFileSync(join(BUILTIN_CORPUS_DIR, 'plans', 'e3-counter-2025-11-23.md'), 'utf8').replace('id: e3-counter-2025-11-23', 'id: e3-copy');
    const outcome = await saveDraft(loadCorpus({ corpora: [dir] }), dir, { ...draftOf(source), id: 'ignored' });
    expect(outcome).toMatchObject({ ok: true, file: join(dir, 'e3-copy.md') });
    expect(readFileSync(join(dir, 'e3-copy.md'), 'utf8')).toBe(source);
  });

  it('leaves an unrelated file alone when a stray temporary file exists', async () => {
    const dir = folder('stray');
    writeFileSync(join(dir, '.my-draft.md.1.abc.tmp'), us28.text.slice(0, 100)); // left by a crash
    const outcome = await saveDraft(loadCorpus({ corpora: [dir] }), dir, draftOf(us28.text));
    expect(outcome.ok).toBe(true);
    const reloaded = loadCorpus({ corpora: [dir], builtin: false });
    expect(reloaded.documents.map((d) => d.id)).toEqual(['my-draft']);
    expect(reloaded.issues).toEqual([]);
  });

  it('never throws and never writes outside its folder, whatever the form fields hold', async () => {
    const dir = folder('fuzzed-fields');
    const corpus = loadCorpus({ corpora: [dir], builtin: false });
    const hostile = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('../x', '..', '/etc/passwd', 'a\u0000b', 'con', 'a/../../b', '%2e%2e', 'x'.repeat(300), '\u202Eevil', 'javascript:alert(1)', 'https://example.org/\n---', '2025-02-30'));
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, hostile, async (id, title, sourceUrl, date) => {
        const outcome = await saveDraft(corpus, dir, { source: us28.text, id, title, sourceUrl, date });
        if (outcome.ok) {
          expect(outcome.file.startsWith(dir + '/')).toBe(true);
          expect(readdirSync(dir)).toContain(`${outcome.document.id}.md`);
        } else {
          expect(outcome.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60, seed: 20251127 },
    );
    expect(readdirSync(tmp).every((n) => !n.endsWith('.md'))).toBe(true);
  });

  it('tidies away only its own stale temporary files', async () => {
    const dir = folder('stale');
    const old = new Date(Date.now() - 3_600_000);
    for (const name of ['.my-draft.md.123.0123456789ab.tmp', '.fresh.md.9.abcdefabcdef.tmp', 'keep.md', '.other.tmp']) writeFileSync(join(dir, name), 'x');
    utimesSync(join(dir, '.my-draft.md.123.0123456789ab.tmp'), old, old);
    utimesSync(join(dir, '.other.tmp'), old, old);
    expect(await removeStaleTemps(dir)).toEqual(['.my-draft.md.123.0123456789ab.tmp']);
    expect(readdirSync(dir).sort()).toEqual(['.fresh.md.9.abcdefabcdef.tmp', '.other.tmp', 'keep.md']);
  });

  it('never overwrites a file of the same name that did not load', async () => {
    const dir = folder('broken-file');
    const broken = `${us28.text.slice(0, 40)}`; // a user's half-written file: no front matter
    writeFileSync(join(dir, 'my-draft.md'), broken);
    const corpus = loadCorpus({ corpora: [dir] });
    expect(findDocument(corpus, 'my-draft')).toBeUndefined();
    const outcome = await saveDraft(corpus, dir, draftOf(us28.text));
    expect(outcome).toMatchObject({ ok: false, reason: 'taken' });
    expect(readFileSync(join(dir, 'my-draft.md'), 'utf8')).toBe(broken);
  });
});
