import { describe, expect, it } from 'vitest';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { markRuns } from '../../src/style/highlight.js';
import { scoreDocument } from '../../src/style/score.js';

describe('markRuns', () => {
  it('cuts overlapping spans into runs that rebuild the text exactly', () => {
    const plan = findDocument(loadCorpus(), 'us-28-2025-11-20')!;
    const point3 = plan.segments.find((s) => s.id === '3')!;
    const [, ...segments] = scoreDocument(plan, { bySegment: true });
    const features = segments.find((r) => r.segment === '3')!.features;
    const runs = markRuns(plan.text, features, point3.start, point3.end);
    expect(runs.map((r) => r.text).join('')).toBe(plan.text.slice(point3.start, point3.end));
    // "It is expected": the impersonal frame covers all of it, the passive only "is expected";
    // part-of-speech n-grams cut it into more runs.
    const at = plan.text.indexOf('It is expected', point3.start);
    const inside = (from: number, to: number) => runs.filter((r) => r.start >= from && r.end <= to);
    for (const r of inside(at, at + 'It is expected'.length)) expect(r.features).toContain('impersonal-it');
    for (const r of inside(at + 3, at + 'It is expected'.length)) expect(r.features).toContain('passive');
    expect(inside(at, at + 2).every((r) => !r.features.includes('passive'))).toBe(true);
  });

  it('a text with no spans is one plain run', () => {
    expect(markRuns('No marks here.', [])).toEqual([{ start: 0, end: 14, text: 'No marks here.', features: [] }]);
  });
});
