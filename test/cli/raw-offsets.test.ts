// Offsets into the file as the user has it: a plain-text draft saved with
// CRLF line ends (and a BOM) gets align, match and translationese JSON whose
// every span slices the file to the quoted words. Inputs: field cases 08, 09
// and 10 (test/fixtures/field-cases) saved with CRLF.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/field-cases');
const dir = mkdtempSync(join(tmpdir(), 'raw-offsets-'));
const crlf = (from: string, to: string, bom = false) => {
  const text = (bom ? '\ufeff' : '') + readFileSync(resolve(FIXTURES, from), 'utf8').replace(/\r?\n/g, '\r\n');
  writeFileSync(join(dir, to), text);
  return join(dir, to);
};

/** `match --format json` on `file`: each point and its candidates' evidence slice `text` (the file as saved) to the quoted words. */
function expectMatchSlices(file: string, text: string, top: string): void {
  const m = runCli(['match', file, '--format', 'json', '--top', top]);
  expect(m.status).toBe(0);
  for (const p of JSON.parse(m.stdout).points) {
    expect(text.slice(p.start, p.end)).toBe(p.text);
    for (const c of p.candidates) for (const e of c.evidence) expect(text.slice(...e.plan)).toBe(e.text);
  }
}

type Span = [number, number];
interface Pair { aSpan?: Span; bSpan?: Span; changes: { a: string | null; b: string | null; aSpan?: Span; bSpan?: Span }[]; diff: { op: string; text: string; a?: Span; b?: Span }[]; subpairs?: Pair[] }

describe('CRLF plain-text drafts', () => {
  it('align --format json: point, change and diff spans slice each file as given', () => {
    const a = crlf('10-negation-as-stop-word/a.txt', 'a.txt', true);
    const b = crlf('08-spelled-out-numbers/b.txt', 'b.txt');
    const r = runCli(['align', a, b, '--format', 'json']);
    expect(r.status).toBe(0);
    const A = readFileSync(a, 'utf8');
    const B = readFileSync(b, 'utf8');
    let n = 0;
    const walk = (ps: Pair[]) => {
      for (const p of ps) {
        const ta = p.aSpan ? A.slice(...p.aSpan) : '';
        const tb = p.bSpan ? B.slice(...p.bSpan) : '';
        for (const c of p.changes) {
          if (c.aSpan) expect(ta.slice(...c.aSpan)).toBe(c.a), n++;
          if (c.bSpan) expect(tb.slice(...c.bSpan)).toBe(c.b), n++;
        }
        for (const d of p.diff) {
          if (d.op !== '+') expect(ta.slice(...d.a!)).toBe(d.op === '-' ? d.text : ta.slice(...d.a!)), n++;
          if (d.op !== '-') expect(tb.slice(...d.b!)).toBe(d.text), n++;
        }
        walk(p.subpairs ?? []);
      }
    };
    walk(JSON.parse(r.stdout).pairs);
    expect(n).toBeGreaterThan(5);
  });

  it('translationese and match --format json: spans slice the file as given', () => {
    const lines = readFileSync(resolve(FIXTURES, '09-crlf-translationese-offsets/statement-crlf.txt'), 'utf8').split('\r\n').filter(Boolean);
    const file = join(dir, 'plan.txt');
    writeFileSync(file, lines.map((l, i) => `${i + 1}. ${l}`).join('\r\n') + '\r\n');
    const text = readFileSync(file, 'utf8');
    const t = runCli(['translationese', file, '--by-segment', '--format', 'json']);
    expect(t.status).toBe(0);
    let spans = 0;
    for (const r of JSON.parse(t.stdout)) for (const f of r.features) expect(text.slice(f.start, f.end)).toBe(f.text), spans++;
    expect(spans).toBeGreaterThan(10);
    expectMatchSlices(file, text, '2');
  });

  it('match --format json on a CRLF copy of the 28-point plan: evidence, shared words, second passages and echoes slice the file', async () => {
    const { findDocument, loadCorpus } = await import('../../src/corpus/load.js');
    const plan = findDocument(loadCorpus({}), 'us-28-2025-11-20')!;
    const points = plan.segments.filter((s) => s.kind === 'point').map((s) => `${s.label}. ${plan.text.slice(s.start, s.end).replace(/\s*\n\s*/g, ' ')}`);
    const file = join(dir, 'us-28-crlf.txt');
    writeFileSync(file, `\ufeff${points.join('\r\n')}\r\n`);
    const text = readFileSync(file, 'utf8');
    const m = runCli(['match', file, '--format', 'json', '--top', '5']);
    expect(m.status).toBe(0);
    const seen = { evidence: 0, words: 0, also: 0, echoes: 0, negations: 0 };
    type E = { plan: [number, number]; text: string; negation?: { side: string; span: [number, number]; text: string } };
    type C = { evidence: E[]; words?: E[]; also?: { evidence: E[] } };
    const check = (list: E[] | undefined, kind: keyof typeof seen) => {
      for (const e of list ?? []) {
        expect(text.slice(...e.plan)).toBe(e.text), seen[kind]++;
        // A plan-side negation ("not invade", before the matched words) slices the file too.
        if (e.negation?.side === 'plan') expect(text.slice(...e.negation.span)).toBe(e.negation.text), seen.negations++;
      }
    };
    for (const p of JSON.parse(m.stdout).points as { candidates: C[]; echoes: C[] }[]) {
      for (const c of p.candidates) {
        check(c.evidence, 'evidence');
        check(c.words, 'words');
        check(c.also?.evidence, 'also');
      }
      for (const c of p.echoes) check(c.evidence, 'echoes');
    }
    // An undated plain list has no later statements, so no echoes; second passages are mapped when present.
    expect(seen.evidence, JSON.stringify(seen)).toBeGreaterThan(20);
    expect(seen.words, JSON.stringify(seen)).toBeGreaterThan(20);
    expect(seen.negations, JSON.stringify(seen)).toBeGreaterThan(0);
  });
});

