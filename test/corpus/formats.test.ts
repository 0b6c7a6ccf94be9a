// Formats real pages use: numbering variants, dash sub-items, ordinal words,
// a source that breaks off, notes files in a corpus folder, long input names.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignPair } from '../../src/align/align.js';
import { clip } from '../../src/cli/table.js';
import { planCoverage, pointSlots } from '../../src/corpus/coverage.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { parseDocumentSource, parseDraft } from '../../src/corpus/parse-document.js';
import type { Document } from '../../src/corpus/types.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const us28 = readFileSync(join(ROOT, 'corpora/plans/us-28-2025-11-20.md'), 'utf8');
const [, frontMatter, ...rest] = us28.split(/^---$/m);
const body = rest.join('---').replace(/^\n/, '');
const original = parseDraft(body, { id: 'x' }).document!;
const shape = (d: Document) => d.segments.map((s) => [s.id, s.kind, d.text.slice(s.start, s.end).replace(/^\s*[-—–−]\s*/gm, '')]);
/** Points 1-9 of the 28-point plan: numbered without gaps, as a bare-number page would be. */
const firstNine = body.slice(0, body.indexOf('\n10. ') + 1);

describe('numbering as pages write it (the 28-point plan renumbered)', () => {
  const cases: [string, (line: string) => string][] = [
    ['"1.The" (no space)', (l) => l.replace(/^(\d+)\. (?=\S)/, '$1.')],
    ['"1) "', (l) => l.replace(/^(\d+)\. /, '$1) ')],
    ['"(1) "', (l) => l.replace(/^(\d+)\. /, '($1) ')],
    ['"1: "', (l) => l.replace(/^(\d+)\. /, '$1: ')],
  ];
  // A bare "1 " is taken only as the next number due, so it is tried on a gap-free list.
  for (const [name, to] of [['"1 " (bare number)', '$1 '], ['"1 – " (number and dash)', '$1 – ']]) {
    it(`${name}, points 1-9`, () => {
      const doc = parseDraft(firstNine.split('\n').map((l) => l.replace(/^(\d+)\. (?=\S)/, to)).join('\n'), { id: 'x' }).document!;
      expect(shape(doc)).toEqual(shape(parseDraft(firstNine, { id: 'x' }).document!));
      expect(doc.segments).toHaveLength(9);
    });
  }
  for (const [name, renumber] of cases) {
    it(`${name} gives the same points and texts`, () => {
      const doc = parseDraft(body.split('\n').map(renumber).join('\n'), { id: 'x' }).document!;
      expect(shape(doc)).toEqual(shape(original));
    });
    it(`${name}, points 1-9`, () => {
      const doc = parseDraft(firstNine.split('\n').map(renumber).join('\n'), { id: 'x' }).document!;
      expect(shape(doc)).toEqual(shape(parseDraft(firstNine, { id: 'x' }).document!));
      expect(doc.segments.map((s) => s.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    });
  }

  it('a bare number is a point only when it is the next one due; dates and decimals are not points', () => {
    const doc = parseDraft('1 January 2026 is the date.\n1. First.\n2 Second point.\n4 Not next.\n1.5 million is a figure.\n', { id: 'x' }).document!;
    expect(doc.segments.map((s) => [s.id, s.kind])).toEqual([['pre1', 'preamble'], ['1', 'point'], ['2', 'point']]);
    expect(doc.text.slice(doc.segments[2].start, doc.segments[2].end)).toBe('Second point.\n4 Not next.\n1.5 million is a figure.');
  });

  for (const dash of ['—', '–', '−']) {
    it(`sub-items bulleted with "${dash}" are sub-items (point 10 of the 28-point plan)`, () => {
      const doc = parseDraft(body.replace(/^ {4}- /gm, `    ${dash} `), { id: 'x' }).document!;
      expect(shape(doc)).toEqual(shape(original));
      expect(doc.segments.filter((s) => s.parent === '10').map((s) => s.id)).toEqual(['10.1', '10.2', '10.3', '10.4']);
    });
  }
});

describe('items numbered in words ("Second, …") are reported as a merged point', () => {
  // Real text: Putin, quoted in corpora/reference/translationese/tr-015.txt.
  const tr = readFileSync(join(ROOT, 'corpora/reference/translationese/tr-015.txt'), 'utf8').split('\n').filter(Boolean);
  const second = tr.find((l) => l.startsWith('Second,'))!;
  it('the ordinal paragraph stays in the point above, with a note naming it and its line', () => {
    const { document, issues } = parseDraft(`1. ${tr[1]}\n${second}\n2. ${tr[0]}\n`, { id: 'x' });
    expect(document!.segments.map((s) => s.id)).toEqual(['1', '2']);
    expect(document!.segments[0].merged).toEqual([{ line: 2, ordinal: 'Second' }]);
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'note', line: 1, field: 'body', message: expect.stringMatching(/^point 1 also holds unnumbered item "Second" \(line 2\): kept in point 1 as one merged point/) }),
    ]);
  });

  it('Russian and Ukrainian ordinal words too; a lower-case "second" in running text is not an item', () => {
    const ru = parseDraft('1. Текст.\nВо-вторых, ещё текст.\n2. Текст.\nПо-друге, текст.\n3. Text\nsecond, wrapped.\n', { id: 'x' }).document!;
    expect(ru.segments.map((s) => s.merged?.map((m) => m.ordinal))).toEqual([['Во-вторых'], ['По-друге'], undefined]);
  });

  it('show marks the merged point; check counts the note and still passes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fmt-'));
    writeFileSync(join(dir, 'merged.md'), `---${frontMatter.replace('id: us-28-2025-11-20', 'id: merged-copy')}---\n1. ${tr[1]}\n${second}\n2. ${tr[0]}\n`);
    const check = runCli(['check', '--no-builtin', '--corpus', dir]);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/1 document loaded, 0 error\(s\), \d+ warning\(s\), 1 note\(s\)/);
    expect(check.stderr).toMatch(/merged\.md:\d+: note \[body\]: point 1 also holds unnumbered item "Second"/);
    expect(runCli(['show', 'merged-copy', '--no-builtin', '--corpus', dir]).stdout).toMatch(/\n {2}1\. [^]*Second, there must be[^\n]* \[merged: also "Second"\]\n {2}2\. /);
  });
});

