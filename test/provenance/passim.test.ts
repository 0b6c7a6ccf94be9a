// The passim bridge both ways: our corpora as passim's JSON Lines input, and
// passim's output (aligned pairs in passim 2 and passim 1 spelling, clusters)
// read back as provenance candidates. Fixtures are in passim's documented
// formats, with real spans of shipped documents (test/fixtures/passim).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { PassimFormatError, readPassimPairs, utf16Offset } from '../../src/corpus/passim-output.js';
import { dateRuns, passimRecords, toPassimJsonl } from '../../src/export/passim.js';
import { spanTokens } from '../../src/provenance/terms.js';
import { matchPlan, textLookup } from '../../src/provenance/index.js';
import { MemoryPassageIndex } from '../../src/provenance/memory-index.js';
import { isSourceDocument } from '../../src/provenance/passages.js';
import { PassimPassageIndex } from '../../src/provenance/passim-index.js';
import { runCli } from '../helpers/run-cli.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/passim');
const corpus = loadCorpus({});
const plan = findDocument(corpus, 'us-28-2025-11-20')!;
const sources = corpus.documents.filter(isSourceDocument);

describe('passim export', () => {
  it("writes the plan and every source as passim's one-record-a-line input, texts unchanged", () => {
    const lines = toPassimJsonl(passimRecords([plan], sources)).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + sources.reduce((n, d) => n + Math.max(1, dateRuns(d).length), 0));
    const records = lines.map((l) => JSON.parse(l));
    expect(records[0]).toMatchObject({ id: plan.id, series: plan.id, date: '2025-11-20', corpus: 'plan', text: plan.text });
    const ua = records.find((r) => r.id === 'ua-2025-06-02-istanbul-proposals');
    expect(ua).toMatchObject({ corpus: 'statements', side: 'ua', date: '2025-06-02' });
    // Offsets into the exported text are offsets into our documents.
    expect(records[0].text.slice(577, 626)).toBe('Ukraine will receive reliable security guarantees');
  });

  it('the CLI writes the same records (--format passim --out)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'passim-')), 'input.jsonl');
    const r = runCli(['export', plan.id, '--format', 'passim', '--out', out]);
    expect(r.status).toBe(0);
    const records = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(records.map((x) => x.id)).toEqual(passimRecords([plan], sources).map((x) => x.id));
    expect(records.filter((x) => x.series === 'ru-2022-03-29-istanbul').length).toBeGreaterThan(1);
  });

  it('writes a statement whose passages carry their own dates as one record per date run, each with its date (Lavrov: 11 Dec 2025 file, 11 Apr 2026 words)', () => {
    const lavrov = findDocument(corpus, 'ru-2026-02-lavrov-20-point-plan')!;
    const records = passimRecords([], [lavrov]);
    expect(records.length).toBeGreaterThan(1);
    for (const r of records) {
      // One series: passim still ignores reuse within the document; ids say where each text starts.
      expect(r.series).toBe(lavrov.id);
      const at = Number(r.id.slice(lavrov.id.length + 1));
      expect(r.id).toBe(`${lavrov.id}@${at}`);
      expect(lavrov.text.slice(at, at + r.text.length)).toBe(r.text);
      // Every passage inside the record has the record's date.
      for (const s of lavrov.segments.filter((x) => x.kind === 'passage' && x.start >= at && x.end <= at + r.text.length)) expect(s.date ?? lavrov.date).toBe(r.date);
    }
    expect(records.map((r) => r.text).join('')).toBe(lavrov.text);
    expect(records.some((r) => r.date === '2026-04-11')).toBe(true);
  });

  it('reads a pair on a date run back to the passage of the whole document (ids <id>@<offset>)', () => {
    const istanbul = findDocument(corpus, 'ru-2022-03-29-istanbul')!;
    const run = passimRecords([], [istanbul]).find((r) => r.date === '2024-04-27')!;
    const at = Number(run.id.split('@')[1]);
    // The "85 thousand" sentence of the news-pravda report, as passim would give it: offsets into the run's text.
    const sentence = 'Moscow demanded to reduce Ukraine';
    const begin = run.text.indexOf(sentence);
    expect(begin).toBeGreaterThan(0);
    const pair = { id1: run.id, begin1: begin, end1: begin + sentence.length, id2: plan.id, begin2: 577, end2: 626, at: 'test:1' };
    const base = MemoryPassageIndex.fromDocuments(corpus.documents);
    const index = new PassimPassageIndex(base, plan, new Map(corpus.documents.map((d) => [d.id, d])), [pair]);
    expect(index.report).toMatchObject({ used: 1, unknownDocuments: [] });
    const passage = istanbul.segments.find((s) => s.kind === 'passage' && s.start <= at + begin && s.end >= at + begin + sentence.length)!;
    const tokens = spanTokens(plan.text, 577, 626, plan.language);
    expect(index.candidates(tokens, 5)).toEqual([{ doc: istanbul.id, passage: passage.id }]);
  });
});

