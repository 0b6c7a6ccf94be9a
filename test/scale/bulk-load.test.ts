// Bulk statement files (JSON Lines, CSV, gzipped or not): real records from the
// shipped kremlin bulk file, some with one field broken on purpose, must load
// the good lines and name each bad line by file, line and field.
import { stringify } from 'csv-stringify/sync';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpusAsync } from '../../src/corpus/load-async.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { KREMLIN_BULK, kremlinLines } from '../helpers/kremlin-lines.js';

const BULK = KREMLIN_BULK;
const lines = kremlinLines();
// The first records of the real file: the 2009 draft European Security Treaty is the first.
const records = lines.slice(0, 6).map((l) => JSON.parse(l) as Record<string, string>);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulk-'));
});

/** Records 0..5 with lines 3, 4, 5 and 7 broken (1-based file lines). */
function mixedJsonl(): string {
  const out = [
    JSON.stringify(records[0]),
    JSON.stringify(records[1]),
    JSON.stringify({ ...records[2], date: '2009-13-40' }), // line 3: impossible date
    JSON.stringify(records[3]).slice(0, 80), // line 4: truncated JSON
    JSON.stringify({ ...records[4], source: undefined }), // line 5: no source
    '', // line 6: blank lines are allowed
    JSON.stringify({ ...records[5], id: records[0].id }), // line 7: duplicate id
    JSON.stringify(records[5]),
  ];
  return `${out.join('\n')}\n`;
}

function expectMixed(corpus: Corpus, file: string) {
  expect(corpus.documents.map((d) => d.id)).toEqual([records[0].id, records[1].id, records[5].id]);
  const errors = corpus.issues.filter((i) => i.severity === 'error');
  expect(errors.map((i) => [i.line, i.field])).toEqual([
    [3, 'date'],
    [4, 'record'],
    [5, 'source'],
    [7, 'id'],
  ]);
  for (const e of errors) expect(e.file.endsWith(file)).toBe(true);
  expect(errors[0].message).toMatch(/date is not a real calendar date \(got "2009-13-40"\); the line is skipped/);
  expect(errors[1].message).toMatch(/not valid JSON/);
  expect(errors[3].message).toMatch(/duplicate id "kremlin-en-6152"/);
}

function expectPassagesRoundTrip(corpus: Corpus) {
  for (const doc of corpus.documents) {
    const original = records.find((r) => r.id === doc.id)!;
    expect(doc.text).toBe(original.text.trim());
    expect(doc.kind).toBe('statement');
    expect(doc.sources).toEqual([original.source]);
    // Passages are the blank-line separated paragraphs, sliced by offsets.
    expect(doc.segments.map((s) => doc.text.slice(s.start, s.end))).toEqual(original.text.trim().split(/\n\s*\n/).map((p) => p.trim()));
    expect(doc.segments.map((s) => s.id).slice(0, 2)).toEqual(['p1', 'p2']);
  }
}

describe('JSON Lines', () => {
  it('loads good lines and reports bad lines by number (sync, plain file)', () => {
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(file, mixedJsonl());
    const corpus = loadCorpus({ corpora: [file], builtin: false });
    expectMixed(corpus, 'mixed.jsonl');
    expectPassagesRoundTrip(corpus);
    const treaty = corpus.documents[0];
    expect(treaty.title).toBe('The draft of the European Security Treaty');
    expect(treaty.translatedFrom).toBe('ru');
    expect(treaty.segments.every((s) => s.line === 1 && s.source === records[0].source)).toBe(true);
  });

  it('streams a gzipped file with the same result, next to the shipped corpora', async () => {
    const file = join(dir, 'mixed.jsonl.gz');
    writeFileSync(file, gzipSync(mixedJsonl()));
    const seen: number[] = [];
    const corpus = await loadCorpusAsync({ corpora: [file], onProgress: (p) => seen.push(p.doneBytes) });
    expect(corpus.documents.filter((d) => d.builtin).length).toBeGreaterThan(20);
    const bulk: Corpus = { documents: corpus.documents.filter((d) => !d.builtin), issues: corpus.issues.filter((i) => i.file.endsWith('.gz')) };
    expectMixed(bulk, 'mixed.jsonl.gz');
    expectPassagesRoundTrip(bulk);
    expect(seen.at(-1)).toBe(readFileSync(file).length);
  });

  it('loads the whole shipped kremlin file', async () => {
    const corpus = await loadCorpusAsync({ corpora: [BULK], builtin: false });
    expect(corpus.issues).toEqual([]);
    expect(corpus.documents.length).toBe(6807);
    expect(corpus.documents.find((d) => d.id === 'kremlin-en-6152')?.title).toBe('The draft of the European Security Treaty');
  });
});

describe('gzip faults', () => {
  it('a cut gzip file: both readers keep the records before the cut, the same ones, and say the file is cut short', async () => {
    const file = join(dir, 'cut.jsonl.gz');
    const gz = gzipSync(`${lines.slice(0, 300).join('\n')}\n`);
    writeFileSync(file, gz.subarray(0, Math.floor(gz.length * 0.6)));
    const sync = loadCorpus({ corpora: [file], builtin: false });
    const streamed = await loadCorpusAsync({ corpora: [file], builtin: false });
    expect(sync.documents.length).toBeGreaterThan(100);
    expect(sync.documents.length).toBeLessThan(300);
    expect(sync).toEqual(streamed);
    expect(sync.issues).toHaveLength(1);
    expect(sync.issues[0].message).toMatch(/^reading stopped early: its gzip data ends early \(unexpected end of file\): the file is cut short; copy or download it again; the records before it are loaded$/);
  });

  it('a file named .gz that is not gzip: one error saying so, from both readers', async () => {
    const file = join(dir, 'plain.jsonl.gz');
    writeFileSync(file, `${lines[0]}\n`);
    for (const corpus of [loadCorpus({ corpora: [file], builtin: false }), await loadCorpusAsync({ corpora: [file], builtin: false })]) {
      expect(corpus.documents).toEqual([]);
      expect(corpus.issues.map((i) => i.message)).toEqual(['cannot read the file: it is not gzip-compressed although its name ends in .gz (incorrect header check): compress it with gzip, or drop .gz from its name']);
    }
  });
});

