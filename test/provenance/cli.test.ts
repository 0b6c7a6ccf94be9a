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
    expect(records).toHaveLength(json.points.reduce((n, p) => n + Math.max(1, p.candidates.length), 0));
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