describe('a source that breaks off after point N', () => {
  // The 28-point plan cut after point 9, as a reprint that stops there.
  const upToNine = body.slice(0, body.indexOf('\n10. ') + 1);
  const truncated = (field: string) => `---${frontMatter.replace('id: us-28-2025-11-20', 'id: us-28-cut').replace(/^missing: .*$/m, field)}---\n${upToNine}`;
  const full = loadCorpus().documents.find((d) => d.id === 'us-28-2025-11-20')!;

  for (const field of ['complete_through: 9', 'missing: 10-', 'missing: [10-]', 'missing: ["10-"]']) {
    it(`\`${field}\`: point 10 on is missing, and alignment calls the full version's later points unknown, not dropped`, () => {
      const { document, issues } = parseDocumentSource(truncated(field), 'cut.md');
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(document!.missingFrom).toBe(10);
      expect(planCoverage(document!)).toMatchObject({ expected: 10, missing: ['10'], missingFrom: 10 });
      expect(pointSlots(document!).at(-1)).toMatchObject({ n: '10', state: 'missing' });
      const pairs = alignPair(full, document!).pairs;
      const later = pairs.filter((p) => p.a !== null && Number(p.a) >= 10 && !p.a.includes('.'));
      expect(later.length).toBeGreaterThan(3);
      for (const p of later) expect(p, `point ${p.a}`).toMatchObject({ relation: 'unknown' });
      expect(later.map((p) => p.reason).join('\n')).toMatch(/breaks off after point 9/);
      expect(pairs.filter((p) => p.relation === 'dropped')).toEqual([]);
    });
  }

  it('without it, the same cut reads as dropped points (the reason the field exists)', () => {
    const { document } = parseDocumentSource(truncated('missing: []'), 'cut.md');
    expect(alignPair(full, document!).pairs.some((p) => p.relation === 'dropped')).toBe(true);
  });

  it('text surviving past the break is partial; a range expands; a bad value names the field', () => {
    const partial = parseDocumentSource(truncated('complete_through: 8'), 'cut.md').document!;
    expect(planCoverage(partial)).toMatchObject({ partial: ['9'], missingFrom: 9 });
    expect(parseDocumentSource(truncated('missing: [10-12, 15]'), 'cut.md').document!.missing).toEqual(['10', '11', '12', '15']);
    const bad = parseDocumentSource(truncated('missing: [12-10]'), 'cut.md').issues;
    expect(bad).toEqual([expect.objectContaining({ severity: 'error', field: 'missing', message: expect.stringMatching(/range 12-10 must run upwards/) })]);
    const word = parseDocumentSource(truncated('complete_through: nine'), 'cut.md').issues;
    expect(word).toEqual([expect.objectContaining({ severity: 'error', field: 'complete_through' })]);
  });

  it('list and show say so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fmt-'));
    writeFileSync(join(dir, 'cut.md'), truncated('complete_through: 9'));
    expect(runCli(['list', '--no-builtin', '--corpus', dir]).stdout).toMatch(/us-28-cut .* 9\/10 complete, 0 partial, 1\+ missing/);
    expect(runCli(['show', 'us-28-cut', '--no-builtin', '--corpus', dir]).stdout).toMatch(/ 10\. \[missing: the source breaks off after point 9; later points unknown\]/);
  });
});

