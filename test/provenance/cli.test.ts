// `provenance match` and `provenance export` as a user runs them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { PROVENANCE_COLUMNS, type MatchResult } from '../../src/provenance/index.js';
import { UserError } from '../../src/cli/errors.js';
import { runMatch } from '../../src/cli/commands/match.js';
import { runCli } from '../helpers/run-cli.js';

const corpus = loadCorpus();
const tmp = mkdtempSync(join(tmpdir(), 'provenance-cli-'));
let us28: MatchResult;

describe('provenance match', () => {
  it('prints pure JSON in the DESIGN.md shape, with evidence offsets that slice to the quoted text', () => {
    const r = runCli(['match', 'us-28-2025-11-20', '--format', 'json', '--top', '3']);
    expect(r.status).toBe(0);
    const result = (us28 = JSON.parse(r.stdout) as MatchResult);
    expect(result.plan).toBe('us-28-2025-11-20');
    const plan = findDocument(corpus, 'us-28-2025-11-20')!;
    for (const p of result.points) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['point', 'text', 'origin', 'candidates']));
      expect(p.candidates.length).toBeGreaterThan(0);
      expect(p.candidates.length).toBeLessThanOrEqual(3);
      for (const c of p.candidates) {
        expect(Object.keys(c)).toEqual(expect.arrayContaining(['doc', 'side', 'date', 'passage', 'score', 'later', 'evidence']));
        const source = findDocument(corpus, c.doc)!;
        for (const e of c.evidence) {
          expect(['shared-phrase', 'paraphrase', 'cross-lingual']).toContain(e.kind);
          expect(plan.text.slice(e.plan[0], e.plan[1])).toBe(e.text);
          expect(source.text.slice(e.source[0], e.source[1])).toBe(e.sourceText);
        }
      }
    }
  });

  it('finds the right Russian passages with only Russian-language documents (--no-builtin --corpus)', () => {
    const r = runCli(['match', 'corpora/plans/us-28-2025-11-20.md', '--no-builtin', '--corpus', 'test/fixtures/ru-statements', '--format', 'json']);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as MatchResult;
    const covered = result.points.filter((p) => Number(p.point) <= 12);
    expect(covered.map((p) => p.point)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    for (const p of covered) {
      const best = p.candidates[0];
      expect([best.doc, best.passage]).toEqual(['us-28-ru-2025-11-20-source', `p${p.point}`]);
      expect(best.evidence.length).toBeGreaterThan(0);
      for (const e of best.evidence) expect(e.kind).toBe('cross-lingual');
    }
  });

  it('accepts a plain numbered list as the plan', () => {
    // A real text: the body of the LIGA.net rendering, without its front matter.
    const source = readFileSync('corpora/plans/us-28-alt-en-2025-11-21.md', 'utf8');
    const body = source.slice(source.indexOf('\n---\n', 4) + 5);
    const file = join(tmp, 'my-draft.txt');
    writeFileSync(file, body);
    const r = runCli(['match', file, '--format', 'json', '--top', '3']);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as MatchResult;
    expect(result.points.find((p) => p.point === '5')!.candidates[0].doc).toMatch(/^(ua-2025-06-02-istanbul-proposals|eu-2025-04-23-london-counterproposal)$/);
  });

  it('says when a plan file gives no date, and takes it from --date: statements after it are later, not antecedents', () => {
    // The body of the 28-point plan (Axios, 20 Nov 2025) as a reporter would paste it, without front matter.
    const source = readFileSync('corpora/plans/us-28-2025-11-20.md', 'utf8');
    const file = join(tmp, 'undated-draft.txt');
    writeFileSync(file, source.slice(source.indexOf('\n---\n', 4) + 5));
    const undated = runCli(['match', file, '--format', 'json', '--top', '5']);
    expect(undated.status).toBe(0);
    expect(undated.stderr).toMatch(/note \[date\]: the draft gives no date, so it is dated today .*--date YYYY-MM-DD/);
    const dated = runCli(['match', file, '--format', 'json', '--top', '5', '--date', '2025-11-20']);
    expect(dated.status).toBe(0);
    expect(dated.stderr).not.toMatch(/gives no date/);
    const result = JSON.parse(dated.stdout) as MatchResult;
    expect(result.date).toBe('2025-11-20');
    const candidates = result.points.flatMap((p) => p.candidates);
    expect(candidates.filter((c) => c.date > '2025-11-20').every((c) => c.later)).toBe(true);
    expect(candidates.some((c) => c.later)).toBe(true);
    expect(result.points.flatMap((p) => [p.lineage.earliest, p.lineage.closest]).every((s) => !s || s.date <= '2025-11-20')).toBe(true);
    const bad = runCli(['match', file, '--date', '2025-13-01']);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('provenance: --date "2025-13-01" is not a date: write the draft\'s date as YYYY-MM-DD, e.g. --date 2025-11-20');
  });

  it('refuses a --date that a corpus id or a file with front matter would not use, rather than ignoring it', () => {
    const id = runCli(['match', 'us-28-2025-11-20', '--date', '2025-01-01']);
    expect(id.status).toBe(1);
    expect(id.stdout).toBe('');
    expect(id.stderr.trim()).toBe(
      "provenance: --date 2025-01-01 does not apply: us-28-2025-11-20 is a corpus document dated 2025-11-20, and its own date decides what counts as an antecedent; drop --date, or give the plan's text as a file without front matter to date it yourself",
    );
    const file = runCli(['export', 'corpora/plans/us-28-2025-11-20.md', '--date', '2025-01-01', '--format', 'passim']);
    expect(file.status).toBe(1);
    expect(file.stderr).toMatch(/^provenance: --date 2025-01-01 does not apply: corpora\/plans\/us-28-2025-11-20\.md has front matter dated 2025-11-20/);
    // The document's own date, given again, is no conflict.
    expect(runCli(['export', 'us-28-2025-11-20', '--date', '2025-11-20', '--format', 'passim']).status).toBe(0);
  });

  it('says why a shipped plan id is not found under --no-builtin', () => {
    const r = runCli(['match', 'us-28-2025-11-20', '--no-builtin', '--corpus', 'corpora/statements/ru-2025-lavrov-terms.md']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('provenance: "us-28-2025-11-20" is a shipped document, and --no-builtin leaves the shipped corpora out: drop --no-builtin, or give the plan as a file');
  });

  it('refuses a statement with one line on stderr and exit 1, and a reported-only plan with a UserError', async () => {
    const r = runCli(['match', 'ru-2025-lavrov-terms']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('is a statement, not a plan');
    await expect(runMatch('us-ua-19-2025-11-24', {})).rejects.toThrow(UserError);
    await expect(runMatch('us-ua-19-2025-11-24', {})).rejects.toThrow(/reported-only/);
    await expect(runMatch('us-28-2025-11-20', { top: '0' })).rejects.toThrow(/--top/);
  });
});

describe('provenance export', () => {
  it('writes CSV that parses back (RFC 4180) with one row per point and candidate', () => {
    const out = join(tmp, 'us-28.csv');
    const r = runCli(['export', 'us-28-2025-11-20', '--format', 'csv', '--top', '3', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const records = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0])).toEqual(PROVENANCE_COLUMNS);
    const json = us28; // from the first test: the same plan, corpus and --top
    // One row per candidate (or one for a point with none), then one per later echo.
    expect(records).toHaveLength(json.points.reduce((n, p) => n + Math.max(1, p.candidates.length) + p.echoes.length, 0));
    expect(records.filter((x) => x.row === 'echo')).toHaveLength(json.points.reduce((n, p) => n + p.echoes.length, 0));
    const echo = records.find((x) => x.row === 'echo' && x.point === '5')!;
    const jsonEcho = json.points.find((p) => p.point === '5')!.echoes[0];
    expect(echo).toMatchObject({ rank: '', later: 'true', doc: jsonEcho.doc, passage: jsonEcho.passage, score: String(jsonEcho.fixedScore) });
    expect(records.every((x) => x['plan date'] === '2025-11-20' && x['plan URL'] !== '')).toBe(true);
    const withAlso = json.points.flatMap((p) => p.candidates.map((c, i) => ({ point: p.point, rank: String(i + 1), c }))).find((x) => x.c.also);
    if (withAlso) expect(records.find((x) => x.point === withAlso.point && x.rank === withAlso.rank)!['also passage']).toBe(`${withAlso.c.also!.passage} (${withAlso.c.also!.score})`);
    const first = records.find((x) => x.point === '5' && x.rank === '1')!;
    const best = json.points.find((p) => p.point === '5')!.candidates[0];
    expect(first.doc).toBe(best.doc);
    expect(first['point text']).toBe('Ukraine will receive reliable security guarantees.');
    expect(first['evidence phrases']).toContain('"Ukraine will receive reliable security guarantees"');
    expect(first['source URL']).toMatch(/^https?:\/\//);
    expect(records.filter((x) => x.later === 'true').every((x) => x.date > '2025-11-20')).toBe(true);
  });

  it('writes a Markdown table with quoted phrases', () => {
    const r = runCli(['export', 'ua-20-2025-12-24', '--format', 'md', '--top', '1']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`| ${PROVENANCE_COLUMNS.join(' | ')} |`);
    const row16 = lines.find((l) => l.startsWith('| ua-20-2025-12-24 | 16 |'))!;
    expect(row16).toContain('eu-2025-04-23-london-counterproposal');
    expect(row16).toMatch(/"[^"]*Kinburn[^"]*"/);
  });

  it('names the --out path it cannot write', () => {
    const r = runCli(['export', 'us-28-2025-11-20', '--out', join(tmp, 'no-such-dir', 'x.csv')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no-such-dir');
  });
});
