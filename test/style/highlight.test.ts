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
    const expected = runs.find((r) => r.text === 'is expected');
    expect(expected?.features.sort()).toEqual(['impersonal-it', 'passive']);
    expect(runs.find((r) => r.text === 'It ')?.features).toEqual(['impersonal-it']);
  });

  it('a text with no spans is one plain run', () => {
    expect(markRuns('No marks here.', [])).toEqual([{ start: 0, end: 14, text: 'No marks here.', features: [] }]);
  });
});
