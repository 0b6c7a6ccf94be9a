// Huge and deeply nested inputs built from the real corpus texts: each is
// accepted or refused with a message that names the limit, never a hang or a
// stack overflow. Bounds are hang guards only.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { timed as withinBound } from './hang-guard.js';
import { planPoints, segmentText } from '../../src/corpus/coverage.js';
import { addFile, findDocument, loadCorpus } from '../../src/corpus/load.js';
import { MAX_REPORTED_PROBLEMS, MAX_SEGMENTS, parseDocumentSource, parseDraft } from '../../src/corpus/parse-document.js';
import { decodeSource, MAX_FILE_BYTES } from '../../src/corpus/source-text.js';
import type { Corpus } from '../../src/corpus/types.js';
import { realFiles } from './mutations.js';

const BOUND_MS = 5_000;
const tmp = mkdtempSync(join(tmpdir(), 'fuzz-limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function timed<T>(run: () => T): T {
  return withinBound(run, BOUND_MS);
}

const shipped = loadCorpus();
const us28 = findDocument(shipped, 'us-28-2025-11-20')!;
/** The real point texts of the US 28-point plan, one line each. */
const realPoints = planPoints(us28).map((s) => segmentText(us28, s).replace(/\s+/g, ' '));
const us28Source = realFiles().find((f) => f.name.endsWith('us-28-2025-11-20.md'))!.bytes.toString('utf8');
const us28FrontMatter = us28Source.slice(0, us28Source.indexOf('\n---', 3) + 5);
/** All shipped text on one line. */
const oneLine = shipped.documents.map((d) => d.text).join(' ').replace(/\s+/g, ' ');

function numbered(count: number): string {
  return Array.from({ length: count }, (_, i) => `${i + 1}. ${realPoints[i % realPoints.length]}`).join('\n');
}

function withFrontMatter(field: string, body: string): string {
  return us28FrontMatter.replace('\n---\n', `\n${field}\n---\n`) + body;
}

describe('size limits', () => {
  it('accepts 10,000 real points as a draft and as a corpus file', () => {
    const body = numbered(10_000);
    const draft = timed(() => parseDraft(body, { id: 'ten-thousand' }));
    expect(draft.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(planPoints(draft.document!)).toHaveLength(10_000);
    const file = join(tmp, 'ten-thousand.md');
    writeFileSync(file, us28FrontMatter.replace('id: us-28-2025-11-20', 'id: ten-thousand').replace(/missing: \[.*\]/, 'missing: []') + body);
    const corpus: Corpus = { documents: [], issues: [] };
    const doc = timed(() => addFile(corpus, file, false));
    expect(corpus.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(doc!.segments.filter((s) => s.kind === 'point')).toHaveLength(10_000);
  });

  it(`refuses more than ${MAX_SEGMENTS} segments with a message naming the limit`, () => {
    const shortest = [...realPoints].sort((a, b) => a.length - b.length)[0];
    const body = Array.from({ length: MAX_SEGMENTS + 5 }, (_, i) => `${i + 1}. ${shortest}`).join('\n');
    const r = timed(() => parseDraft(body, { id: 'too-many' }));
    expect(r.document).toBeUndefined();
    expect(r.issues[0]).toMatchObject({ severity: 'error', file: '<pasted>', line: 1, field: 'body' });
    expect(r.issues[0].message).toBe(`${MAX_SEGMENTS + 5} segments; the limit is ${MAX_SEGMENTS} per document — split the draft`);
  });

  it('refuses a 5 MB single line before reading it, and keeps the rest of the corpus', () => {
    const line = oneLine.repeat(Math.ceil(5e6 / oneLine.length)).slice(0, 5e6);
    const file = join(tmp, 'big', 'one-line.md');
    rmSync(join(tmp, 'big'), { recursive: true, force: true });
    mkdirSync(join(tmp, 'big'));
    writeFileSync(file, withFrontMatter('', line));
    writeFileSync(join(tmp, 'big', 'ten.md'), us28FrontMatter.replace('id: us-28-2025-11-20', 'id: ten-points').replace(/missing: \[.*\]/, 'missing: []') + numbered(10));
    const corpus = timed(() => loadCorpus({ corpora: [join(tmp, 'big')] }));
    const issue = corpus.issues.find((i) => i.file.endsWith('one-line.md'))!;
    expect(issue.message).toMatch(/^file is 5\.\d MB; the limit is 2 MB per document — split it into several files$/);
    expect(findDocument(corpus, 'ten-points')).toBeDefined();
    expect(corpus.documents.filter((d) => d.builtin)).toHaveLength(shipped.documents.length);

    const decoded = timed(() => decodeSource(Buffer.from(line), 'one-line.md'));
    expect(decoded.ok).toBe(false);
    const draft = timed(() => parseDraft(`1. ${line}`, { id: 'huge' }));
    expect(draft.issues[0].message).toMatch(/^the draft is 5\.\d MB; the limit is 2 MB — split it into several drafts$/);
  });

  it('accepts a single point just under the size limit', () => {
    // Cut by bytes: the shipped text has Cyrillic and typographic quotes.
    const line = Buffer.from(oneLine.repeat(Math.ceil(MAX_FILE_BYTES / oneLine.length))).subarray(0, MAX_FILE_BYTES - 1000).toString('utf8');
    const r = timed(() => parseDraft(`1. ${line}`, { id: 'long-line' }));
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(planPoints(r.document!)).toHaveLength(1);
  });

  it(`lists ${MAX_REPORTED_PROBLEMS} body problems and sums up the rest`, () => {
    // Bare sub-item markers: a broken paste, and no text needed to break it.
    const body = `1. ${realPoints[1]}\n${'    a)\n'.repeat(50_000)}`;
    const r = timed(() => parseDraft(body, { id: 'dup-subs' }));
    expect(r.issues).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(r.issues[0]).toMatchObject({ line: 3, message: 'sub-item 1.a appears twice: fix its letter' });
    expect(r.issues.at(-1)).toMatchObject({ line: MAX_REPORTED_PROBLEMS + 3, message: `…and ${50_000 - 1 - MAX_REPORTED_PROBLEMS} more problems like these from this line on` });
  });

  it('segments 100,000 unlettered sub-items in linear time and refuses them by the segment limit', () => {
    // Took 22 s before sub-item ids were kept in a Set (a quadratic duplicate check).
    const body = `1. ${realPoints[1]}\n${'    - \n'.repeat(100_000)}`;
    const r = timed(() => parseDraft(body, { id: 'many-subs' }));
    expect(r.issues[0].message).toBe(`100001 segments; the limit is ${MAX_SEGMENTS} per document — split the draft`);
  });
});

describe('deep nesting', () => {
  it('front matter nested 20,000 levels deep (flow style) is refused, not a crash', () => {
    const r = timed(() => parseDocumentSource(withFrontMatter(`x: ${'['.repeat(20_000)}${']'.repeat(20_000)}`, numbered(3)), 'deep.md'));
    expect(r.document).toBeUndefined();
    expect(r.issues[0]).toMatchObject({ file: 'deep.md', field: 'front matter', message: 'front matter is nested too deeply: fields hold plain text, a date or a list' });
    expect(r.issues[0].line).toBeGreaterThan(1);
  });

  it('front matter nested by indentation is refused or parsed, never a crash', () => {
    const nest = Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n');
    const r = timed(() => parseDocumentSource(withFrontMatter(`x:\n${nest}`, numbered(3)), 'deep.md'));
    expect(r.document).toBeUndefined();
    expect(r.issues[0]).toMatchObject({ field: 'front matter', message: 'front matter is nested too deeply: fields hold plain text, a date or a list' });
  });

  it('a YAML alias bomb is refused', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    const r = timed(() => parseDocumentSource(withFrontMatter(bomb, numbered(3)), 'bomb.md'));
    expect(r.issues[0]).toMatchObject({ severity: 'error', file: 'bomb.md', line: 2, field: 'front matter' });
    expect(r.issues[0].message).toMatch(/too many YAML aliases/);
  });

  it('a self-referencing field value is named, not a crash', () => {
    const source = us28Source.replace(/^title: .*$/m, 'title: &t [*t]');
    const r = timed(() => parseDocumentSource(source, 'self.md'));
    expect(r.issues).toEqual([{ severity: 'error', file: 'self.md', line: 4, field: 'title', message: 'title is required: a human-readable title (got a self-referencing list)' }]);
  });

  it('a field named __proto__ is an unknown field on its own line', () => {
    const r = timed(() => parseDocumentSource(withFrontMatter('__proto__: {polluted: true}', numbered(3)), 'proto.md'));
    const warning = r.issues.find((i) => i.field === '__proto__')!;
    expect(warning.severity).toBe('warning');
    expect(typeof warning.line).toBe('number');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('body lines indented thousands of spaces deep still segment', () => {
    const body = numbered(40).split('\n').map((l, i) => (i === 0 ? l : `${' '.repeat(i * 200)}- ${l.replace(/^\d+\. /, '')}`)).join('\n');
    const r = timed(() => parseDraft(body, { id: 'indented' }));
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.document!.segments.filter((s) => s.kind === 'subpoint')).toHaveLength(39);
  });
});
