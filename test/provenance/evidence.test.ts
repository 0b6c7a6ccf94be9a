// Evidence in context, on the real corpora: figures match only by value and
// kind of quantity, and every evidence pair of every shipped plan is audited
// (no two different figures side by side, never one common word alone).
import { describe, expect, it } from 'vitest';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { figureKind } from '../../src/provenance/figures.js';
import { auditEvidence } from '../../src/provenance/evidence-check.js';
import { matchPlan, MemoryPassageIndex, scorePair, spanTerms, textLookup } from '../../src/provenance/index.js';

const corpus = loadCorpus();
const index = MemoryPassageIndex.fromDocuments(corpus.documents);
const sourceText = textLookup(corpus.documents);
const byId = new Map(corpus.documents.map((d) => [d.id, d]));

function termsOfText(text: string, language = 'en') {
  return spanTerms(text, 0, text.length, language);
}
const kindOf = (text: string, language = 'en') => {
  const terms = termsOfText(text, language);
  return figureKind(terms, terms.findIndex((t) => t.kind === 'number'));
};

describe('figures in context', () => {
  it('tells an army size from a head count of people, by the words around the number', () => {
    // us-28-2025-11-20 point 6, us-28-alt-en-2025-11-21 point 6, us-28-ru-2025-11-20 point 6 (real plan texts).
    const plans: [string, string][] = [['us-28-2025-11-20', '6'], ['us-28-alt-en-2025-11-21', '6'], ['us-28-ru-2025-11-20', '6']];
    for (const [id, n] of plans) {
      const plan = findDocument(corpus, id)!;
      const seg = plan.segments.find((s) => s.kind === 'point' && s.id === n)!;
      const terms = spanTerms(plan.text, seg.start, seg.end, plan.language);
      expect(figureKind(terms, terms.findIndex((t) => t.kind === 'number'))).toBe('military');
    }
    expect(kindOf('The new plant will create jobs for 600,000 people in the region.')).toBe('people');
  });

  it('reads distance, time and money from the unit', () => {
    expect(kindOf('withdraw to a distance of at least 15 kilometers')).toBe('distance');
    expect(kindOf('a 30-day ceasefire')).toBe('time');
    expect(kindOf('$100 billion in frozen Russian assets')).toBe('money');
  });

  it('never scores "at least 50 kilometers" and "at least 15 kilometers" as shared evidence', () => {
    const a = termsOfText('Troops shall withdraw to a distance of at least 50 kilometers from the line.');
    const b = termsOfText('Troops shall withdraw to a distance of at least 15 kilometers from the line.');
    const pair = scorePair(a, b, (k) => index.idf(k));
    expect(pair.figureCheck).toEqual({ total: 1, agree: 0, changed: 1 });
    for (const s of pair.spans) expect(a.slice(...s.point).some((t) => t.kind === 'number')).toBe(false);
  });

  it('does not match 600,000 personnel of an army with 600,000 people', () => {
    const army = termsOfText('The size of the Ukrainian Armed Forces will be limited to 600,000 personnel.');
    const jobs = termsOfText('The programme will create jobs for 600,000 people in the regions.');
    expect(scorePair(army, jobs, (k) => index.idf(k)).figureCheck.agree).toBe(0);
    const same = termsOfText('Ukraine agreed to keep its armed forces at 600,000 troops.');
    expect(scorePair(army, same, (k) => index.idf(k)).figureCheck.agree).toBe(1);
  });
});

describe('evidence audit', () => {
  const plans = corpus.documents.filter((d) => d.kind === 'plan' && d.status === 'published');
  for (const plan of plans) {
    it(`has no pair of different figures and no lone common word in ${plan.id}`, () => {
      const result = matchPlan(plan, index, { top: 5, sourceText });
      const problems = auditEvidence(result, plan.text, plan.language, (id) => byId.get(id));
      expect(problems).toEqual([]);
    });
  }
});

describe('every listed score shows its evidence', () => {
  const plans = corpus.documents.filter((d) => d.kind === 'plan' && d.status === 'published');
  for (const plan of plans) {
    it(`lists evidence or, failing that, the shared words for every candidate of ${plan.id}`, () => {
      const result = matchPlan(plan, index, { top: 5, sourceText });
      let withWords = 0;
      for (const p of result.points) {
        for (const c of p.candidates) {
          const source = byId.get(c.doc)!;
          const shown = [...c.evidence, ...(c.words ?? [])];
          expect({ point: p.point, doc: c.doc, shown: shown.length > 0 }).toEqual({ point: p.point, doc: c.doc, shown: true });
          for (const e of shown) {
            expect(plan.text.slice(...e.plan)).toBe(e.text);
            expect(source.text.slice(...e.source)).toBe(e.sourceText);
          }
          // The documented evidence kinds stay as they were; shared words live apart, only where evidence is empty.
          for (const e of c.evidence) expect(['shared-phrase', 'paraphrase', 'cross-lingual']).toContain(e.kind);
          if (!c.words) continue;
          withWords++;
          expect(c.evidence).toEqual([]);
          for (const e of c.words) {
            expect(e.kind).toBe('shared-word');
            // One term each side, carrying the same key (the same stem, concept, name or figure). Read in its
            // segment, as the scorer reads it: a word's reading can depend on its text (one set in capitals).
            const inSegment = (doc: typeof plan, [start, end]: [number, number]) => {
              const seg = doc.segments.find((x) => x.start <= start && end <= x.end)!;
              return spanTerms(doc.text, seg.start, seg.end, doc.language).filter((t) => t.start >= start && t.end <= end);
            };
            const a = inSegment(plan, e.plan);
            const b = inSegment(source, e.source);
            expect(a).toHaveLength(1);
            expect(b).toHaveLength(1);
            expect(b[0].key).toBe(a[0].key);
          }
        }
      }
      // us-28-2025-11-20: 30 of its 79 listed candidates had nothing to show before shared words were listed.
      if (plan.id === 'us-28-2025-11-20') expect(withWords).toBeGreaterThan(10);
    });
  }
});

describe('the evidence column', () => {
  it('lists a piece found at two places once, with its count, while the JSON keeps both occurrences', async () => {
    const { evidencePhrases, shownEvidence } = await import('../../src/provenance/table.js');
    // us-28 point 10: "invades" meets "aggression" twice (the plan says "invades" twice).
    const plan = findDocument(corpus, 'us-28-2025-11-20')!;
    const point = matchPlan(plan, index, { top: 5, sourceText }).points.find((p) => p.point === '10')!;
    const c = point.candidates.find((x) => shownEvidence(x).filter((e) => e.text === 'invades').length === 2)!;
    const twice = shownEvidence(c).filter((e) => e.text === 'invades');
    expect(twice[0].plan).not.toEqual(twice[1].plan);
    const cell = evidencePhrases(shownEvidence(c));
    expect(cell).toContain('"invades" = "aggression" ×2');
    expect(cell.split('"invades"')).toHaveLength(2);
  });
});
