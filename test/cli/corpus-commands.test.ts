import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const e3 = readFileSync(join(import.meta.dirname, '../../corpora/plans/e3-counter-2025-11-23.md'), 'utf8');

describe('provenance list', () => {
  it('--format json prints pure JSON: every document with segment count and missing points', () => {
    const r = runCli(['list', '--format', 'json']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(rows).toHaveLength(41);
    const us28 = rows.find((d: { id: string }) => d.id === 'us-28-2025-11-20');
    expect(us28).toMatchObject({ kind: 'plan', segments: 25, missing: ['13', '15', '16', '17', '18', '19', '22', '23', '24', '25', '27', '28'] });
    expect(rows.find((d: { id: string }) => d.id === 'ru-2025-06-02-memorandum')).toMatchObject({ kind: 'statement', segments: 11 });
  });

  it('prints a table for people', () => {
    const r = runCli(['list']);
    expect(r.stdout).toMatch(/us-28-2025-11-20\s+plan\s+us\s+2025-11-20\s+en\s+25\s+12\/28 complete, 4 partial, 12 missing/);
    expect(r.stdout).toMatch(/us-ua-19-2025-11-24 .* reported only \(no text\)/);
  });

  it('--no-builtin with --corpus lists only that folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    writeFileSync(join(dir, 'mine.md'), e3.replace('id: e3-counter-2025-11-23', 'id: my-e3'));
    const r = runCli(['list', '--no-builtin', '--corpus', dir, '--format', 'json']);
    expect(JSON.parse(r.stdout).map((d: { id: string }) => d.id)).toEqual(['my-e3']);
  });
});

describe('provenance show', () => {
  it('prints the points with ids and marks missing points as missing', () => {
    const r = runCli(['show', 'us-28-2025-11-20']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  6. The size of the Ukrainian Armed Forces will be limited to 600,000 personnel.');
    expect(r.stdout).toContain('     10.2  If Ukraine invades Russia, it will lose the guarantee.');
    expect(r.stdout).toMatch(/ 13\. \[missing/);
    expect(r.stdout).toMatch(/ 20\. +\[partial\]/);
  });

  it('exits 1 with one line for an unknown id', () => {
    const r = runCli(['show', 'us-28']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no document or file "us-28" \(did you mean us-28-2025-11-20/);
  });

  it('names the character that makes an id that reads right unknown, and the id meant', () => {
    // Observed: 'no document or file "е3-counter-2025-11-23"' (a Cyrillic е), identical on screen to the id.
    const cyrillic = runCli(['show', '\u04353-counter-2025-11-23']);
    expect(cyrillic.status).toBe(1);
    expect(cyrillic.stderr).toMatch(/\("е" \(U\+0435\) is a Cyrillic letter; did you mean e3-counter-2025-11-23\?\)/);
    const invisible = runCli(['show', 'e3-counter-2025-11-23\u200b']);
    expect(invisible.stderr).toMatch(/no document or file "e3-counter-2025-11-23\\u200b" \(U\+200B is an invisible character; did you mean e3-counter-2025-11-23\?\)/);
  });

  it('accepts a plain numbered list from a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const file = join(dir, 'my draft.txt');
    writeFileSync(file, '1. Ukraine\'s sovereignty to be reconfirmed.\n2. NATO fighter jets will be stationed in Poland\n');
    const r = runCli(['show', file, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'file-my-draft', kind: 'plan', segments: [{ id: '1' }, { id: '2' }] });
  });
});

describe('provenance check', () => {
  it('exits 0 on the shipped corpora', () => {
    const r = runCli(['check']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/41 documents loaded, 0 error\(s\), 0 warning\(s\)/);
  });

  it('exits 1 and names file, line and field when a document is invalid; the rest still loads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    writeFileSync(join(dir, 'bad.md'), e3.replace('id: e3-counter-2025-11-23', 'id: my-e3').replace('date: 2025-11-23', 'date: 2025-13-01'));
    const r = runCli(['check', '--corpus', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.md:6: error \[date\]: date is not a real calendar date \(got "2025-13-01"\)/);
    expect(r.stdout).toMatch(/41 documents loaded, 1 error/);
  });

  it('other commands warn on stderr, carry on with what loaded, and exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    writeFileSync(join(dir, 'bad.md'), e3.replace('kind: plan', 'kind: memo'));
    const r = runCli(['list', '--corpus', dir, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toHaveLength(41);
    expect(r.stderr).toMatch(/bad\.md:3: error \[kind\]/);
  });

  it('a --corpus path that does not exist is an error: the results from the other corpora, and exit 1', () => {
    const r = runCli(['match', 'us-28-2025-11-20', '--corpus', join(tmpdir(), 'no-such-archive.jsonl.gz'), '--top', '1', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).plan).toBe('us-28-2025-11-20');
    expect(r.stderr).toMatch(/no-such-archive\.jsonl\.gz: error \[corpus\]: no such file or folder/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
