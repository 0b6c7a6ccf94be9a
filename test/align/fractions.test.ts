// A fraction is one figure in an alignment: "two-thirds" against "2/3" is no
// changed figure, against "three-quarters" it is, and "half of the profits"
// against "50 percent of the profits" is none. The point is us-28's real 14
// (Meduza's English), with its share of the profits rewritten by each test.
import { describe, expect, it } from 'vitest';
import { alignPair, changesText, type AlignedPair } from '../../src/align/index.js';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { parseDraft } from '../../src/corpus/parse-document.js';

const us28 = findDocument(loadCorpus({}), 'us-28-2025-11-20')!;
/** The sub-item of point 14 that gives the US its share of the profits. */
const share = us28.text.split('\n').find((l) => l.includes('50 percent of the profits'))!.replace(/^\s*-\s*/, '');

function pair(a: string, b: string): AlignedPair {
  const draft = (text: string, id: string) => parseDraft(`1. ${text}\n`, { id, title: id }).document!;
  const { pairs } = alignPair(draft(a, 'draft-a'), draft(b, 'draft-b'));
  expect(pairs).toHaveLength(1);
  return pairs[0];
}

const figureChanges = (p: AlignedPair) => p.changes.filter((c) => c.kind === 'figure');

describe('fractions in align', () => {
  it('finds the real sentence', () => {
    expect(share).toMatch(/^The U\.S\. will receive 50 percent of the profits from this venture\./);
  });

  it('"two-thirds" vs "2/3": no changed figure', () => {
    const p = pair(share.replace('50 percent', 'two-thirds'), share.replace('50 percent', '2/3'));
    expect(figureChanges(p)).toEqual([]);
    expect(p.relation).not.toBe('rewritten');
  });

  it('"two-thirds" vs "three-quarters": one changed figure, spans on each side', () => {
    const a = share.replace('50 percent', 'two-thirds');
    const b = share.replace('50 percent', 'three-quarters');
    const p = pair(a, b);
    const [c] = figureChanges(p);
    expect(figureChanges(p)).toHaveLength(1);
    expect(c).toMatchObject({ a: 'two-thirds', b: 'three-quarters' });
    expect(changesText(p.changes)).toContain('two-thirds → three-quarters');
  });

  it('"half of the profits" vs the real "50 percent of the profits": no changed figure', () => {
    const p = pair(share.replace('50 percent', 'half'), share);
    expect(figureChanges(p)).toEqual([]);
  });

  it('"a third of the profits" vs "50 percent": a changed figure', () => {
    const p = pair(share.replace('50 percent', 'a third'), share);
    expect(figureChanges(p).map((c) => [c.a, c.b])).toEqual([['a third', '50']]);
  });
});
