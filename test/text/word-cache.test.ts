import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { byWord, byWordAt } from '../../src/text/word-cache.js';

const corpus = loadCorpus({});

describe('word memo (looked up by a slice of the text)', () => {
  it('computes once per distinct word of every shipped document, and gives each slice its own word back', () => {
    const computed = new Map<string, number>();
    const compute = (surface: string) => {
      computed.set(surface, (computed.get(surface) ?? 0) + 1);
      return { surface };
    };
    let tokens = 0;
    for (const doc of corpus.documents) {
      // A language key of this test's own, so the lexer's entries are neither read nor counted.
      for (const m of doc.text.matchAll(/[\p{L}\p{M}]+/gu)) {
        const value = byWordAt('test-slices', doc.text, m.index, m.index + m[0].length, compute);
        expect(value.surface).toBe(m[0]);
        tokens++;
      }
    }
    // Over 3,000 distinct Latin and Cyrillic words: the table grew three times over its 1,024 first slots.
    expect(computed.size).toBeGreaterThan(3000);
    expect(tokens).toBeGreaterThan(computed.size * 3);
    expect([...computed.values()].every((n) => n === 1)).toBe(true);
  });

  it('keeps words of one length apart, and a whole string and a slice of the same word together', () => {
    const text = 'Донбасс Donbas Донбас Donbass';
    const seen: string[] = [];
    const compute = (surface: string) => (seen.push(surface), surface.toUpperCase());
    expect(byWordAt('test-apart', text, 0, 7, compute)).toBe('ДОНБАСС');
    expect(byWordAt('test-apart', text, 8, 14, compute)).toBe('DONBAS');
    expect(byWordAt('test-apart', text, 15, 21, compute)).toBe('ДОНБАС');
    expect(byWord('test-apart', 'Donbas', compute)).toBe('DONBAS');
    expect(byWordAt('test-apart', text, 22, 29, compute)).toBe('DONBASS');
    expect(seen).toEqual(['Донбасс', 'Donbas', 'Донбас', 'Donbass']);
  });
});
