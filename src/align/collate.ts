// Multi-witness collation (CollateX's Gothenburg model, at point level): every
// witness is aligned with every other, paired points are joined into units
// (union-find over all pairwise links, so no witness is privileged as the
// base), and each unit becomes one row with every witness's reading and a
// composite reading that names the witness it comes from.
import { pointSlots, segmentText } from '../corpus/coverage.js';
import type { Document } from '../corpus/types.js';
import { normalizeText } from '../text/index.js';
import { alignPair, onDocuments, type PairAlignment } from './align.js';
import { wordDiff, type DiffPart } from './diff.js';

export type ReadingState = 'present' | 'partial' | 'missing' | 'removed' | 'absent' | 'elsewhere';

export interface Reading {
  witness: string;
  /** Point ids of this witness in the unit (two or more when it split or merged). */
  points: string[];
  /** The witness's text for the unit ('' when it has none). */
  text: string;
  /**
   * present/partial: text (partial = part never published); missing: the
   * witness's point of that number was never published; removed: `[removed]`;
   * absent: the witness is complete and has nothing here; elsewhere: a
   * pairwise alignment pairs a point of this row with a published point of
   * the witness, which reads in another row (the join was refused, see
   * COLLATION_SUPPORT): never "unpublished".
   */
  state: ReadingState;
  language: string;
  spans: [number, number][];
  /**
   * Same-language readings that differ from the composite: the word diff from
   * the composite. `a`/`b` index the composite's and this reading's text;
   * `aDocSpan`/`bDocSpan` the composite witness's and this witness's document
   * (a part across two joined points covers the text between them too).
   */
  diff?: DiffPart[];
  /** True when the text differs from the composite's (same language), or is a translation of it. */
  variant: boolean;
  /** State `elsewhere`: the witness's points paired with this row's readings, and the rows (1-based) they read in. */
  elsewhere?: { point: string; row: number }[];
}

export interface CollationRow {
  /** 1-based row number. */
  n: number;
  readings: Reading[];
  /** The reading most like all the others (the medoid), naming its witness; null when no witness has text. */
  composite: { witness: string; points: string[]; text: string } | null;
}

export interface Collation {
  witnesses: string[];
  rows: CollationRow[];
}

class UnionFind {
  parent = new Map<string, string>();
  find(x: string): string {
    if (!this.parent.has(x)) this.parent.set(x, x);
    const p = this.parent.get(x)!;
    if (p === x) return x;
    const root = this.find(p);
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string) {
    this.parent.set(this.find(a), this.find(b));
  }
}

/**
 * Least mean similarity between two units, over the witness pairs that have a
 * say (linked, or one side linked elsewhere), for them to join in one row when
 * some pairwise alignment disagrees with the join. Fixed a priori, not tuned.
 */
export const COLLATION_SUPPORT = 0.25;

const node = (doc: string, point: string) => `${doc}\u0000${point}`;
const comparable = (s: string) => normalizeText(s).toLowerCase().replace(/[\s.;:,]+$/g, '');

