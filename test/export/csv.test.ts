// Every CSV the tool writes (CLI commands and web downloads) parsed back with a
// real CSV parser: same records as the JSON of the same table, every value
// intact, and no cell a spreadsheet would run as a formula.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv, toMarkdown, type ExportTable } from '../../src/export/table.js';
import { runCli } from '../helpers/run-cli.js';
import { startApp, type RunningApp } from '../web/helpers.js';

const CASES = resolve(import.meta.dirname, '../../../shared/field-cases');
const ROOT = resolve(import.meta.dirname, '../..');
/** A trigger at the start of a cell, also after blanks (spaces, no-break space, LF, zero-width space…). */
const TRIGGER = /^[\s\p{Zs}\p{Cf}\x1c-\x1f\x85]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/u;

/** The CSV text of a value as the JSON export holds it. */
function csvValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e4) / 1e4);
  if (typeof v === 'string') return neutraliseFormula(v);
  return String(v);
}

/** The CSV parses to exactly the JSON's records, field by field, and no cell can run as a formula. */
function expectSameRecords(csv: string, json: Record<string, unknown>[]): Record<string, string>[] {
  const records = parse(csv, { columns: true, relax_column_count: false }) as Record<string, string>[];
  expect(records).toHaveLength(json.length);
  json.forEach((row, i) => {
    expect(Object.keys(records[i])).toEqual(Object.keys(row));
    for (const [k, v] of Object.entries(row)) expect(records[i][k], `row ${i} ${k}`).toBe(csvValue(v));
  });
  for (const r of records) for (const cell of Object.values(r)) expect(cell).not.toMatch(TRIGGER);
  // RFC 4180: CRLF between records, and no bare line break outside quotes (csv-parse with
  // the strict `record_delimiter` would otherwise split the record).
  expect((parse(csv, { record_delimiter: '\r\n' }) as unknown[]).length).toBe(json.length + 1);
  return records;
}

describe('toCsv: the one CSV writer', () => {
  const nasty = ['=1+1', '+7 days', '-1 brigade', '-30', '@SUM(1,1)', '\tTab', '\rCR first', 'a, b', 'say "no"', 'line\nbreak', 'cr\ronly', 'crlf\r\nend', '＝1+1', ' =after a space', '  \u00a0+7 after blanks', '\u200b@SUM(1,1)', '\n-1 after a line break', 'plain'];
  const table: ExportTable = { columns: ['i', 'text', 'n'], rows: nasty.map((text, i) => ({ i, text, n: -i / 3 })) };
  const csv = toCsv(table);

  it('quotes every field holding a comma, quote, CR or LF, and parses back to the same values', () => {
    const records = parse(csv, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(records).toHaveLength(nasty.length);
    records.forEach((r, i) => expect(r.text).toBe(neutraliseFormula(nasty[i])));
    for (const t of ['a, b', 'say "no"', 'line\nbreak', 'cr\ronly', 'crlf\r\nend']) expect(csv).toContain(`"${t.replace(/"/g, '""')}"`);
  });

  it("prefixes a ' to text cells starting with = + - @ tab or CR (OWASP), including a text \"-30\"", () => {
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.text)).toEqual([
      "'=1+1", "'+7 days", "'-1 brigade", "'-30", "'@SUM(1,1)", "'\tTab", "'\rCR first",
      'a, b', 'say "no"', 'line\nbreak', 'cr\ronly', 'crlf\r\nend', "'＝1+1",
      "' =after a space", "'  \u00a0+7 after blanks", "'\u200b@SUM(1,1)", "'\n-1 after a line break", 'plain',
    ]);
    // Our own computed numbers stay numbers (a negative number cannot run as a formula).
    expect(records[3].n).toBe('-1');
  });

  it("neutralises a trigger after the controls Python's str.strip() removes too (U+001C–U+001F, NEL)", () => {
    // A script that strips cells ('\x1f=1+1'.strip() == '=1+1') would hand the formula on.
    for (const blank of ['\x1c', '\x1d', '\x1e', '\x1f', '\x85']) expect(neutraliseFormula(`${blank}=HYPERLINK("http://x")`)).toBe(`'${blank}=HYPERLINK("http://x")`);
  });

  it('neutralises a header that would run as a formula', () => {
    expect(toCsv({ columns: ['=x'], rows: [] })).toBe("'=x\r\n");
  });
});

