// The training options behind README's "What else was tried" rows (off in the
// shipped model): nested feature selection, per-genre standardisation, and a
// feature set chosen by inner CV. Fitted on the real reference sets.
import { describe, expect, it } from 'vitest';
import { countFeatures } from '../../src/style/features.js';
import { probability } from '../../src/style/model.js';
import { loadReferenceSets } from '../../src/style/reference-set.js';
import { CONSTRUCTION_BLEND, MODEL_FEATURES, selectFeatures, trainOnCounts, trainWithCv, type CountedSet } from '../../src/style/train.js';

const samples = loadReferenceSets();
const data: CountedSet = {
  counted: samples.map((s) => countFeatures(s.text)),
  labels: samples.map((s) => s.label),
  sets: samples.map((s) => s.set),
  groups: samples.map((s) => s.group),
};

describe('translationese training options', () => {
  it('selectTop keeps that many model features, chosen on the texts being fitted', () => {
    const kept = selectFeatures(data, [...MODEL_FEATURES], 20, 50);
    expect(kept).toHaveLength(20);
    expect(kept.every((id) => MODEL_FEATURES.includes(id))).toBe(true);
    const model = trainOnCounts(data, { selectTop: 20, lambda: 32 });
    expect(model.features).toEqual(kept);
  });

  it('perGenreStd gives each genre its own standard deviations; off, the genres have none', () => {
    const own = trainOnCounts(data, { perGenreStd: true, lambda: 32 });
    expect(own.genres.map((g) => g.std?.length)).toEqual([MODEL_FEATURES.length, MODEL_FEATURES.length]);
    expect(own.genres[0].std).not.toEqual(own.genres[1].std);
    expect(trainOnCounts(data, { lambda: 32 }).genres.every((g) => g.std === undefined)).toBe(true);
    const p = probability(data.counted[0], own);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });

  it('featureSets: the model uses one of the candidate sets', () => {
    const small = MODEL_FEATURES.filter((id) => !id.startsWith('pos-'));
    const { model } = trainWithCv(data, { featureSets: [[...MODEL_FEATURES], small], lambda: 32 });
    expect([MODEL_FEATURES.length, small.length]).toContain(model.features.length);
  });

  it('blendWith averages the full model with a construction-only one, term by term', () => {
    const full = trainWithCv(data, { lambda: 32 }).model;
    const part = trainWithCv(data, { lambda: 32, features: CONSTRUCTION_BLEND }).model;
    const blend = trainWithCv(data, { lambda: 32, blendWith: CONSTRUCTION_BLEND }).model;
    expect(blend.blend).toEqual({ features: CONSTRUCTION_BLEND.length, lambda: 32 });
    expect(full.blend).toBeUndefined();
    const j = blend.features.indexOf('calque');
    expect(blend.coefficients[j]).toBeCloseTo((full.coefficients[j] + part.coefficients[part.features.indexOf('calque')]) / 2, 8);
    const k = blend.features.indexOf('pos-DET_NOUN');
    expect(blend.coefficients[k]).toBeCloseTo(full.coefficients[k] / 2, 8);
    expect(blend.intercept).toBeCloseTo((full.intercept + part.intercept) / 2, 8);
  });
});
