// The provenance pipeline on the shipped corpora: evidence that slices back to
// the quoted words on both sides, documented antecedents near the top, dates
// and sides. All texts are the real corpus files.
import { describe, expect, it } from 'vitest';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { parseDraft } from '../../src/corpus/parse-document.js';
import { matchPlan, MemoryPassageIndex, textLookup, type MatchResult, type PassageIndex } from '../../src/provenance/index.js';
import { evidenceWords } from '../../src/provenance/match.js';

const corpus = loadCorpus();
const index = MemoryPassageIndex.fromDocuments(corpus.documents);
const sourceText = textLookup(corpus.documents);
const results = new Map<string, MatchResult>();
function match(id: string): MatchResult {
  let r = results.get(id);
  if (!r) results.set(id, (r = matchPlan(findDocument(corpus, id)!, index, { top: 5, sourceText })));
  return r;
}
const point = (plan: string, n: string) => match(plan).points.find((p) => p.point === n)!;
const topDocs = (plan: string, n: string, k: number) => point(plan, n).candidates.slice(0, k).map((c) => c.doc);

const publishedPlans = corpus.documents.filter((d) => d.kind === 'plan' && d.status === 'published').map((d) => d.id);

describe('matchPlan', () => {
  it('indexes only statement passages, never plans', () => {
    expect(index.size).toBe(corpus.documents.filter((d) => d.kind !== 'plan').reduce((n, d) => n + d.segments.filter((s) => s.kind === 'passage').length, 0));
    for (const p of index.all()) expect(findDocument(corpus, p.ref.doc)!.kind).not.toBe('plan');
  });

  it('gives every point with text of us-28-2025-11-20 its candidates, and lists the points without text as missing', () => {
    const r = match('us-28-2025-11-20');
    expect(r.points.map((p) => p.point)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '14', '20', '21', '26']);
    expect(r.missing).toEqual(['13', '15', '16', '17', '18', '19', '22', '23', '24', '25', '27', '28']);
    for (const p of r.points) expect(p.candidates.length).toBeGreaterThan(0);
  });

  it.each(publishedPlans)('every evidence span of %s slices to its quoted text on both sides', (id) => {
    const plan = findDocument(corpus, id)!;
    let spans = 0;
    for (const p of match(id).points) {
      expect(plan.text.slice(p.start, p.end)).toBe(p.text);
      for (const c of p.candidates) {
        const source = findDocument(corpus, c.doc)!;
        const passage = source.segments.find((s) => s.id === c.passage)!;
        for (const e of c.evidence) {
          spans++;
          expect(plan.text.slice(...e.plan)).toBe(e.text);
          expect(source.text.slice(...e.source)).toBe(e.sourceText);
          // Inside the point and inside the passage.
          expect(e.plan[0]).toBeGreaterThanOrEqual(p.start);
          expect(e.plan[1]).toBeLessThanOrEqual(p.end);
          expect(e.source[0]).toBeGreaterThanOrEqual(passage.start);
          expect(e.source[1]).toBeLessThanOrEqual(passage.end);
        }
      }
    }
    expect(spans).toBeGreaterThan(0);
  });

  it('keeps scores in [0, 1], best first, one passage per document', () => {
    for (const id of publishedPlans) {
      for (const p of match(id).points) {
        const scores = p.candidates.map((c) => c.score);
        expect([...scores].sort((a, b) => b - a)).toEqual(scores);
        for (const s of scores) expect(s).toBeGreaterThan(0), expect(s).toBeLessThanOrEqual(1);
        expect(new Set(p.candidates.map((c) => c.doc)).size).toBe(p.candidates.length);
      }
    }
  });

  // Documented antecedents (eval/gold/provenance.json has the reasons and citations).
  it('ranks the Dec 2021 Russian drafts in the top 3 for "NATO will not expand further" (us-28 3)', () => {
    expect(topDocs('us-28-2025-11-20', '3', 3).some((d) => d.startsWith('ru-2021-12-17-draft'))).toBe(true);
  });

  it('ranks a Russian statement on NATO membership first for the no-NATO constitution clause (us-28 7)', () => {
    expect(['ru-2021-12-17-draft-nato', 'ru-2021-12-17-draft-us', 'ru-2024-06-14-putin-mfa', 'ru-2025-06-02-memorandum', 'ru-2022-03-29-istanbul']).toContain(topDocs('us-28-2025-11-20', '7', 1)[0]);
  });

  it('ranks the army caps of Istanbul 2022 and the June 2025 memorandum top 2 among the antecedents of the 600,000 cap (us-28 6)', () => {
    const antecedents = point('us-28-2025-11-20', '6').candidates.filter((c) => !c.later).slice(0, 2).map((c) => c.doc);
    expect(antecedents.sort()).toEqual(['ru-2022-03-29-istanbul', 'ru-2025-06-02-memorandum']);
    // Zelensky's January 2026 remarks on the army's size echo the clause after the plan: a later echo, never the origin.
    // (It ranks low: the learned ranker's weight on \`later\` is negative, so it is looked up among all candidates.)
    const all = matchPlan(findDocument(corpus, 'us-28-2025-11-20')!, index, { top: 100, minScore: 0, sourceText }).points.find((p) => p.point === '6')!;
    const echo = all.candidates.find((c) => c.doc === 'ua-2026-01-zelensky-guarantees-and-talks');
    expect(echo?.later).toBe(true);
    expect(point('us-28-2025-11-20', '6').origin.side).toBe('ru');
  });

  it('ranks a documented amnesty antecedent (June 2025 memorandum or the Gaza plan, see the gold file) in the top 3 for the amnesty point (us-28 26)', () => {
    expect(topDocs('us-28-2025-11-20', '26', 3).some((d) => ['ru-2025-06-02-memorandum', 'us-2025-09-29-gaza-plan'].includes(d))).toBe(true);
  });

  it('ranks Russian recognition demands in the top 3 for the territorial clauses (us-28 21, pravda 21)', () => {
    const russian = ['ru-2025-06-02-memorandum', 'ru-2024-06-14-putin-mfa', 'ru-2025-08-anchorage', 'ru-2025-lavrov-terms'];
    expect(topDocs('us-28-2025-11-20', '21', 3).some((d) => russian.includes(d))).toBe(true);
    expect(topDocs('us-28-alt-en-pravda-2025-11-20', '21', 3).some((d) => russian.includes(d))).toBe(true);
  });

  it("ranks Putin's New START offer first for the START extension point (pravda 17)", () => {
    expect(topDocs('us-28-alt-en-pravda-2025-11-20', '17', 1)).toEqual(['ru-2025-09-22-putin-new-start']);
  });

  it('ranks Russian non-nuclear-status demands in the top 3 for the non-nuclear points (pravda 18, ua-20 11)', () => {
    const russian = ['ru-2025-06-02-memorandum', 'ru-2022-03-29-istanbul', 'ru-2024-06-14-putin-mfa', 'ru-2025-lavrov-terms'];
    expect(topDocs('us-28-alt-en-pravda-2025-11-20', '18', 3).some((d) => russian.includes(d))).toBe(true);
    expect(topDocs('ua-20-2025-12-24', '11', 3).some((d) => russian.includes(d))).toBe(true);
  });

  it('ranks the April 2025 European-Ukrainian text first for the Dnieper and Kinburn spit point (ua-20 16), with the shared words as evidence', () => {
    const best = point('ua-20-2025-12-24', '16').candidates[0];
    expect(best.doc).toBe('eu-2025-04-23-london-counterproposal');
    expect(best.evidence.map((e) => e.sourceText).join(' ')).toMatch(/Kinburn/);
  });

  it('marks statements dated after the plan as later and never uses them for the origin', () => {
    const later = match('us-28-2025-11-20').points.flatMap((p) => p.candidates).filter((c) => c.doc === 'ru-2025-11-21-putin-plan');
    expect(later.length).toBeGreaterThan(0);
    for (const c of later) expect(c.later).toBe(true);
    const earlier = match('ua-20-2025-12-24').points.flatMap((p) => p.candidates).filter((c) => c.doc === 'ru-2025-11-21-putin-plan');
    for (const c of earlier) expect(c.later).toBe(false);
    for (const id of publishedPlans) {
      for (const p of match(id).points) {
        if (p.origin.side === 'unknown') continue;
        expect(p.candidates.some((c) => !c.later && c.side === p.origin.side)).toBe(true);
      }
    }
  });

  it("lists Lavrov's 2026 remarks on the minority-rights clause in the top 5 of us-28 20 as a later echo, never its origin", () => {
    const echo = point('us-28-2025-11-20', '20').candidates.slice(0, 5).find((c) => c.doc === 'ru-2026-02-lavrov-20-point-plan');
    expect(echo).toMatchObject({ later: true });
    expect(echo!.evidence.map((e) => e.sourceText).join(' ')).toMatch(/rights/);
  });

  it('lists later echoes apart from the antecedents: Lavrov 2026 on the minority-rights clause (us-28 20), Zelensky 2026 on the army cap (us-28 6)', () => {
    const echoes = (n: string) => point('us-28-2025-11-20', n).echoes;
    expect(echoes('20').map((e) => e.doc)).toContain('ru-2026-02-lavrov-20-point-plan');
    expect(echoes('6').map((e) => e.doc)).toContain('ua-2026-01-zelensky-guarantees-and-talks');
    for (const plan of publishedPlans) {
      for (const p of match(plan).points) {
        for (const e of p.echoes) {
          expect(e.later).toBe(true);
          expect(p.lineage.antecedents.map((a) => a.doc)).not.toContain(e.doc);
          expect(e.evidence.map((x) => x.text).join(' ').match(/[\p{L}\p{N}]+/gu)!.length).toBeGreaterThanOrEqual(2);
        }
      }
    }
  });

  it('names Russia as the likely origin of the NATO points of the 28-point plan and sums sides per plan', () => {
    for (const n of ['3', '7']) expect(point('us-28-2025-11-20', n).origin.side).toBe('ru');
    const shares = Object.values(match('us-28-2025-11-20').summary.sides);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
  });

  it('matches a pasted Russian plain list (declared English by default) like the Russian plan it copies', () => {
    const ru = findDocument(corpus, 'us-28-ru-2025-11-20')!;
    const { document: draft } = parseDraft(ru.text, { id: 'pasted-ru' });
    // The fixed-weight scorer: the learned ranker also weighs the plan's date, which a pasted list lacks.
    const pasted = matchPlan(draft!, index, { top: 3, sourceText, ranker: 'fixed' });
    const declared = matchPlan(findDocument(corpus, 'us-28-ru-2025-11-20')!, index, { top: 3, sourceText, ranker: 'fixed' });
    expect(pasted.points.map((p) => p.candidates.map((c) => [c.doc, c.passage, c.score]))).toEqual(declared.points.map((p) => p.candidates.slice(0, 3).map((c) => [c.doc, c.passage, c.score])));
    expect(pasted.points.flatMap((p) => p.candidates.flatMap((c) => c.evidence)).every((e) => e.kind === 'cross-lingual')).toBe(true);
  });

  it('retrieves through the index what scoring every passage would find: same top 3 for every point of every plan', () => {
    // Brute force: every passage is a candidate; IDF, passages and documents from the same index.
    const brute: PassageIndex = {
      size: index.size,
      idf: (k) => index.idf(k),
      candidates: () => index.all().map((p) => p.ref),
      passage: (ref) => index.passage(ref),
      document: (id) => index.document(id),
    };
    const top3 = (r: MatchResult) => r.points.map((p) => p.candidates.slice(0, 3).map((c) => `${c.doc} ${c.passage} ${c.score}`));
    for (const id of publishedPlans) {
      const plan = findDocument(corpus, id)!;
      // The fixed-weight scorer: the learned ranker also weighs the BM25 rank, which brute force has not.
      expect(top3(matchPlan(plan, brute, { top: 3, sourceText, ranker: 'fixed' }))).toEqual(top3(matchPlan(plan, index, { top: 3, sourceText, ranker: 'fixed' })));
    }
  });
});

