import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../src/align/diff.js';

// Words drawn from the real variants the texts show: quotes, dashes, figures, Cyrillic.
const word = fc.constantFrom('Ukraine’s', "Ukraine's", 'NATO', 'НАТО', '600,000', '800 000', '600 тыс.', '—', '-', 'will', 'be', 'ёлка', 'елка', 'U.S.', ',', '.', '\n    - ');
const text = fc.array(word, { maxLength: 30 }).map((ws) => ws.join(' '));

describe('wordDiff', () => {
  it('rebuilds both texts from its parts, with offsets that slice to each part', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = wordDiff(a, b, 'en');
        if (d.truncated) return;
        expect(d.parts.filter((p) => p.op !== '+').map((p) => a.slice(...p.a!)).join('')).toBe(a);
        expect(d.parts.filter((p) => p.op !== '-').map((p) => b.slice(...p.b!)).join('')).toBe(b);
        for (const p of d.parts) if (p.op !== '-') expect(b.slice(...p.b!)).toBe(p.text);
      }),
      { numRuns: 200 },
    );
  });
});