// CR-only and mixed line ends, Markdown front matter, `<!-- src: URL -->` lines: the loader's copy of
// the text drops all of these, and every JSON span must still slice the file as saved.
// Inputs: real corpus documents (corpora/plans, corpora/statements) with only their line ends changed.
describe('CR-only and mixed line ends, with front matter or source comments', () => {
  const ROOT = resolve(import.meta.dirname, '../..');
  const corpusText = (rel: string) => readFileSync(resolve(ROOT, rel), 'utf8');
  /** The text with line ends cycling CRLF, CR, LF (a file edited on three systems). */
  const mixed = (text: string) => text.split('\n').map((l, i, all) => l + (i === all.length - 1 ? '' : ['\r\n', '\r', '\n'][i % 3])).join('');
  const save = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
  const statement = corpusText('corpora/statements/mixed-2026-01-29-kyiv-strike-pause.md').replace(/^id: .*$/m, 'id: kyiv-pause-copy');
  // The memorandum's body has numbered points and six `<!-- src -->` lines: as plain text it is read as a plan.
  const memo = corpusText('corpora/statements/ru-2025-06-02-memorandum.md');
  const body = memo.slice(memo.indexOf('\n---\n', 4) + 5);

  it.each([
    ['a statement .md with front matter, CR only', 'st-cr.md', statement.replace(/\n/g, '\r')],
    ['a statement .md with front matter, mixed', 'st-mixed.md', mixed(statement)],
    ['a numbered body as plain text with <!-- src --> lines, CR only', 'memo-cr.txt', body.replace(/\n/g, '\r')],
    ['a numbered body as plain text with <!-- src --> lines, LF', 'memo-lf.txt', body],
  ])('translationese --format json: %s', (_, name, text) => {
    const file = save(name, text);
    const r = runCli(['translationese', file, '--by-segment', '--format', 'json']);
    expect(r.status).toBe(0);
    let spans = 0;
    for (const res of JSON.parse(r.stdout)) for (const f of res.features) expect(text.slice(f.start, f.end)).toBe(f.text), spans++;
    expect(spans).toBeGreaterThan(20);
  });

  it('align and match --format json: a plan .md with front matter, CR only and mixed', () => {
    const plan = corpusText('corpora/plans/us-28-2025-11-20.md').replace(/^id: .*$/m, 'id: us-28-copy');
    for (const [name, text] of [['plan-cr.md', plan.replace(/\n/g, '\r')], ['plan-mixed.md', mixed(plan)]]) {
      const file = save(name, text);
      const a = runCli(['align', 'e3-counter-2025-11-23', file, '--format', 'json']);
      expect(a.status).toBe(0);
      let n = 0;
      for (const p of JSON.parse(a.stdout).pairs as Pair[]) {
        if (!p.bSpan) continue;
        const tb = text.slice(...p.bSpan);
        for (const c of p.changes) if (c.bSpan) expect(tb.slice(...c.bSpan)).toBe(c.b), n++;
        for (const d of p.diff) if (d.op !== '-') expect(tb.slice(...d.b!)).toBe(d.text), n++;
      }
      expect(n).toBeGreaterThan(20);
      // Three versions: the collation's reading spans point into the file too.
      const c = runCli(['align', file, 'e3-counter-2025-11-23', 'ua-20-2025-12-24', '--format', 'json']);
      expect(c.status).toBe(0);
      let readings = 0;
      for (const row of JSON.parse(c.stdout).collation.rows)
        for (const r of row.readings)
          if (r.witness === 'us-28-copy' && r.spans.length === 1) {
            expect(text.slice(...r.spans[0]).replace(/\r\n?/g, '\n')).toContain(r.text.split('\n')[0]);
            readings++;
          }
      expect(readings).toBeGreaterThan(8);
      expectMatchSlices(file, text, '1');
    }
  });

  it('Unicode line ends: U+2028 and NEL end a point, U+2029 a paragraph; points, segments and spans as with LF', () => {
    const plan = corpusText('corpora/plans/us-28-2025-11-20.md');
    const points = plan.slice(plan.indexOf('\n---\n', 4) + 5).split('\n').filter((l) => /^\d+\. \S/.test(l)).slice(0, 9);
    const lf = save('points-lf.txt', points.join('\n'));
    const text = points.map((l, i) => l + (i % 2 ? '\u0085' : '\u2028')).join('');
    const file = save('points-ls.txt', text);
    const pointsOf = (f: string) => JSON.parse(runCli(['match', f, '--format', 'json', '--top', '1']).stdout).points.map((p: { point: string; text: string }) => [p.point, p.text]);
    // Observed: one point "1" running to the end of the file.
    expect(pointsOf(file)).toEqual(pointsOf(lf));
    expectMatchSlices(file, text, '1');
    const a = runCli(['align', lf, file, '--format', 'json']);
    expect(JSON.parse(a.stdout).pairs.map((p: { relation: string }) => p.relation)).toEqual(points.map(() => 'unchanged'));
    // A statement whose paragraphs end with PARAGRAPH SEPARATOR: the same segments as with blank lines.
    const paragraphs = statement.slice(statement.indexOf('\n---\n', 4) + 5);
    const ps = save('st-ps.txt', paragraphs.replace(/\n\n/g, '\u2029'));
    const segments = (f: string) => JSON.parse(runCli(['translationese', f, '--by-segment', '--format', 'json']).stdout);
    const [bySeparator, byBlankLine] = [segments(ps), segments(save('st-lf.txt', paragraphs))];
    expect(bySeparator.length).toBe(byBlankLine.length);
    // So are CR-only blank lines (observed: one paragraph for the whole file).
    expect(segments(save('st-cr.txt', paragraphs.replace(/\n/g, '\r'))).length).toBe(byBlankLine.length);
    expect(bySeparator.length).toBeGreaterThan(1);
    const saved = readFileSync(ps, 'utf8');
    for (const res of bySeparator) for (const f of res.features) expect(saved.slice(f.start, f.end)).toBe(f.text);
  });
});
