// A plan given as a file: `match --format json`, `match --format csv` and
// `export` (CSV, JSON, Markdown) give the same plan offsets, into the file as
// saved, and say so in their 'offsets into' column (a reporter sliced a CRLF
// file with the CSV's offsets and found 146 of 146 off by the BOM and the line
// ends). Imported PDF/Word/HTML files: offsets into the extracted text, which
// `show FILE --format json` prints, said the same way.
// Inputs: the shipped us-28-2025-11-20 (its points as a CRLF list with a BOM,
// hard-wrapped as in an e-mail; its corpus file with front matter, CRLF) and
// ua-20-2025-12-24 as a web page and a Word file (test/import/fixtures.ts).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { checkEvidenceColumns, type Row } from '../helpers/evidence-columns.js';
import { runCliAsync } from '../helpers/run-cli.js';
import { planDocx, planHtml } from '../import/fixtures.js';

const ROOT = resolve(import.meta.dirname, '../..');
const corpus = loadCorpus({});
const us28 = findDocument(corpus, 'us-28-2025-11-20')!;
const sourceText = (id: string) => findDocument(corpus, id)!.text;
const dir = mkdtempSync(join(tmpdir(), 'export-offsets-'));
const SOURCES = 'source: document text (show ID --format json, with the same --corpus options)';

/** Words wrapped into lines of at most `width` characters, continuation lines indented. */
const wrap = (line: string, width: number) => line.split(' ').reduce((lines, w) => (lines.at(-1)!.length + w.length < width ? [...lines.slice(0, -1), `${lines.at(-1)} ${w}`.trimStart()] : [...lines, `   ${w}`]), ['']);

const points = us28.segments.filter((s) => s.kind === 'point').map((s) => `${s.label}. ${us28.text.slice(s.start, s.end).replace(/\s*\n\s*/g, ' ')}`);
const FILES: [string, string][] = [
  ['us-28-wrapped.txt', `\ufeff${points.flatMap((p) => wrap(p, 60)).join('\r\n')}\r\n`],
  ['us-28-copy.md', readFileSync(resolve(ROOT, 'corpora/plans/us-28-2025-11-20.md'), 'utf8').replace(/^id: .*$/m, 'id: us-28-copy').replace(/\n/g, '\r\n')],
];

type E = { plan: [number, number]; text: string };
type Shown = { evidence: E[]; words?: E[] };
type Json = { points: { point: string; candidates: Shown[]; echoes: Shown[] }[] };

/** The plan spans of `match --format json` as the CSV lists them: each candidate's shown evidence (its words when it has none), then each later echo's (no rank). */
function jsonSpans(json: Json): string[] {
  const spans = (c: Shown, rank: string, point: string) => (c.evidence.length ? c.evidence : (c.words ?? [])).map((e) => `${point}/${rank}: ${e.plan[0]}-${e.plan[1]}`);
  return json.points.flatMap((p) => [...p.candidates.flatMap((c, i) => spans(c, String(i + 1), p.point)), ...p.echoes.flatMap((c) => spans(c, '', p.point))]);
}

describe('a plan file: every format gives the same offsets, into the file as saved', () => {
  it.each(FILES)('%s', async (name, text) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    const json = await runCliAsync(['match', file, '--format', 'json', '--top', '3']);
    const csv = await runCliAsync(['match', file, '--format', 'csv', '--top', '3']);
    const exported = await runCliAsync(['export', file, '--top', '3']);
    const md = await runCliAsync(['export', file, '--format', 'md', '--top', '3']);
    for (const r of [json, csv, exported, md]) expect(r.status, r.stderr).toBe(0);
    expect(exported.stdout).toBe(csv.stdout);
    const rows = parse(csv.stdout, { columns: true }) as Row[];
    expect(new Set(rows.map((x) => x['offsets into']))).toEqual(new Set([`plan: the file ${name} as saved; ${SOURCES}`]));
    const check = checkEvidenceColumns(rows, text, sourceText);
    expect(check.problems).toEqual([]);
    expect(check.pieces).toBeGreaterThan(40);
    // The JSON's plan spans, and the same cells in the Markdown table.
    expect(check.planSpans.sort()).toEqual(jsonSpans(JSON.parse(json.stdout) as Json).sort());
    for (const row of rows) if (row['evidence offsets']) expect(md.stdout).toContain(`| ${row['evidence offsets'].replace(/\|/g, '\\|')} |`);
    // Wrapped lines: quoted words across a line end (CRLF and an indent in the file, one space in the phrase).
    if (name.endsWith('.txt')) expect(check.collapsed).toBeGreaterThan(0);
  });

  it.each([
    ['ua-20.html', async () => planHtml(findDocument(corpus, 'ua-20-2025-12-24')!, 'ua-20')],
    ['ua-20.docx', async () => planDocx(findDocument(corpus, 'ua-20-2025-12-24')!, 'ua-20')],
  ])('%s (imported): every format gives offsets into the extracted text, and says so', async (name, make) => {
    const file = join(dir, name);
    writeFileSync(file, await make());
    const shown = await runCliAsync(['show', file, '--format', 'json']);
    const json = await runCliAsync(['match', file, '--format', 'json', '--top', '2']);
    const csv = await runCliAsync(['export', file, '--top', '2']);
    for (const r of [shown, json, csv]) expect(r.status, r.stderr).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Row[];
    expect(new Set(rows.map((x) => x['offsets into']))).toEqual(new Set([`plan: the text extracted from ${name} (show FILE --format json); ${SOURCES}`]));
    const check = checkEvidenceColumns(rows, (JSON.parse(shown.stdout) as { text: string }).text, sourceText);
    expect(check.problems).toEqual([]);
    expect(check.pieces).toBeGreaterThan(20);
    expect(check.planSpans.sort()).toEqual(jsonSpans(JSON.parse(json.stdout) as Json).sort());
  });
});