/** Collate N ≥ 2 witnesses; `alignments` (all pairs, i < j) may be passed in when already computed. */
export function collate(docs: Document[], alignments: PairAlignment[] = allPairs(docs)): Collation {
  // Join units strongest link first. Two units join only if no witness would
  // then read twice in one row, and, when a pairwise alignment disagrees
  // (pairs a point of one unit with another point, or calls it dropped or
  // added, against a witness of the other unit), if the links between them
  // are strong enough on average over the witness pairs that have a say
  // (COLLATION_SUPPORT): one weak pairing between fragments of two witnesses
  // must not pull a point into a row the other witnesses disagree with. A join
  // no alignment disagrees with (each pair linked, or both points `unknown`
  // against each other's witness) is taken however weak: us-28 2, us-28-ru 2
  // and e3 2 are each paired with ua-20 2 (0.23, 0.25, 0.25), so ua-20 2
  // reads in their row.
  const uf = new UnionFind();
  const sims = new Map<string, number>();
  /** `node|witness` for a point the alignment with that witness left `unknown` (it may be among the witness's unpublished points). */
  const unknownIn = new Set<string>();
  const edges: { x: string; y: string; sim: number }[] = [];
  for (const doc of docs) for (const s of doc.segments.filter((x) => x.kind === 'point')) uf.find(node(doc.id, s.id));
  for (const al of alignments) {
    for (const p of al.pairs) {
      if (p.relation === 'unknown') {
        if (p.a && !p.b) unknownIn.add(`${node(al.versions[0], p.a)}|${al.versions[1]}`);
        if (p.b && !p.a) unknownIn.add(`${node(al.versions[1], p.b)}|${al.versions[0]}`);
      }
      if (!p.a || !p.b || !['unchanged', 'reworded', 'translated', 'split', 'merged'].includes(p.relation)) continue;
      const x = node(al.versions[0], p.a);
      const y = node(al.versions[1], p.b);
      sims.set(`${x}|${y}`, p.similarity);
      sims.set(`${y}|${x}`, p.similarity);
      edges.push({ x, y, sim: p.similarity });
    }
  }
  const members = new Map<string, string[]>();
  const membersOf = (root: string) => members.get(root) ?? [root];
  const witnessOf = (n: string) => n.split('\u0000')[0];
  edges.sort((e, f) => f.sim - e.sim);
  for (const e of edges) {
    const rx = uf.find(e.x);
    const ry = uf.find(e.y);
    if (rx === ry) continue;
    const mx = membersOf(rx);
    const my = membersOf(ry);
    const wx = new Set(mx.map(witnessOf));
    if (my.some((n) => wx.has(witnessOf(n)))) continue;
    let support = 0;
    let say = 0;
    let disagree = false;
    for (const u of mx) {
      for (const v of my) {
        const s = sims.get(`${u}|${v}`);
        if (s !== undefined) {
          support += s;
          say++;
        } else if (!unknownIn.has(`${u}|${witnessOf(v)}`) || !unknownIn.has(`${v}|${witnessOf(u)}`)) {
          // Linked elsewhere, dropped or added: that alignment says no.
          disagree = true;
          say++;
        }
      }
    }
    if (disagree && support / say < COLLATION_SUPPORT) continue;
    uf.union(rx, ry);
    members.set(uf.find(rx), [...mx, ...my]);
  }
  const units = new Map<string, { doc: Document; id: string }[]>();
  for (const doc of docs) {
    for (const s of doc.segments.filter((x) => x.kind === 'point')) {
      const root = uf.find(node(doc.id, s.id));
      units.set(root, [...(units.get(root) ?? []), { doc, id: s.id }]);
    }
  }

  const slots = new Map(docs.map((d) => [d.id, new Map(pointSlots(d).map((s) => [s.n, s.state]))]));
  const expected = new Map(docs.map((d) => [d.id, Math.max(1, pointSlots(d).length, d.segments.filter((s) => s.kind === 'point').length)]));
  const rows: { position: number; readings: Reading[] }[] = [];
  const numbersWithText = new Set<string>();

  for (const members of units.values()) {
    const readings = docs.map((doc) => {
      const mine = members.filter((m) => m.doc.id === doc.id);
      if (mine.length) {
        const segs = mine.map((m) => doc.segments.find((s) => s.kind === 'point' && s.id === m.id)!);
        return {
          witness: doc.id,
          points: mine.map((m) => m.id),
          text: segs.map((s) => segmentText(doc, s)).join('\n'),
          state: segs.some((s) => s.partial) ? 'partial' : 'present',
          language: doc.language,
          spans: segs.map((s) => [s.start, s.end] as [number, number]),
          variant: false,
        } satisfies Reading;
      }
      // No text here. If the other witnesses agree on a point number, this
      // witness's slot of that number says whether it is unpublished or removed.
      // Only a witness numbered alike (as many slots) shares the number: ua-20's 15 says nothing of us-28's 15.
      const numbers = new Set(members.map((m) => m.id));
      const n = numbers.size === 1 && members.every((m) => expected.get(m.doc.id) === expected.get(doc.id)) ? [...numbers][0] : undefined;
      const state = n ? slots.get(doc.id)!.get(n) : undefined;
      const gapState: ReadingState = state === 'missing' || state === 'unlisted' ? 'missing' : state === 'removed' ? 'removed' : hasGaps(doc) ? 'missing' : 'absent';
      return { witness: doc.id, points: n && state && state !== 'present' && state !== 'partial' ? [n] : [], text: '', state: gapState, language: doc.language, spans: [], variant: false } satisfies Reading;
    });
    for (const m of members) numbersWithText.add(m.id);
    const positions = members.map((m) => Number(m.id) / expected.get(m.doc.id)!).filter(Number.isFinite);
    rows.push({ position: positions.length ? positions.reduce((x, y) => x + y, 0) / positions.length : 1, readings });
  }

  // Point numbers that no witness published but every witness lists: one row
  // each, so a collation of renderings of one plan has a row for every point.
  // Only when every witness is numbered alike (as many slots): across
  // numberings a number names no common point (us-28's unpublished 13 is not
  // ua-20's), and such a row would hold nothing but gaps.
  const maxN = Math.max(...docs.map((d) => pointSlots(d).length));
  const numberedAlike = docs.every((d) => pointSlots(d).length === maxN);
  for (let k = 1; numberedAlike && k <= maxN; k++) {
    const n = String(k);
    if (numbersWithText.has(n)) continue;
    const states = docs.map((d) => slots.get(d.id)!.get(n));
    if (states.every((s) => s === 'missing' || s === 'unlisted' || s === 'removed')) {
      rows.push({
        position: k / maxN,
        readings: docs.map((d, i) => ({ witness: d.id, points: [n], text: '', state: states[i] === 'removed' ? 'removed' : 'missing', language: d.language, spans: [], variant: false })),
      });
    }
  }

  rows.sort((x, y) => x.position - y.position);
  markElsewhere(rows.map((r) => r.readings), sims);
  return { witnesses: docs.map((d) => d.id), rows: rows.map((r, i) => withComposite(i + 1, r.readings, sims)) };
}