describe('remembered point scores', () => {
  it('a draft whose points were scored before (at other offsets) gets the result it gets from a fresh index', () => {
    // The pair scores of a point are kept per index by point text; a draft with one point left out
    // shifts every later point, so the evidence offsets must come from the draft, not the memory.
    const plan = findDocument(corpus, 'us-28-2025-11-20')!;
    const left = plan.segments.find((s) => s.kind === 'point' && s.id === '3')!;
    const draft = parseDraft(`${plan.text.slice(0, left.start)}${plan.text.slice(left.end)}`, { id: 'your-draft' }).document!;
    const warm = MemoryPassageIndex.fromDocuments(corpus.documents);
    matchPlan(plan, warm, { sourceText });
    const fresh = MemoryPassageIndex.fromDocuments(corpus.documents);
    const again = matchPlan(draft, warm, { sourceText });
    expect(again).toEqual(matchPlan(draft, fresh, { sourceText }));
    // And the draft's evidence slices to its own text.
    for (const p of again.points) for (const c of p.candidates) for (const e of c.evidence) expect(draft.text.slice(...e.plan)).toBe(e.text);
    expect(again.points.find((p) => p.point === '4')!.start).toBeLessThan(point('us-28-2025-11-20', '4').start);
  });
});

describe('cross-lingual evidence', () => {
  it('names the entries that linked a Russian point to an English statement, and their layer', () => {
    const p = point('us-28-ru-2025-11-20', '1');
    const ev = p.candidates.flatMap((c) => c.evidence).filter((e) => e.kind === 'cross-lingual');
    expect(ev.length).toBeGreaterThan(0);
    for (const e of ev) expect(e.links?.length, e.text).toBeGreaterThan(0);
    expect(ev.flatMap((e) => e.links!)).toContainEqual(expect.objectContaining({ ru: 'Суверенитет', layer: 'glossary', concept: 'sovereignty' }));
  });
});

