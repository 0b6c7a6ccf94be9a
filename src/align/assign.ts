// Which point of A goes with which point of B. Three passes, each over what
// the previous left unmatched:
//  1. an order-respecting alignment (dynamic programming over the similarity
//     matrix, like Needleman–Wunsch with free gaps: maximise Σ(sim − τ) over
//     pairs that keep both documents' order);
//  2. moves: pairs left out because they break the order, taken greedily by
//     similarity when it clears a higher bar τ_move;
//  3. splits and merges: a leftover point mostly contained in a point that is
//     already paired joins that pair (B leftover → split of A; A leftover →
//     merge into B).

export interface AssignParams {
  /** τ: least similarity for an in-order pair. */
  match: number;
  /** τ_move: least similarity for an out-of-order pair. */
  move: number;
  /** σ: least containment of a leftover point in a paired one for a split or merge. */
  contain: number;
  /** Least number of content keys a leftover point needs to be a split or merge part. */
  minKeys: number;
  /**
   * Undo crossed pairs after the order-keeping pass (uncrossed): for sub-items, whose order a
   * redraft often changes.
   */
  uncross?: boolean;
}

/** Tuned on us-28↔e3-counter and us-28↔ua-20 only (see scripts/eval/align.ts). */
export const DEFAULT_PARAMS: AssignParams = { match: 0.15, move: 0.5, contain: 0.6, minKeys: 4 };

export interface Link {
  i: number;
  j: number;
  kind: 'pair' | 'moved' | 'split' | 'merged';
}

export function orderedPairs(sim: number[][], tau: number): [number, number][] {
  const n = sim.length;
  const m = n ? sim[0].length : 0;
  // best[i][j]: best score aligning A[0..i) with B[0..j)
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const gain = sim[i - 1][j - 1] - tau;
      best[i][j] = Math.max(best[i - 1][j], best[i][j - 1], gain > 0 ? best[i - 1][j - 1] + gain : -Infinity);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    if (best[i][j] === best[i - 1][j]) i--;
    else if (best[i][j] === best[i][j - 1]) j--;
    else {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    }
  }
  return pairs.reverse();
}

/**
 * The order-keeping pairs with crossed ones undone: two pairs (i1, j1), (i2, j2) become
 * (i1, j2), (i2, j1), both `moved`, when the crossed pairs score more together and each is
 * the other's best (its row's and its column's highest similarity). For sub-items: ua-20 5
 * lists "If Russia invades Ukraine" before "If Ukraine invades Russia" where e3 10 lists them
 * the other way round, and the order-keeping pass paired each with its opposite ("If
 * [-Ukraine-]{+Russia+} invades [-Russia-]{+Ukraine+}", a reporter's case): a crossing pair
 * otherwise needs τ_move, which sub-items of a few words rarely reach. Only pairs already made
 * are swapped, so nothing is paired that the order-keeping pass left out.
 */
export function uncrossed(sim: number[][], pairs: [number, number][]): Link[] {
  const links: Link[] = pairs.map(([i, j]) => ({ i, j, kind: 'pair' }));
  const rowBest = (i: number) => sim[i].indexOf(Math.max(...sim[i]));
  const colBest = (j: number) => {
    const column = sim.map((row) => row[j]);
    return column.indexOf(Math.max(...column));
  };
  const mutual = (i: number, j: number) => rowBest(i) === j && colBest(j) === i;
  for (let x = 0; x < links.length; x++) {
    for (let y = x + 1; y < links.length; y++) {
      const [p, q] = [links[x], links[y]];
      if (p.kind !== 'pair' || q.kind !== 'pair') continue;
      if (sim[p.i][q.j] + sim[q.i][p.j] <= sim[p.i][p.j] + sim[q.i][q.j] || !mutual(p.i, q.j) || !mutual(q.i, p.j)) continue;
      [links[x], links[y]] = [
        { i: p.i, j: q.j, kind: 'moved' },
        { i: q.i, j: p.j, kind: 'moved' },
      ];
    }
  }
  return links;
}

/**
 * Links between A's points (rows of `sim`) and B's (columns). `containAB[i][j]`
 * is how much of A[i] is found in B[j]; `containBA[j][i]` the reverse;
 * `sizeA`/`sizeB` count each point's content keys.
 */
export function assign(sim: number[][], containAB: number[][], containBA: number[][], sizeA: number[], sizeB: number[], params: AssignParams = DEFAULT_PARAMS): Link[] {
  const n = sim.length;
  const m = n ? sim[0].length : 0;
  const ordered = orderedPairs(sim, params.match);
  const links: Link[] = params.uncross ? uncrossed(sim, ordered) : ordered.map(([i, j]) => ({ i, j, kind: 'pair' }));
  const usedA = new Set(links.map((l) => l.i));
  const usedB = new Set(links.map((l) => l.j));

  const candidates: [number, number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (!usedA.has(i) && !usedB.has(j) && sim[i][j] >= params.move) candidates.push([sim[i][j], i, j]);
  candidates.sort((x, y) => y[0] - x[0]);
  for (const [, i, j] of candidates) {
    if (usedA.has(i) || usedB.has(j)) continue;
    links.push({ i, j, kind: 'moved' });
    usedA.add(i);
    usedB.add(j);
  }

  const pairedA = new Map(links.map((l) => [l.i, l.j]));
  const pairedB = new Map(links.map((l) => [l.j, l.i]));
  // Decide all splits and merges against the pairs found so far, then add them.
  const extra: Link[] = [];
  // A leftover joins a pair only when it is big enough for containment to mean
  // something (a two-word heading is "contained" in anything), is mostly
  // contained in the paired point, and that point is also its most similar one.
  const argmax = (values: number[]) => values.reduce((best, v, k) => (v > values[best] ? k : best), 0);
  for (let j = 0; j < m; j++) {
    if (usedB.has(j) || sizeB[j] < params.minKeys) continue;
    const i = argmax(sim.map((row) => row[j]));
    if (pairedA.has(i) && containBA[j][i] >= params.contain && sim[i][j] >= params.match) extra.push({ i, j, kind: 'split' });
  }
  for (let i = 0; i < n; i++) {
    if (usedA.has(i) || sizeA[i] < params.minKeys) continue;
    const j = argmax(sim[i]);
    if (pairedB.has(j) && containAB[i][j] >= params.contain && sim[i][j] >= params.match) extra.push({ i, j, kind: 'merged' });
  }
  return [...links, ...extra];
}
