// The provenance gold file is well formed: every plan, point and expected
// document exists, sides are corpus sides, and each entry says why.
import { describe, expect, it } from 'vitest';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { SIDES } from '../../src/corpus/types.js';
import { loadGold } from '../../scripts/eval/provenance.js';

const corpus = loadCorpus();
const gold = loadGold();

describe('eval/gold/provenance.json', () => {
  it('names existing plans, points with text and earlier-or-same-date source documents', () => {
    expect(gold.entries.length).toBeGreaterThanOrEqual(40);
    for (const e of gold.entries) {
      const plan = findDocument(corpus, e.plan)!;
      expect(plan.kind).toBe('plan');
      expect(plan.segments.some((s) => s.kind === 'point' && s.id === e.point)).toBe(true);
      expect(e.expect.length).toBeGreaterThan(0);
      for (const d of e.expect) {
        const doc = findDocument(corpus, d)!;
        expect(doc.kind).toBe('statement');
        expect(doc.date <= plan.date).toBe(true);
      }
      for (const side of e.sides) expect(SIDES).toContain(side);
      expect(e.reason.length).toBeGreaterThan(10);
      expect(e.cite.length).toBeGreaterThan(0);
    }
  });

  it('lists points without antecedent that exist and are not also in the entries', () => {
    for (const n of gold.noAntecedent) {
      const plan = findDocument(corpus, n.plan)!;
      expect(plan.segments.some((s) => s.kind === 'point' && s.id === n.point)).toBe(true);
      expect(gold.entries.some((e) => e.plan === n.plan && e.point === n.point)).toBe(false);
    }
  });

  it('keeps the dev plan out of the held-out set', () => {
    for (const id of gold.dev) expect(gold.heldOut).not.toContain(id);
    for (const e of gold.entries) expect([...gold.dev, ...gold.heldOut]).toContain(e.plan);
  });
});