describe('passim output read back', () => {
  it('reads passim 2 aligned pairs (align.json part files) from the output folder', () => {
    const pairs = readPassimPairs(join(FIXTURES, 'out-v2'));
    expect(pairs).toHaveLength(3);
    expect(pairs[0]).toMatchObject({ id1: 'ua-2025-06-02-istanbul-proposals', begin1: 724, end1: 771, id2: plan.id, begin2: 577, end2: 626, matches: 37 });
  });

  it('reads passim 1 pairs (id1, b1, e1, id2, b2, e2) and cluster output (out.json)', () => {
    expect(readPassimPairs(join(FIXTURES, 'pairs-v1.json'))).toEqual([
      expect.objectContaining({ id1: plan.id, begin1: 577, end1: 626, id2: 'ua-2025-06-02-istanbul-proposals', begin2: 724, end2: 771, score: 52.5 }),
    ]);
    expect(readPassimPairs(join(FIXTURES, 'out-clusters'))).toEqual([
      expect.objectContaining({ id1: plan.id, begin1: 2645, end1: 2695, id2: 'ru-2022-03-29-istanbul', begin2: 5315, end2: 5386 }),
    ]);
  });

  it('names the file, line and field of a bad record', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'passim-')), 'part-00000.json');
    writeFileSync(file, `${readFileSync(join(FIXTURES, 'pairs-v1.json'), 'utf8')}{"id1":"a","b1":3,"id2":"b","b2":1,"e2":4}\n`);
    expect(() => readPassimPairs(file)).toThrow(PassimFormatError);
    expect(() => readPassimPairs(file)).toThrow(`${file}:2: field "e1" must be a character offset`);
  });

  it('turns code-point offsets into UTF-16 offsets', () => {
    expect(utf16Offset('abc', 2)).toBe(2);
    expect(utf16Offset('a😀bc', 3)).toBe(4);
  });

  it("gives passim's aligned passages as candidates, scored with evidence spans in the plan and the source", () => {
    const base = MemoryPassageIndex.fromDocuments(corpus.documents);
    const index = new PassimPassageIndex(base, plan, new Map(corpus.documents.map((d) => [d.id, d])), readPassimPairs(join(FIXTURES, 'out-v2')));
    expect(index.report).toMatchObject({ used: 2, otherPairs: 1, unknownDocuments: [] });
    const result = matchPlan(plan, index, { top: 5, sourceText: textLookup(corpus.documents) });
    const point = (id: string) => result.points.find((p) => p.point === id)!;
    expect(point('5').candidates.map((c) => `${c.doc} ${c.passage}`)).toEqual(['ua-2025-06-02-istanbul-proposals p1']);
    const evidence = point('5').candidates[0].evidence;
    expect(evidence.some((e) => e.plan[0] >= 577 && e.plan[1] <= 626 && e.source[0] >= 724 && e.source[1] <= 771)).toBe(true);
    expect(point('21').candidates.map((c) => c.doc)).toEqual(['ru-2022-03-29-istanbul']);
    // Points passim aligned with nothing have no candidates.
    expect(point('1').candidates).toEqual([]);
  });

  it('match --passim lists them from the command line', () => {
    const r = runCli(['match', plan.id, '--passim', join(FIXTURES, 'pairs-v1.json'), '--format', 'json']);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.points.find((p: { point: string }) => p.point === '5').candidates[0]).toMatchObject({ doc: 'ua-2025-06-02-istanbul-proposals', passage: 'p1' });
  });

  it('match --passim says of a point without a pair that passim aligned none, not that nothing shares its words', () => {
    const r = runCli(['match', plan.id, '--passim', join(FIXTURES, 'pairs-v1.json')]);
    expect(r.status).toBe(0);
    const row = r.stdout.split('\n').find((l) => /^1\s/.test(l))!;
    expect(row).toContain('(passim aligned no passage to this point)');
    expect(r.stdout).not.toContain('no earlier statement shares its words');
  });
});
