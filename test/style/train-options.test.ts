// The training options behind README's "What else was tried" rows (off in the
// shipped model): nested feature selection, per-genre standardisation, and a
// feature set chosen by inner CV. Fitted on the real reference sets.
import { describe, expect, it } from 'vitest';
import { countFeatures } from '../../src/style/features.js';
import { probability } from '../../src/style/model.js';
import { loadReferenceSets } from '../../src/style/reference-set.js';
import { styleView } from '../../src/style/features.js';
import { mixedNgramSpans, sentenceInitialSpans, tag } from '../../src/style/pos.js';
import { CONSTRUCTION_BLEND, MODEL_FEATURES, mostFrequent, selectFeatures, trainOnCounts, trainWithCv, type CountedSet } from '../../src/style/train.js';
import { foldText } from '../../src/text/fold.js';

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

  it('mixed n-grams keep function words, tag the rest, and skip masked words and numbers', () => {
    const text = 'The return of the territories of Ukraine will be ensured in 2025. However, we must act.';
    const plain = styleView(foldText(text).text);
    const spans = mixedNgramSpans(plain, tag(plain));
    const at = (rule: string) => spans.filter((s) => s.rule === rule).map((s) => text.slice(s.start, s.end));
    expect(at('mix-the_NOUN_of')).toEqual(['The return of', 'the territories of']);
    expect(at('mix-will_be_VERB')).toEqual(['will be ensured']);
    // "Ukraine" is masked and "2025" is a number: no n-gram covers them.
    expect(spans.some((s) => /Ukraine|2025/.test(text.slice(s.start, s.end)))).toBe(false);
    expect(sentenceInitialSpans(plain, tag(plain)).map((s) => `${s.rule}=${text.slice(s.start, s.end)}`)).toEqual(['sinit-the=The', 'sinit-however=However']);
  });

  it('frequent adds the most frequent ids of a prefix in the texts being fitted, whatever their labels', () => {
    const withMixed: CountedSet = {
      ...data,
      counted: data.counted.map((c, i) => {
        const plain = styleView(foldText(samples[i].text).text);
        const extra: Record<string, number> = {};
        for (const s of mixedNgramSpans(plain, tag(plain))) extra[s.rule] = (extra[s.rule] ?? 0) + 1;
        return { words: c.words, counts: { ...c.counts, ...extra } };
      }),
    };
    const top = mostFrequent(withMixed.counted, 'mix-', 5);
    expect(top).toHaveLength(5);
    expect(top[0]).toBe('mix-ADJ_NOUN');
    const model = trainOnCounts(withMixed, { frequent: [{ prefix: 'mix-', top: 5 }], lambda: 32 });
    expect(model.features).toEqual([...MODEL_FEATURES, ...top]);
    const flipped = trainOnCounts({ ...withMixed, labels: withMixed.labels.map((l) => (l === 'translated' ? 'original' : 'translated')) }, { frequent: [{ prefix: 'mix-', top: 5 }], lambda: 32 });
    expect(flipped.features).toEqual(model.features);
  });
});
