// Origin side from candidate scores: later statements never count, the
// threshold names no side, a close runner-up lowers the confidence.
import { describe, expect, it } from 'vitest';
import { pointOrigin, sideShares } from '../../src/provenance/index.js';

describe('pointOrigin', () => {
  it('takes the side of the best earlier statement, discounted by the runner-up side', () => {
    const o = pointOrigin([
      { side: 'ru', score: 0.4, later: false },
      { side: 'ru', score: 0.3, later: false },
      { side: 'ua', score: 0.2, later: false },
    ]);
    expect(o.side).toBe('ru');
    expect(o.confidence).toBeCloseTo((0.4 * 0.4) / (0.4 + 0.2), 4);
  });

  it('ignores later statements, however strong', () => {
    expect(pointOrigin([{ side: 'ru', score: 0.9, later: true }, { side: 'eu', score: 0.3, later: false }])).toEqual({ side: 'eu', confidence: 0.3 });
  });

  it('is unknown when no earlier statement reaches the threshold', () => {
    expect(pointOrigin([{ side: 'ru', score: 0.09, later: false }], 0.1)).toEqual({ side: 'unknown', confidence: 0 });
    expect(pointOrigin([])).toEqual({ side: 'unknown', confidence: 0 });
  });
});

describe('sideShares', () => {
  it('gives the share of points per side, largest first', () => {
    const shares = sideShares([
      { side: 'ru', confidence: 0.3 },
      { side: 'ru', confidence: 0.2 },
      { side: 'unknown', confidence: 0 },
      { side: 'ua', confidence: 0.4 },
    ]);
    expect(shares).toEqual({ ru: 0.5, unknown: 0.25, ua: 0.25 });
    expect(Object.keys(shares)[0]).toBe('ru');
  });
});
