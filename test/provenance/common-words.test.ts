// The common English words' keys (a lone one is never evidence), kept in a
// disk cache that reads back the same keys.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedCommonWordKeys, computeCommonWordKeys, isCommonWord } from '../../src/provenance/common-words.js';

describe('common word keys', () => {
  it('caches the keys on disk and reads back the same set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'common-words-'));
    const computed = computeCommonWordKeys();
    // "Ensure" and "full" are SCOWL level 10/20 words; "amnesty" (level 35) is not.
    expect(computed.has('w:ensur')).toBe(true);
    expect(computed.has('w:full')).toBe(true);
    expect(computed.has('w:amnesti')).toBe(false);
    expect([...cachedCommonWordKeys(dir)]).toEqual([...computed]);
    const files = readdirSync(dir).filter((f) => f.startsWith('common-words-'));
    expect(files).toHaveLength(1);
    expect([...cachedCommonWordKeys(dir)]).toEqual([...computed]);
    expect(isCommonWord('w:ensur')).toBe(true);
    expect(isCommonWord('w:amnesti')).toBe(false);
  });

  it('ignores a damaged cache file and computes the keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'common-words-'));
    const once = cachedCommonWordKeys(dir);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file), '[1, 2');
    expect([...cachedCommonWordKeys(dir)]).toEqual([...once]);
    writeFileSync(join(dir, file), '[1, 2]');
    expect([...cachedCommonWordKeys(dir)]).toEqual([...once]);
  });
});
