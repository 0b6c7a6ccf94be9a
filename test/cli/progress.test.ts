// The progress bar's rate: bytes per second while a file loads, passages per second while an index is built.
import { describe, expect, it } from 'vitest';
import { QUIET, progressFor, rateText } from '../../src/cli/progress.js';

describe('progress', () => {
  it('states the rate in the unit of the step', () => {
    expect(rateText(21_000_000, 2000, 'loading kremlin.jsonl.gz')).toBe('10.5 MB/s');
    expect(rateText(97_828, 4000, 'indexing kremlin.jsonl.gz')).toBe('24,457 passages/s');
  });

  it('draws nothing for JSON output or off a terminal', () => {
    expect(progressFor({ format: 'json' })).toBe(QUIET);
    if (!process.stdout.isTTY) expect(progressFor({})).toBe(QUIET);
  });
});
