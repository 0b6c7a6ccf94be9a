// The scorer's shortcuts against the plain algorithms they replace: the
// shared-runs table filled only where keys match, and Smith-Waterman's
// rectangle and skipped rounds, must give the same results as the full
// tables (the match output is kept byte-identical by these shortcuts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedRuns, type Run } from '../../src/provenance/phrases.js';
import { localAlignments, type LocalAlignment } from '../../src/provenance/smith-waterman.js';

/** Maximal common runs from the full |a| × |b| table, chosen greedily as sharedRuns does. */
function fullTableRuns(a: string[], b: string[], min: number): Run[] {
  const found: Run[] = [];
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      const r = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : 0;
      row[j] = r;
      const extends_ = i < a.length && j < b.length && a[i] === b[j];
      if (r >= min && !extends_) found.push({ a: i - r, b: j - r, length: r });
    }
    prev = row;
  }
  found.sort((x, y) => y.length - x.length || x.a - y.a || x.b - y.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const chosen: Run[] = [];
  for (const r of found) {
    let free = true;
    for (let k = 0; k < r.length; k++) if (usedA.has(r.a + k) || usedB.has(r.b + k)) free = false;
    if (!free) continue;
    for (let k = 0; k < r.length; k++) {
      usedA.add(r.a + k);
      usedB.add(r.b + k);
    }
    chosen.push(r);
  }
  return chosen.sort((x, y) => x.a - y.a);
}

/** Waterman-Eggert over the whole table every round (no rectangle, no skipped rounds). */
function fullTableAlignments(a: string[], b: string[], weight: (k: string) => number, penalty: number, max: number, minScore: number): LocalAlignment[] {
  const maskedA = new Array<boolean>(a.length).fill(false);
  const maskedB = new Array<boolean>(b.length).fill(false);
  const out: LocalAlignment[] = [];
  const w = b.length + 1;
  for (let round = 0; round < max; round++) {
    const h = new Float64Array((a.length + 1) * w);
    let best = 0;
    let bi = 0;
    let bj = 0;
    const same = (i: number, j: number) => !maskedA[i - 1] && !maskedB[j - 1] && a[i - 1] === b[j - 1];
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const v = Math.max(0, h[(i - 1) * w + j - 1] + (same(i, j) ? weight(a[i - 1]) : -penalty), h[(i - 1) * w + j] - penalty, h[i * w + j - 1] - penalty);
        h[i * w + j] = v;
        if (v > best) [best, bi, bj] = [v, i, j];
      }
    }
    if (best <= 0 || best < minScore) break;
    let i = bi;
    let j = bj;
    let matches = 0;
    let firstI = bi;
    let firstJ = bj;
    while (i > 0 && j > 0 && h[i * w + j] > 0) {
      const v = h[i * w + j];
      if (same(i, j) && Math.abs(v - (h[(i - 1) * w + j - 1] + weight(a[i - 1]))) < 1e-9) {
        matches++;
        [firstI, firstJ] = [i, j];
        i--;
        j--;
      } else if (Math.abs(v - (h[(i - 1) * w + j] - penalty)) < 1e-9) i--;
      else if (Math.abs(v - (h[i * w + j - 1] - penalty)) < 1e-9) j--;
      else {
        i--;
        j--;
      }
    }
    const al: LocalAlignment = { a: [firstI - 1, bi], b: [firstJ - 1, bj], score: best, matches };
    out.push(al);
    for (let k = al.a[0]; k < al.a[1]; k++) maskedA[k] = true;
    for (let k = al.b[0]; k < al.b[1]; k++) maskedB[k] = true;
  }
  return out;
}

// Few distinct keys, so that runs and repeated alignments are common.
const keys = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 40 });

describe('scorer tables', () => {
  it('sharedRuns equals the full-table runs', () => {
    fc.assert(
      fc.property(keys, keys, fc.integer({ min: 1, max: 4 }), (a, b, min) => {
        expect(sharedRuns(a, b, min)).toEqual(fullTableRuns(a, b, min));
      }),
      { numRuns: 500 },
    );
  });

  it('localAlignments equals the full-table Waterman-Eggert', () => {
    // Tenths, not fc.double, which mostly draws the ends of its range.
    const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((x) => x / 10);
    const weights = fc.record({ a: tenths(0.1, 9), b: tenths(0.1, 9), c: tenths(0.1, 9) });
    fc.assert(
      fc.property(keys, keys, weights, tenths(0.1, 5), tenths(0, 12), (a, b, ws, penalty, minScore) => {
        const weight = (k: string) => (ws as Record<string, number>)[k] ?? 1;
        expect(localAlignments(a, b, { weight, penalty, max: 3, minScore })).toEqual(fullTableAlignments(a, b, weight, penalty, 3, minScore));
      }),
      { numRuns: 500 },
    );
  });
});
