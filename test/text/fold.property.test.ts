// What a reader cannot see is no change: inserting invisible characters,
// changing Unicode form (NFC/NFD), spacing, or line ends (CRLF) never changes
// a similarity, relation, figure, name or polarity change, and every span
// reported still slices the text as given to the words it quotes. Texts are
// real plan points from the shipped corpora; fast-check perturbs them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignPair, type AlignedPair } from '../../src/align/index.js';
import { changedFiguresAndEntities, wordDiff, type Change } from '../../src/align/diff.js';
import { segmentText } from '../../src/corpus/coverage.js';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { parseDraft } from '../../src/corpus/parse-document.js';
import { fold, foldText, originalSpan } from '../../src/text/fold.js';
import { lexTokens } from '../../src/text/lex.js';

const corpus = loadCorpus();
const pointsOf = (id: string) => {
  const doc = findDocument(corpus, id)!;
  return doc.segments.filter((s) => s.kind === 'point').map((s) => segmentText(doc, s));
};
const US = pointsOf('us-28-2025-11-20');
const UA = pointsOf('ua-20-2025-12-24');
const RU = pointsOf('us-28-ru-2025-11-20');

const INVISIBLE = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f', '\u202a', '\u202c', '\u2066', '\u2069', '\ufe0f', '\u180e', '\u034f', '\u061c'];
const SPACES = ['\u00a0', '\u2002', '\u2003', '\u2007', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000', '  ', '\t', ' \u200b '];

/** A perturbation a reader cannot see: invisible characters, NFD, other spaces, CRLF line ends. */
const perturbation = fc.record({
  inserts: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { maxLength: 8 }),
  spaces: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SPACES)), { maxLength: 6 }),
  nfd: fc.boolean(),
  crlf: fc.boolean(),
});
type Perturbation = typeof perturbation extends fc.Arbitrary<infer T> ? T : never;

function perturb(text: string, p: Perturbation): string {
  let s = p.nfd ? text.normalize('NFD') : text;
  const spaceAt = [...s.matchAll(/ /g)].map((m) => m.index!);
  // Replace spaces from the end so earlier indices stay valid.
  const replace = [...new Set(p.spaces.filter(() => spaceAt.length).map(([k, sp]) => [spaceAt[k % spaceAt.length], sp] as const))].sort((x, y) => y[0] - x[0]);
  const done = new Set<number>();
  for (const [at, sp] of replace) {
    if (done.has(at)) continue;
    done.add(at);
    s = s.slice(0, at) + sp + s.slice(at + 1);
  }
  // Insert invisible characters between two code points (never splitting a surrogate pair).
  for (const [k, ch] of p.inserts) {
    const cps = [...s];
    const at = k % (cps.length + 1);
    s = cps.slice(0, at).join('') + ch + cps.slice(at).join('');
  }
  return p.crlf ? s.replace(/\n/g, '\r\n') : s;
}

/** A change as a reader sees it: kind, folded words, unit. */
const seen = (c: Change) => ({ kind: c.kind, a: c.a === null ? null : fold(c.a).replace(/\s+/g, ' '), b: c.b === null ? null : fold(c.b).replace(/\s+/g, ' '), unit: c.unit });

function expectSpansSlice(changes: Change[], a: string, b: string) {
  for (const c of changes) {
    if (c.aSpan) expect(a.slice(...c.aSpan)).toBe(c.a);
    if (c.bSpan) expect(b.slice(...c.bSpan)).toBe(c.b);
  }
}

describe('fold', () => {
  it('maps every folded span back to the original text it came from', () => {
    fc.assert(
      fc.property(fc.constantFrom(...US, ...RU), perturbation, (point, p) => {
        const text = perturb(point, p);
        const f = foldText(text);
        expect(f.text).toBe(foldText(point).text);
        expect(fold(text)).toBe(f.text);
        for (let i = 0; i < f.text.length; i++) {
          const [s, e] = originalSpan(f, i, i + 1);
          expect(fold(text.slice(s, e))).toContain(f.text[i] === ' ' ? ' ' : f.text[i]);
        }
        const tokens = lexTokens(text, 'en');
        for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
        expect(tokens.map((t) => t.norm)).toEqual(lexTokens(point, 'en').map((t) => t.norm));
      }),
      { numRuns: 200 },
    );
  });
});