describe('toMarkdown: one row per record, whatever line end a cell holds', () => {
  it('turns CR alone, NEL, U+2028 and U+2029 into <br> like LF and CRLF (a title read from YAML "a\\rb" broke its row)', () => {
    const cells = ['cr\ronly', 'crlf\r\nend', 'lf\nend', 'nel\u0085end', 'ls\u2028end', 'ps\u2029end'];
    const md = toMarkdown({ columns: ['text'], rows: cells.map((text) => ({ text })) });
    const lines = md.split(/\r\n|[\r\n\u0085\u2028\u2029]/).filter(Boolean);
    expect(lines).toHaveLength(2 + cells.length);
    expect(lines.slice(2)).toEqual(['| cr<br>only |', '| crlf<br>end |', '| lf<br>end |', '| nel<br>end |', '| ls<br>end |', '| ps<br>end |']);
  });
});

describe('field case 05-csv-newline-unquoted: a point with sub-items spans lines', () => {
  it('align --format csv: every record has 9 fields and the multi-line diff is quoted', () => {
    const dir = join(CASES, '05-csv-newline-unquoted/corpus');
    const r = runCli(['align', join(dir, 'draft-a.md'), join(dir, 'draft-b.md'), '--format', 'csv']);
    expect(r.status).toBe(0);
    const rows = parse(r.stdout, { record_delimiter: '\r\n' }) as string[][];
    expect(rows.map((x) => x.length)).toEqual([9, 9, 9, 9, 9]);
    expect(rows[1][7]).toBe('Security guarantees:\n    - The US will receive {+no +}compensation.\n    - Europe will pay.');
    expect(r.stdout).toContain('"Security guarantees:\n');
  });
});

describe('field case 06-csv-formula-injection: point texts starting with = + @ -', () => {
  const dir = join(CASES, '06-csv-formula-injection');
  it('align --format csv neutralises them', () => {
    const r = runCli(['align', join(dir, 'a.txt'), join(dir, 'b.txt'), '--format', 'csv']);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => x.diff.slice(0, 3))).toEqual(["'=H", "'+7", "'@S", "'-1"]);
  });
  it('export --format csv neutralises the point text column', () => {
    const r = runCli(['export', join(dir, 'a.txt'), '--format', 'csv', '--top', '1']);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => x['point text'].slice(0, 3))).toEqual(["'=H", "'+7", "'@S", "'-1"]);
  });
});