describe('CSV', () => {
  const columns = ['id', 'text', 'date', 'side', 'speaker', 'language', 'source', 'title', 'translated_from'];

  it('loads quoted multi-line texts and reports bad records by their first line', async () => {
    const rows = [records[0], { ...records[1], side: 'kremlin' }, records[2]];
    const csv = stringify(rows, { header: true, columns });
    const file = join(dir, 'mixed.csv');
    writeFileSync(file, csv);
    // The second record starts after the header and the first record's lines.
    const secondLine = 2 + csv.split('\n').slice(1).findIndex((l) => l.startsWith(`${records[1].id},`));
    for (const corpus of [loadCorpus({ corpora: [file], builtin: false }), await loadCorpusAsync({ corpora: [file], builtin: false })]) {
      expect(corpus.documents.map((d) => d.id)).toEqual([records[0].id, records[2].id]);
      expect(corpus.issues).toHaveLength(1);
      expect(corpus.issues[0]).toMatchObject({ severity: 'error', line: secondLine, field: 'side' });
      expect(corpus.issues[0].message).toMatch(/side must be one of: us, ru, ua, eu, us-ua, mixed, unknown \(got "kremlin"\)/);
      expect(corpus.documents[1].segments.map((s) => corpus.documents[1].text.slice(s.start, s.end))).toEqual(
        records[2].text.trim().split(/\n\s*\n/).map((p) => p.trim()),
      );
    }
  });

  it('skips a record with the wrong number of fields and keeps the others', () => {
    const csv = stringify([records[0], records[1]], { header: true, columns });
    const broken = `${csv}kremlin-en-1,only two fields\n${stringify([records[2]], { columns })}`;
    const file = join(dir, 'ragged.csv');
    writeFileSync(file, broken);
    const corpus = loadCorpus({ corpora: [file], builtin: false });
    expect(corpus.documents.map((d) => d.id)).toEqual([records[0].id, records[1].id, records[2].id]);
    expect(corpus.issues).toHaveLength(1);
    expect(corpus.issues[0]).toMatchObject({ field: 'record', line: broken.split('\n').indexOf('kremlin-en-1,only two fields') + 1 });
  });

  it('a multi-line record with a field too many is reported at its first line, saying what to quote (sync and streamed)', async () => {
    // A second reporter saw "line 5" for a record starting on line 3, in csv-parse's words ("Invalid Record Length").
    const head = stringify([records[0]], { header: true, columns });
    const extra = `${stringify([{ ...records[1], text: 'First line\nsecond line\nthird line' }], { columns }).replace(/\n$/, '')},one field too many\n`;
    const file = join(dir, 'extra-field.csv');
    writeFileSync(file, `${head}${extra}${stringify([records[2]], { columns })}`);
    const first = head.split('\n').length;
    for (const corpus of [loadCorpus({ corpora: [file], builtin: false }), await loadCorpusAsync({ corpora: [file], builtin: false })]) {
      expect(corpus.documents.map((d) => d.id)).toEqual([records[0].id, records[2].id]);
      expect(corpus.issues).toHaveLength(1);
      expect(corpus.issues[0]).toMatchObject({ field: 'record', line: first });
      expect(corpus.issues[0].message).toBe(`the record has ${columns.length + 1} fields where the header names ${columns.length}: a comma or a line break in a field that is not in double quotes? quote such fields ("like, this"); the record is skipped`);
    }
  });

  it('refuses a file whose header lacks required columns, naming them', () => {
    const file = join(dir, 'noheader.csv');
    writeFileSync(file, stringify([records[0]], { header: true, columns: ['id', 'text', 'date'] }));
    const corpus = loadCorpus({ corpora: [file], builtin: false });
    expect(corpus.documents).toEqual([]);
    expect(corpus.issues[0]).toMatchObject({ line: 1, field: 'header' });
    expect(corpus.issues[0].message).toMatch(/lacks column\(s\) side, language, source/);
    // speaker is optional, and the message says so.
    expect(corpus.issues[0].message).toContain('(id, text, date, side, language, source; speaker, title and translated_from may follow)');
  });

  it('says when a CSV was saved with ";" or tabs between columns (a spreadsheet in a European locale)', () => {
    for (const [delimiter, said] of [[';', '";"'], ['\t', 'tabs']] as const) {
      const file = join(dir, `semicolons-${said.length}.csv`);
      writeFileSync(file, stringify(records.slice(0, 2), { header: true, columns: ['id', 'text', 'date', 'side', 'speaker', 'language', 'source'], delimiter }));
      const corpus = loadCorpus({ corpora: [file], builtin: false });
      expect(corpus.documents).toEqual([]);
      expect(corpus.issues[0]).toMatchObject({ line: 1, field: 'header' });
      expect(corpus.issues[0].message).toContain(`the columns seem to be separated by ${said}: save the file as comma-separated values (RFC 4180)`);
    }
  });
});
