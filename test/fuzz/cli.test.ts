// Hostile files on the command line: `provenance check` and `show` answer with
// one located line per problem and exit 1, never a stack trace, and the
// shipped corpus still loads beside them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { runCli } from '../helpers/run-cli.js';
import { realFiles } from './mutations.js';

const tmp = mkdtempSync(join(tmpdir(), 'fuzz-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const us28 = realFiles().find((f) => f.name.endsWith('us-28-2025-11-20.md'))!.bytes;
const text = us28.toString('utf8');
const STACK = /\n\s+at .+:\d+:\d+/;

/** Each a real file broken one way. */
const hostile: Record<string, Buffer> = {
  'alias-bomb.md': Buffer.from(text.replace('\nnotes:', '\na: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\nnotes:')),
  'self-reference.md': Buffer.from(text.replace(/^title: .*$/m, 'title: &t [*t]')),
  'deep.md': Buffer.from(text.replace('\nnotes:', `\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\nnotes:`)),
  'invalid-utf8.md': Buffer.concat([us28.subarray(0, 900), Buffer.from([0xc0, 0x80]), us28.subarray(900)]),
  'nul.md': Buffer.from(text.replace('3. ', '3. \u0000')),
  'too-big.md': Buffer.concat([us28, Buffer.alloc(2_100_000, 0x20)]),
  'truncated.md': us28.subarray(0, 200),
};

describe('hostile files on the command line', () => {
  it('check: one located line per bad file, exit 1, the shipped corpus intact', () => {
    const dir = join(tmp, 'corpus');
    mkdirSync(dir);
    for (const [name, bytes] of Object.entries(hostile)) writeFileSync(join(dir, name), bytes);
    const r = runCli(['check', '--corpus', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(STACK);
    for (const name of Object.keys(hostile)) expect(r.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')}(:\\d+)?: error \\[`));
    expect(r.stdout).toMatch(new RegExp(`^${loadCorpus().documents.length} documents loaded, \\d+ error`));
  });

  it('show: a hostile plan file is one line on stderr and exit 1', () => {
    for (const name of ['alias-bomb.md', 'invalid-utf8.md', 'too-big.md']) {
      const file = join(tmp, name);
      writeFileSync(file, hostile[name]);
      const r = runCli(['show', file]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});
