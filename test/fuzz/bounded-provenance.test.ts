// The provenance scorer on inputs far beyond any real point: a pasted draft
// whose one "point" is a quarter of a megabyte. It must finish in bounded time
// and flag its candidates as partial; real pairs are never cut.
import { describe, expect, it } from 'vitest';
import { planPoints } from '../../src/corpus/coverage.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { parseDraft } from '../../src/corpus/parse-document.js';
import { matchPlan, MemoryPassageIndex, scorePair, spanTerms, textLookup } from '../../src/provenance/index.js';
import { MAX_PAIR_CELLS, MAX_POINT_TERMS } from '../../src/provenance/score.js';

/** Hang guard only; speed is measured in scripts/bench.ts. */
const BOUND_MS = 10_000;
const corpus = loadCorpus();
const index = MemoryPassageIndex.fromDocuments(corpus.documents);
/** Every shipped English text run together: a long paste with real words. */
const allEnglish = corpus.documents.filter((d) => d.language === 'en').map((d) => d.text).join(' ').replace(/\s+/g, ' ');
const paste = Buffer.from(allEnglish.repeat(Math.ceil(262_144 / allEnglish.length))).subarray(0, 256 * 1024).toString('utf8');

describe('bounded provenance', () => {
  it('no real point or passage reaches the bounds', () => {
    let point = 0;
    let passage = 0;
    for (const d of corpus.documents) {
      for (const s of d.segments) {
        const n = spanTerms(d.text, s.start, s.end, d.language).length;
        if (d.kind === 'plan' && s.kind === 'point') point = Math.max(point, n);
        else passage = Math.max(passage, n);
      }
    }
    expect(point).toBeLessThan(MAX_POINT_TERMS / 10);
    expect(point * passage).toBeLessThan(MAX_PAIR_CELLS / 10);
  });

  it('scores a 256 kB single-point draft in bounded time and flags its candidates as truncated', () => {
    const draft = parseDraft(`1. ${paste}`, { id: 'huge-point' }).document!;
    expect(planPoints(draft)).toHaveLength(1);
    const t0 = performance.now();
    const result = matchPlan(draft, index, { sourceText: textLookup(corpus.documents) });
    expect(performance.now() - t0, 'hang guard').toBeLessThan(BOUND_MS);
    const candidates = result.points[0].candidates;
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.every((c) => c.truncated === true)).toBe(true);
    // Evidence still points inside the draft's text.
    for (const c of candidates) for (const e of c.evidence) expect(e.plan[1]).toBeLessThanOrEqual(draft.text.length);
  });

  it('scores a real point against a huge passage on its first terms only', () => {
    const us28 = corpus.documents.find((d) => d.id === 'us-28-2025-11-20')!;
    const p7 = planPoints(us28).find((s) => s.id === '7')!;
    const point = spanTerms(us28.text, p7.start, p7.end, 'en');
    const passage = spanTerms(paste, 0, paste.length, 'en');
    expect(passage.length).toBeGreaterThan(MAX_PAIR_CELLS / point.length);
    const t0 = performance.now();
    const pair = scorePair(point, passage, (k) => index.idf(k));
    expect(performance.now() - t0, 'hang guard').toBeLessThan(BOUND_MS);
    expect(pair.truncated).toBe(true);
    // The paste opens with the shipped plans, which carry point 7's wording.
    expect(pair.score).toBeGreaterThan(0.5);
    expect(scorePair(point, point, (k) => index.idf(k)).truncated).toBeUndefined();
  });
});
