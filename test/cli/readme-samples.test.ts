// The README's sample outputs are what the tool prints: every line of a sample
// (bar the command, "…" elisions and lines the README cuts with "…") is a line
// of the real output. A reporter found "likely origin: ru 63%" in the README
// where the tool printed "likely origin (share of points): ru 63%".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const readme = readFileSync('README.md', 'utf8').split('\n');

/** The sample output after the README line `$ npx provenance <command>`, up to the next command or the fence's end. */
function sample(command: string): string[] {
  const start = readme.indexOf(`$ npx provenance ${command}`);
  expect(start, command).toBeGreaterThan(0);
  const end = readme.findIndex((l, i) => i > start && (l.startsWith('```') || l.startsWith('$ ')));
  return readme.slice(start + 1, end);
}

/** Sample lines that the output lacks (a line ending in "…" is compared up to it). */
function drift(lines: string[], output: string): string[] {
  const got = output.split('\n').map((l) => l.trimEnd());
  return lines
    .filter((l) => l.trim() && !l.startsWith('…'))
    .filter((l) => (l.endsWith('…') ? !got.some((g) => g.startsWith(l.slice(0, -1))) : !got.includes(l.trimEnd())));
}

describe('README sample outputs', () => {
  it.each([
    'align us-28-2025-11-20 ua-20-2025-12-24',
    'align us-28-2025-11-20 us-28-alt-en-2025-11-21 us-28-alt-en-pravda-2025-11-20 us-28-ru-2025-11-20',
    'match us-28-2025-11-20 --top 2',
    'translationese ru-2025-lavrov-terms us-2025-09-29-gaza-plan us-28-2025-11-20',
  ])('`%s` prints the README lines', (command) => {
    const lines = sample(command);
    expect(lines.length).toBeGreaterThan(3);
    const r = runCli(command.split(' '));
    expect(r.status).toBe(0);
    expect(drift(lines, r.stdout)).toEqual([]);
  });
});
