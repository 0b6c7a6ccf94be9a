// The pair scorer and its parts on real corpus texts: bounds, identity,
// shared phrases and local alignments located where the words are.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { MemoryPassageIndex, scorePair, spanTerms } from '../../src/provenance/index.js';
import { sharedRuns } from '../../src/provenance/phrases.js';
import { localAlignments } from '../../src/provenance/smith-waterman.js';

const corpus = loadCorpus();
const index = MemoryPassageIndex.fromDocuments(corpus.documents);
const idf = (k: string) => index.idf(k);
const terms = (docId: string, segId: string) => {
  const d = findDocument(corpus, docId)!;
  const s = d.segments.find((x) => x.id === segId)!;
  return { doc: d, terms: spanTerms(d.text, s.start, s.end, d.language) };
};

describe('scorePair', () => {
  it('scores a point against its own text 1', () => {
    const { terms: t } = terms('us-28-2025-11-20', '7');
    expect(scorePair(t, t, idf).score).toBe(1);
  });

  it('stays in [0, 1] for any point against any passage', () => {
    const points = corpus.documents.filter((d) => d.kind === 'plan').flatMap((d) => d.segments.filter((s) => s.kind === 'point').map((s) => spanTerms(d.text, s.start, s.end, d.language)));
    const passages = index.all().map((p) => p.terms);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: points.length - 1 }), fc.integer({ min: 0, max: passages.length - 1 }), fc.boolean(), (i, j, cross) => {
        const r = scorePair(points[i], passages[j], idf, { crossLingual: cross });
        for (const x of [r.score, r.parts.lexical, r.parts.alignment, r.parts.phrases, r.parts.figures]) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('finds "Ukraine ... receive ... security guarantees" as a shared phrase between us-28 5 and the June 2025 Ukrainian text', () => {
    const point = terms('us-28-2025-11-20', '5');
    const passage = terms('ua-2025-06-02-istanbul-proposals', 'p1');
    const r = scorePair(point.terms, passage.terms, idf);
    const phrase = r.spans.find((s) => s.kind === 'phrase')!;
    const quoted = passage.doc.text.slice(passage.terms[phrase.passage[0]].start, passage.terms[phrase.passage[1] - 1].end);
    expect(quoted).toBe('Ukraine must receive robust security guarantees');
    expect(r.parts.phrases).toBe(1);
  });

  it('scores 0 exactly when the point and the passage share no term', () => {
    const point = terms('ua-20-2025-12-24', '16').terms;
    let disjoint = 0;
    for (const p of index.all()) {
      const keys = new Set(p.terms.map((t) => t.key));
      const shares = point.some((t) => keys.has(t.key));
      const score = scorePair(point, p.terms, idf).score;
      if (!shares) disjoint++;
      expect(score === 0).toBe(!shares);
    }
    expect(disjoint).toBeGreaterThan(10);
  });
});

describe('sharedRuns', () => {
  it('returns maximal runs of at least 3, without overlaps', () => {
    const a = ['w:a', 'w:b', 'w:c', 'w:d', 'w:x', 'w:b', 'w:c'];
    const b = ['w:z', 'w:a', 'w:b', 'w:c', 'w:d', 'w:b', 'w:c'];
    expect(sharedRuns(a, b, 3)).toEqual([{ a: 0, b: 1, length: 4 }]);
    expect(sharedRuns(a, b, 2)).toEqual([
      { a: 0, b: 1, length: 4 },
      { a: 5, b: 5, length: 2 },
    ]);
  });
});

describe('localAlignments', () => {
  it('aligns across an inserted word and stops at the best cell', () => {
    const a = ['w:ukrain', 'w:receiv', 'c:reliable', 'c:security-guarantee'];
    const b = ['w:sovereignti', 'w:ukrain', 'w:must', 'w:receiv', 'c:reliable', 'c:security-guarantee', 'w:parti'];
    const [al] = localAlignments(a, b, { penalty: 0.5 });
    expect(al).toEqual({ a: [0, 4], b: [1, 6], score: 3.5, matches: 4 });
  });

  it('takes several non-overlapping alignments', () => {
    const a = ['w:x', 'w:y', 'w:q', 'w:q', 'w:q', 'w:u', 'w:v'];
    const b = ['w:u', 'w:v', 'w:r', 'w:r', 'w:r', 'w:x', 'w:y'];
    const found = localAlignments(a, b, { penalty: 1, max: 3 });
    expect(found.map((f) => [f.a, f.b])).toEqual([
      [[0, 2], [5, 7]],
      [[5, 7], [0, 2]],
    ]);
  });
});