describe('a Markdown file that is not a corpus document, inside a --corpus folder', () => {
  it('is skipped with a note, and check passes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fmt-'));
    writeFileSync(join(dir, 'plan.md'), us28.replace('id: us-28-2025-11-20', 'id: my-copy'));
    writeFileSync(join(dir, 'NOTES.md'), '# My notes\n\nWhere I found these texts.\n');
    writeFileSync(join(dir, 'readme-draft.md'), readFileSync(join(ROOT, 'corpora/README.md'), 'utf8'));
    writeFileSync(join(dir, 'index.md'), '---\nlayout: page\ntitle: About these texts\n---\nA static-site page.\n');
    const r = runCli(['check', '--no-builtin', '--corpus', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1 document loaded, 0 error\(s\), 0 warning\(s\), 3 note\(s\)/);
    expect(r.stderr).toMatch(/NOTES\.md: note \[front matter\]: no front matter, so not a corpus document \(a README, notes or a web page\?\): skipped/);
    expect(r.stderr).toMatch(/index\.md: note \[front matter\]: front matter without id, kind or sources, so not a corpus document/);
  });

  it('a corpus document with a mistake in its front matter is still an error, not skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fmt-'));
    writeFileSync(join(dir, 'plan.md'), us28.replace('id: us-28-2025-11-20', 'id: My Copy'));
    const r = runCli(['check', '--no-builtin', '--corpus', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/plan\.md:2: error \[id\]/);
  });

  it('a file named on its own still has to be a document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fmt-'));
    writeFileSync(join(dir, 'NOTES.md'), '# My notes\n');
    const corpus = loadCorpus({ builtin: false, corpora: [join(dir, 'NOTES.md')] });
    expect(corpus.issues).toEqual([expect.objectContaining({ severity: 'error', field: 'front matter' })]);
  });
});

describe('the translationese table tells inputs apart', () => {
  it('long names are cut in the middle, keeping the distinguishing end', () => {
    expect(clip('/very/long/folder/name/that/repeats/draft-a.txt', 30, 'middle')).toBe('/very/lon…/repeats/draft-a.txt');
    const dir = join(mkdtempSync(join(tmpdir(), 'a-long-folder-name-shared-by-both-inputs-')));
    const draft = body.split('\n').filter((l) => /^\d+\. \S/.test(l)).join('\n');
    writeFileSync(join(dir, 'draft-version-one.txt'), draft);
    writeFileSync(join(dir, 'draft-version-two.txt'), draft);
    const r = runCli(['translationese', join(dir, 'draft-version-one.txt'), join(dir, 'draft-version-two.txt')]);
    expect(r.stdout).toMatch(/….*draft-version-one\.txt/);
    expect(r.stdout).toMatch(/….*draft-version-two\.txt/);
  });
});