describe('every CLI CSV writer matches its JSON, record for record', () => {
  // A hostile plan beside the real ones: formula triggers and multi-line points with sub-items.
  const dir = mkdtempSync(join(tmpdir(), 'csv-'));
  const us28 = readFileSync(join(ROOT, 'corpora/plans/us-28-2025-11-20.md'), 'utf8');
  const hostile = us28
    .replace('id: us-28-2025-11-20', 'id: =hostile-copy')
    .replace(/^title: .*$/m, `title: '=HYPERLINK("http://x.invalid","a, b")'`);
  writeFileSync(join(dir, 'hostile.md'), hostile.replace('id: =hostile-copy', 'id: hostile-copy'));
  const formulas = join(CASES, '06-csv-formula-injection/a.txt');
  const both = (args: string[]) => {
    const csv = runCli([...args, '--format', 'csv']);
    const json = runCli([...args, '--format', 'json']);
    expect(csv.status).toBe(0);
    expect(json.status).toBe(0);
    return { csv: csv.stdout, json: JSON.parse(json.stdout) };
  };

  it('align (two real versions with multi-line points, then the hostile list)', () => {
    const { csv } = both(['align', 'us-28-2025-11-20', 'ua-20-2025-12-24']);
    const records = parse(csv, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(records.length).toBeGreaterThan(20);
    for (const r of records) for (const cell of Object.values(r)) expect(cell).not.toMatch(TRIGGER);
    // Point 10 of the 28-point plan has sub-items: its text spans lines and stays one record.
    expect(records.some((r) => r.diff.includes('\n'))).toBe(true);
    const hostile = parse(both(['align', 'us-28-2025-11-20', formulas]).csv, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    for (const r of hostile) for (const cell of Object.values(r)) expect(cell).not.toMatch(TRIGGER);
  });

  it('match', () => {
    const { csv } = both(['match', formulas, '--top', '2']);
    const records = parse(csv, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(records.length).toBeGreaterThanOrEqual(4);
    for (const r of records) for (const cell of Object.values(r)) expect(cell).not.toMatch(TRIGGER);
  });

  it('translationese', () => {
    const { csv, json } = both(['translationese', 'us-28-2025-11-20', formulas, '--by-segment']);
    const records = parse(csv, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(records).toHaveLength(json.length);
  });

  it('list (titles with quotes and commas)', () => {
    const csv = runCli(['list', '--no-builtin', '--corpus', dir, '--format', 'csv']);
    const json = JSON.parse(runCli(['list', '--no-builtin', '--corpus', dir, '--format', 'json']).stdout);
    const records = parse(csv.stdout, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(records).toHaveLength(json.length);
    expect(records[0].title).toBe(`'${json[0].title}`);
    expect(json[0].title).toBe('=HYPERLINK("http://x.invalid","a, b")');
  });
});

describe('cells with a formula trigger after leading blanks (title, speaker) are neutralised too', () => {
  // The London counter-proposal (corpora/statements) with a title and speaker a careless import left blank-led.
  const dir = mkdtempSync(join(tmpdir(), 'csv-blank-'));
  const london = readFileSync(join(ROOT, 'corpora/statements/eu-2025-04-23-london-counterproposal.md'), 'utf8')
    .replace(/^title: .*$/m, 'title: "  =HYPERLINK(\\"http://x.invalid/\\",\\"London\\")"')
    .replace(/^speaker: .*$/m, 'speaker: "\u00a0@SUM(1,1)"');
  writeFileSync(join(dir, 'london.md'), london);

  it('list --format csv', () => {
    const r = runCli(['list', '--no-builtin', '--corpus', dir, '--format', 'csv']);
    expect(r.status).toBe(0);
    const [row] = parse(r.stdout, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(row.title).toBe(`'  =HYPERLINK("http://x.invalid/","London")`);
  });

  it('export --format csv (speaker column)', () => {
    const r = runCli(['export', join(CASES, '06-csv-formula-injection/a.txt'), '--no-builtin', '--corpus', dir, '--format', 'csv', '--top', '1']);
    expect(r.status).toBe(0);
    const records = parse(r.stdout, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(records.length).toBeGreaterThan(0);
    for (const row of records) for (const cell of Object.values(row)) expect(cell).not.toMatch(TRIGGER);
    expect(records.filter((x) => x.speaker).map((x) => x.speaker)).toContain("'\u00a0@SUM(1,1)");
  });
});

describe('every web CSV download matches its JSON download, record for record', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });
  const get = async (path: string, query: Record<string, string>) => {
    const res = async (format: string) => (await fetch(`${app.url}${path}?${new URLSearchParams({ ...query, format })}`)).text();
    return { csv: await res('csv'), json: JSON.parse(await res('json')) };
  };

  for (const [path, query] of [
    ['/compare', { versions: 'us-28-2025-11-20,e3-counter-2025-11-23' }],
    ['/compare', { versions: 'us-28-2025-11-20,e3-counter-2025-11-23,ua-20-2025-12-24', table: 'collation' }],
    ['/plan/us-28-2025-11-20', {}],
    ['/style/us-28-2025-11-20', {}],
  ] as const) {
    it(`${path} ${JSON.stringify(query)}`, async () => {
      const { csv, json } = await get(path, query);
      const records = expectSameRecords(csv, json);
      expect(records.length).toBeGreaterThan(3);
    });
  }

  it('a pasted draft with formula triggers and sub-items: all three tables', async () => {
    const draft = `${readFileSync(join(CASES, '06-csv-formula-injection/a.txt'), 'utf8')}5. Security guarantees:\n    - The US will receive compensation.\n    - Europe will pay, "in full".\n`;
    for (const table of ['alignment', 'provenance', 'translationese']) {
      const post = async (format: string) =>
        (await fetch(`${app.url}/draft`, { method: 'POST', body: new URLSearchParams({ draft, against: 'us-28-2025-11-20', table, format }) })).text();
      const records = expectSameRecords(await post('csv'), JSON.parse(await post('json')));
      expect(records.length).toBeGreaterThan(0);
    }
  });
});