/**
 * A witness with no text in a row that some pairwise alignment pairs with one
 * of the row's readings has its counterpart in another row: its reading says
 * so (`elsewhere`, with the point and row) instead of missing or absent.
 * `sims` holds every pairwise link, both ways (`node|node`).
 */
function markElsewhere(rows: Reading[][], sims: Map<string, number>) {
  const rowOf = new Map<string, number>();
  rows.forEach((readings, i) => readings.forEach((r) => r.points.forEach((p) => r.text && rowOf.set(node(r.witness, p), i + 1))));
  const linked = new Map<string, string[]>();
  for (const key of sims.keys()) {
    const [x, y] = key.split('|');
    linked.set(x, [...(linked.get(x) ?? []), y]);
  }
  for (const readings of rows) {
    const members = readings.filter((r) => r.text).flatMap((r) => r.points.map((p) => node(r.witness, p)));
    for (const r of readings) {
      if (r.text || r.points.length || (r.state !== 'missing' && r.state !== 'absent')) continue;
      const others = [...new Set(members.flatMap((m) => linked.get(m) ?? []).filter((n) => n.startsWith(`${r.witness}\u0000`)))];
      if (!others.length) continue;
      r.state = 'elsewhere';
      r.elsewhere = others.map((n) => ({ point: n.split('\u0000')[1], row: rowOf.get(n)! })).sort((a, b) => a.row - b.row);
    }
  }
}

function hasGaps(doc: Document): boolean {
  return pointSlots(doc).some((s) => s.state === 'missing' || s.state === 'unlisted');
}

/** The composite is the medoid: among readings in the row's main language, the one with the highest summed similarity to the others; complete readings beat partial ones. */
function withComposite(n: number, readings: Reading[], sims: Map<string, number>): CollationRow {
  const all = readings.filter((r) => r.text);
  if (!all.length) return { n, readings, composite: null };
  // The composite is read in the language most witnesses of the row use
  // (ties: the first witness's); across languages similarity is not comparable.
  const counts = new Map<string, number>();
  for (const r of all) counts.set(r.language, (counts.get(r.language) ?? 0) + 1);
  const language = [...counts].reduce((x, y) => (y[1] > x[1] ? y : x))[0];
  const withText = all.filter((r) => r.language === language);
  const score = (r: Reading) =>
    (r.state === 'present' ? 1000 : 0) +
    withText.filter((o) => o !== r).reduce((sum, o) => sum + Math.max(0, ...r.points.flatMap((p) => o.points.map((q) => sims.get(`${node(r.witness, p)}|${node(o.witness, q)}`) ?? 0))), 0);
  const best = withText.reduce((x, y) => (score(y) > score(x) ? y : x));
  for (const r of all) {
    if (r === best) continue;
    if (r.language !== best.language) {
      r.variant = true;
      continue;
    }
    r.variant = comparable(r.text) !== comparable(best.text);
    if (r.variant) {
      r.diff = wordDiff(best.text, r.text, r.language).parts.map((d) => onDocuments(d, d.a, d.b, (o) => docOffset(best, o), (o) => docOffset(r, o)));
    }
  }
  return { n, readings, composite: { witness: best.witness, points: best.points, text: best.text } };
}

/**
 * An offset in a reading's text (its points' texts joined by "\n") as an
 * offset into its witness's document text (UTF-16 units). An offset on a
 * joining "\n" is the end of the point before it.
 */
function docOffset(r: Reading, o: number): number {
  let at = 0;
  for (const [s, e] of r.spans) {
    if (o <= at + (e - s)) return s + (o - at);
    at += e - s + 1;
  }
  return r.spans.length ? r.spans[r.spans.length - 1][1] : o;
}

export function allPairs(docs: Document[]): PairAlignment[] {
  const out: PairAlignment[] = [];
  for (let i = 0; i < docs.length; i++) for (let j = i + 1; j < docs.length; j++) out.push(alignPair(docs[i], docs[j]));
  return out;
}
