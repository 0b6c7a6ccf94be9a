// provenance translationese, run as a user runs it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { loadCorpus, findDocument } from '../../src/corpus/load.js';

describe('provenance translationese', () => {
  it('--by-segment --format json prints pure JSON whose spans slice the document text', () => {
    const r = runCli(['translationese', 'us-28-2025-11-20', '--by-segment', '--format', 'json']);
    expect(r.status).toBe(0);
    const results = JSON.parse(r.stdout);
    const plan = findDocument(loadCorpus(), 'us-28-2025-11-20')!;
    expect(results[0]).toMatchObject({ input: 'us-28-2025-11-20', segment: null });
    expect(results.length).toBe(1 + plan.segments.filter((s) => s.kind === 'point').length);
    for (const res of results) {
      expect(typeof res.score).toBe('number');
      expect(res.interval).toHaveProperty('low');
      for (const f of res.features) expect(plan.text.slice(f.start, f.end)).toBe(f.text);
    }
  });

  it('ranks the renderings of the 28 points in a table and marks the Russian text not applicable', () => {
    const r = runCli(['translationese', 'us-28-ru-2025-11-20', 'us-28-2025-11-20', 'us-28-alt-en-2025-11-21', 'us-28-alt-en-pravda-2025-11-20']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[2]).toMatch(/^1 {2}us-28-/);
    expect(lines.find((l) => l.includes('us-28-ru-2025-11-20'))).toMatch(/not applicable/);
  });

  it('--common-points compares renderings on the points they share', () => {
    const r = runCli(['translationese', 'us-28-2025-11-20', 'us-28-alt-en-2025-11-21', '--common-points', '--by-segment', '--format', 'json']);
    expect(r.status).toBe(0);
    const results = JSON.parse(r.stdout);
    const pointsOf = (input: string) => results.filter((x: { input: string; segment: string | null }) => x.input === input && x.segment).map((x: { segment: string }) => x.segment);
    expect(pointsOf('us-28-2025-11-20')).toEqual(pointsOf('us-28-alt-en-2025-11-21'));
    expect(pointsOf('us-28-2025-11-20')).toContain('1');
    expect(results[0].note).toMatch(/^points 1, /);
  });

  it('a prose file (no numbered points) is scored paragraph by paragraph', () => {
    const file = join(import.meta.dirname, '../../corpora/reference/translationese/tr-019.txt');
    expect(readFileSync(file, 'utf8').length).toBeGreaterThan(0);
    const r = runCli(['translationese', file, '--by-segment', '--format', 'json']);
    expect(r.status).toBe(0);
    const text = readFileSync(file, 'utf8');
    const [whole, ...paragraphs] = JSON.parse(r.stdout);
    expect(whole.words).toBeGreaterThan(100);
    expect(paragraphs.map((p: { segment: string }) => p.segment)[0]).toBe('p1');
    for (const f of whole.features) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('an unknown id is a one-line error and exit 1', () => {
    const r = runCli(['translationese', 'no-such-plan']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^provenance: no document or file "no-such-plan"/);
  });

  it('says when a text is one the model was trained on (a copy of a reference text, CRLF and all), and not for a plan', () => {
    // A reporter's copy of a UN reference speech (../shared/translationese-un/train is the same set) with Windows line ends.
    const original = readFileSync('corpora/reference/translationese-un/tr-un-001.txt', 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'trained-on-'));
    const file = join(dir, 'speech.txt');
    writeFileSync(file, `\ufeff${original.replace(/\n/g, '\r\n')}`);
    const table = runCli(['translationese', file, 'us-28-2025-11-20']);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain(`note: ${file} is the reference text un/tr-un-001.txt (labelled translated), which the model was trained on`);
    expect(table.stdout).not.toMatch(/note: us-28-2025-11-20 is the reference text/);
    const json = JSON.parse(runCli(['translationese', file, 'us-28-2025-11-20', '--format', 'json']).stdout) as { input: string; trainedOn?: unknown }[];
    expect(json.find((r) => r.input === file)!.trainedOn).toEqual({ set: 'un', file: 'tr-un-001.txt', label: 'translated' });
    expect(json.find((r) => r.input === 'us-28-2025-11-20')!.trainedOn).toBeUndefined();
  });
});
