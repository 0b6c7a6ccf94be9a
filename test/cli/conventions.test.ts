// CLI conventions: --version, examples at the end of every --help, colour and
// progress bars only for a person at a terminal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colourEnabled, paint } from '../../src/cli/colour.js';
import { progressFor, QUIET } from '../../src/cli/progress.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const COMMANDS = ['list', 'show', 'check', 'serve', 'translationese', 'match', 'export', 'align'];
const ESC = '\u001b[';

describe('--version', () => {
  for (const flag of ['--version', '-V']) {
    it(`${flag} prints the package.json version`, () => {
      const r = runCli([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    });
  }
});

describe('--help ends with real examples', () => {
  const ids = (JSON.parse(runCli(['list', '--format', 'json']).stdout) as { id: string }[]).map((d) => d.id);
  const examplesOf = (help: string) => {
    const tail = help.trimEnd().split('\nExamples:\n');
    expect(tail, 'an Examples: block').toHaveLength(2);
    return tail[1].split('\n').map((l) => l.trim().replace(/^\$ /, ''));
  };

  for (const command of COMMANDS) {
    it(`${command} --help`, () => {
      const r = runCli([command, '--help']);
      expect(r.status).toBe(0);
      const examples = examplesOf(r.stdout);
      expect(examples.length).toBeGreaterThanOrEqual(1);
      expect(examples.length).toBeLessThanOrEqual(2);
      for (const e of examples) {
        expect(e.startsWith(`provenance ${command}`)).toBe(true);
        // Every document id an example names is a shipped one.
        for (const word of e.split(/\s+/).filter((w) => /^[a-z]+(?:-[a-z0-9]+)+-\d{4}-\d{2}(?:-\d{2})?$/.test(w))) expect(ids).toContain(word);
      }
    });
  }

  it('the top-level --help too', () => {
    expect(examplesOf(runCli(['--help']).stdout)[0]).toBe('provenance list');
  });

  it('the quick examples run as printed', () => {
    for (const command of ['list', 'show', 'check']) {
      for (const e of examplesOf(runCli([command, '--help']).stdout)) {
        const args = e.replace(/ > .*$/, '').split(' ').slice(1);
        const r = runCli(args);
        expect(r.status, e).toBe(0);
        expect(r.stdout.length, e).toBeGreaterThan(20);
      }
    }
  });
});

describe('colour only on a terminal', () => {
  const tty = { isTTY: true };
  it('follows the TTY, NO_COLOR, TERM=dumb, FORCE_COLOR; never for JSON', () => {
    expect(colourEnabled({ stream: tty, env: {} })).toBe(true);
    expect(colourEnabled({ stream: {}, env: {} })).toBe(false);
    expect(colourEnabled({ stream: tty, env: { NO_COLOR: '1' } })).toBe(false);
    expect(colourEnabled({ stream: tty, env: { NO_COLOR: '' } })).toBe(true); // no-color.org: set and not empty
    expect(colourEnabled({ stream: tty, env: { TERM: 'dumb' } })).toBe(false);
    expect(colourEnabled({ stream: {}, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(colourEnabled({ stream: tty, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(colourEnabled({ stream: tty, env: { FORCE_COLOR: '1' }, format: 'json' })).toBe(false);
    expect(paint('x', 'red', false)).toBe('x');
    expect(paint('x', 'red', true)).toBe('\u001b[31mx\u001b[39m');
  });

  it('progress bars: when stderr, where the bar is drawn, is a terminal, stdout redirected or not; never for JSON, CI or TERM=dumb', () => {
    // stdout is not asked: `match … > out.txt` showed nothing for 12 s while a fresh bulk file was indexed.
    const terminal = { stderr: tty };
    expect(progressFor({}, {}, terminal)).not.toBe(QUIET);
    expect(progressFor({ format: 'json' }, {}, terminal)).toBe(QUIET);
    expect(progressFor({}, { TERM: 'dumb' }, terminal)).toBe(QUIET);
    expect(progressFor({}, { CI: 'true' }, terminal)).toBe(QUIET);
    expect(progressFor({}, {}, { stderr: {} })).toBe(QUIET);
  });

  it('piped output (as in every script) carries no escape codes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'conv-'));
    writeFileSync(join(dir, 'NOTES.md'), '# notes\n');
    const r = runCli(['check', '--no-builtin', '--corpus', dir]);
    expect(r.stderr).toMatch(/note \[front matter\]/);
    expect(r.stdout + r.stderr).not.toContain(ESC);
  });

  // A real pseudo-terminal via util-linux `script`, where it exists.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('on a real terminal: severity coloured; NO_COLOR and --format json stay plain', () => {
    const dir = mkdtempSync(join(tmpdir(), 'conv-'));
    writeFileSync(join(dir, 'NOTES.md'), '# notes\n');
    const run = (args: string, env: Record<string, string> = {}) => {
      const cmd = `${process.execPath} --import tsx ${join(ROOT, 'src/cli/main.ts')} ${args}`;
      const envNoColour = { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: '', TERM: 'xterm', ...env };
      return spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, env: envNoColour, encoding: 'utf8', timeout: 60_000 }).stdout;
    };
    expect(run(`check --no-builtin --corpus ${dir}`)).toContain(`${ESC}36mnote${ESC}39m`);
    expect(run(`check --no-builtin --corpus ${dir}`, { NO_COLOR: '1' })).not.toContain(ESC);
    const json = run(`check --no-builtin --corpus ${dir} --format json`);
    expect(json).not.toContain(ESC);
    expect(JSON.parse(json.replace(/\r\n/g, '\n'))).toMatchObject({ documents: 0, notes: [{ severity: 'note' }] });
  });
});

describe('a closed pipe (provenance … | head)', () => {
  it('exits 0 quietly, with no stack trace, when the reader stops reading', () => {
    // `head -c 100` closes its end after 100 bytes; the CLI still has ~400 kB of JSON to write.
    const cmd = `${process.execPath} --import tsx ${join(ROOT, 'src/cli/main.ts')} match us-28-2025-11-20 --format json | head -c 100 > /dev/null; echo "status=\${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', cmd], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).not.toMatch(/EPIPE|at .*\(node:|Error/);
    expect(r.stdout.trim()).toBe('status=0');
  });
});

describe('usage errors are one line, like the tool\'s own', () => {
  for (const args of [['export', 'us-28-2025-11-20', '--format', 'xml'], ['frobnicate'], ['match'], ['align', 'us-28-2025-11-20', '--bogus']]) {
    it(`provenance ${args.join(' ')}`, () => {
      const r = runCli(args);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^provenance: .* \(see --help\)\n$/);
    });
  }
});