describe('the Russian rendering against its English original', () => {
  it('finds the same top antecedent for us-28-ru 2 and 12 as for us-28 2 and 12 (sense clashes sent them elsewhere)', () => {
    // 12 "Пакет мер по восстановлению Украины" met "the measures required to restore security" as package + reconstruction;
    // 2 "будет заключено" had no concept for "will be concluded".
    expect(topDocs('us-28-ru-2025-11-20', '12', 1)).toEqual(topDocs('us-28-2025-11-20', '12', 1));
    expect(topDocs('us-28-ru-2025-11-20', '12', 5)).not.toContain('us-2025-11-security-guarantees-draft');
    expect(topDocs('us-28-ru-2025-11-20', '2', 1)).toEqual(topDocs('us-28-2025-11-20', '2', 1));
    const same = match('us-28-ru-2025-11-20').points.filter((p) => p.candidates[0]?.doc === point('us-28-2025-11-20', p.point).candidates[0]?.doc);
    expect(same.length).toBeGreaterThanOrEqual(8);
  });
});

describe('later echoes need wording, not one name', () => {
  it("counts distinct words; a possessive, a hyphenated compound and a grouped figure are one word each (an echo rested on \"Ukraine\" matched twice)", () => {
    expect(evidenceWords(["Ukraine's"])).toBe(1);
    expect(evidenceWords(['Ukraine', 'Ukraine'])).toBe(1);
    expect(evidenceWords(['Ukraine', 'Europe'])).toBe(2);
    expect(evidenceWords(['Ukraine’s security'])).toBe(2);
    expect(evidenceWords(['ceasefire-enforcement plan'])).toBe(2);
    expect(evidenceWords(['600,000 troops'])).toBe(2);
    expect(evidenceWords(['guarantee the rights', 'media'])).toBe(4);
  });
});
