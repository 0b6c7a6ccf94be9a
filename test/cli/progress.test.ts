// The progress bar's rate: bytes per second while a file loads, passages per second while an index is built.
import { describe, expect, it, vi } from 'vitest';
import { QUIET, progressFor, rateText, terminalProgress, timeLeftText } from '../../src/cli/progress.js';

describe('progress', () => {
  it('states the rate in the unit of the step', () => {
    expect(rateText(21_000_000, 2000, 'loading kremlin.jsonl.gz')).toBe('10.5 MB/s');
    expect(rateText(97_828, 4000, 'indexing kremlin.jsonl.gz')).toBe('24,457 passages/s');
  });

  it('gives the time left as unknown until there is a rate, never "0s left" at 2 %', () => {
    // Just started: one reading, or readings with no progress or too close together.
    expect(timeLeftText([{ at: 0, done: 2_000 }], 100_000)).toBe('time left unknown');
    expect(timeLeftText([{ at: 0, done: 2_000 }, { at: 1000, done: 2_000 }], 100_000)).toBe('time left unknown');
    expect(timeLeftText([{ at: 0, done: 0 }, { at: 100, done: 2_000 }], 100_000)).toBe('time left unknown');
    // 2,000 passages a second, 98,000 to go.
    expect(timeLeftText([{ at: 0, done: 0 }, { at: 1000, done: 2_000 }], 100_000)).toBe('49s left');
    expect(timeLeftText([{ at: 0, done: 0 }, { at: 1000, done: 1_000 }], 100_000)).toBe('1m39s left');
    expect(timeLeftText([{ at: 0, done: 0 }, { at: 1000, done: 10 }], 100_000)).toBe('2h46m left');
  });

  it('starts each step\'s estimate afresh: indexing after loading reads "time left unknown", then its own rate', () => {
    // Only the clock is faked: vitest's own timers stay real. cli-progress redraws on an update 200 ms after its last.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(0);
      const drawn: string[] = [];
      const stream = { isTTY: true, columns: 200, write: (s: string) => drawn.push(s) > 0, cursorTo() {}, clearLine() {}, moveCursor() {}, on() {}, removeListener() {} };
      const bar = terminalProgress(stream as unknown as NodeJS.WriteStream);
      bar.update(0, 20e6, 'loading k.jsonl.gz');
      vi.setSystemTime(1500);
      bar.update(20e6, 20e6, 'loading k.jsonl.gz');
      vi.setSystemTime(2000);
      bar.update(2_000, 100_000, 'indexing k.jsonl.gz');
      vi.setSystemTime(3000);
      bar.update(4_000, 100_000, 'indexing k.jsonl.gz');
      bar.stop();
      const lines = drawn.filter((s) => s.includes('%'));
      expect(lines[0]).toMatch(/^loading k\.jsonl\.gz .* 100% \| 13\.3 MB\/s \| 0s left$/);
      expect(lines[1]).toMatch(/^indexing k\.jsonl\.gz .* 2% \| rate unknown \| time left unknown$/);
      // 2,000 passages in the step's second: 96,000 to go.
      expect(lines[2]).toMatch(/^indexing k\.jsonl\.gz .* 4% \| [\d,]+ passages\/s \| 48s left$/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('draws nothing for JSON output or off a terminal', () => {
    expect(progressFor({ format: 'json' })).toBe(QUIET);
    if (!process.stderr.isTTY) expect(progressFor({})).toBe(QUIET);
  });
});