describe('changes a reader cannot see', () => {
  const pairs: [string, string, string, string][] = [
    ...US.slice(0, 12).map((x, i): [string, string, string, string] => [x, UA[i % UA.length], 'en', 'en']),
    ...US.slice(0, 8).map((x, i): [string, string, string, string] => [x, RU[i], 'en', 'ru']),
    ['Ukraine will join NATO within 100 days.', 'Ukraine will not join NATO within one hundred days.', 'en', 'en'],
  ];

  it('leave figure, name and polarity changes and the word diff as they were, with spans into the perturbed text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pairs), perturbation, perturbation, ([a, b, la, lb], pa, pb) => {
        const a2 = perturb(a, pa);
        const b2 = perturb(b, pb);
        const before = changedFiguresAndEntities(a, la, b, lb);
        const after = changedFiguresAndEntities(a2, la, b2, lb);
        expect(after.map(seen)).toEqual(before.map(seen));
        expectSpansSlice(after, a2, b2);
        if (la === lb) {
          const d1 = wordDiff(a, b, la).parts.filter((x) => x.op !== '=').map((x) => x.op + fold(x.text).replace(/\s+/g, ' ').trim());
          const d2 = wordDiff(a2, b2, la).parts.filter((x) => x.op !== '=').map((x) => x.op + fold(x.text).replace(/\s+/g, ' ').trim());
          expect(d2).toEqual(d1);
          for (const x of wordDiff(a2, b2, la).parts) {
            if (x.op !== '+') expect(a2.slice(...x.a!)).toBe(x.op === '-' ? x.text : a2.slice(...x.a!));
            if (x.op !== '-') expect(b2.slice(...x.b!)).toBe(x.text);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('leave the alignment of two real plans as it was: pairs, similarities, relations and changes', () => {
    const draft = (points: string[], p?: Perturbation) => points.map((t, i) => `${i + 1}. ${p ? perturb(t, p) : t}`).join(p?.crlf ? '\r\n' : '\n');
    const align = (a: string, b: string, lang: string) => {
      const A = parseDraft(a, { id: 'a', file: 'a.txt', title: 'a' }).document!;
      const B = parseDraft(b, { id: 'b', file: 'b.txt', title: 'b', ...(lang === 'ru' ? {} : {}) }).document!;
      const ps = alignPair(A, B).pairs;
      // Every span slices the text as given: the point spans the documents, change spans each point.
      for (const p of ps) {
        const ta = p.aSpan ? A.text.slice(...p.aSpan) : '';
        const tb = p.bSpan ? B.text.slice(...p.bSpan) : '';
        expectSpansSlice(p.changes, ta, tb);
        for (const d of p.diff) if (d.op !== '-' && d.b) expect(tb.slice(...d.b)).toBe(d.text);
      }
      return ps;
    };
    const summary = (ps: AlignedPair[]) => ps.map((p) => ({ a: p.a, b: p.b, relation: p.relation, similarity: p.similarity, changes: p.changes.map(seen) }));
    const A = US.slice(0, 10).map((t) => t.replace(/\n/g, ' '));
    const B = UA.slice(0, 10).map((t) => t.replace(/\n/g, ' '));
    const base = summary(align(draft(A), draft(B), 'en'));
    fc.assert(
      fc.property(perturbation, perturbation, (pa, pb) => {
        const ps = align(draft(A, pa), draft(B, pb), 'en');
        expect(summary(ps)).toEqual(base);
      }),
      { numRuns: 15 },
    );
  });
});
