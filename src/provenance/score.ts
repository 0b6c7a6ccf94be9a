// How strongly a plan point echoes a passage: a score in [0, 1] and the spans
// that show it. Since the learned ranker (ranker.ts) these parts are four of its
// features and this formula is the `ranker: 'fixed'` baseline; the spans are
// still the evidence. A pure function of the two term sequences and the IDF, so it
// can be run over every passage (brute force) or over an index's candidates.
//
//   score = 0.35 · lexical + 0.25 · alignment + 0.20 · phrases + 0.20 · figures
//
// When the point has no figure and no distinctive name, the figures part does
// not apply and the score is the weighted mean of the other three
// (0.35·lexical + 0.25·alignment + 0.20·phrases) / 0.80, so a point is not
// marked down for lacking numbers.
//
// - lexical: TF-IDF cosine between the point and the best window of the
//   passage (window = max(2 × point length, 12) terms), so a long passage is
//   judged by the part that talks about the point, not diluted by the rest;
// - alignment: IDF-weighted Smith-Waterman (smith-waterman.ts), the summed
//   score of up to three local alignments divided by the point's
//   self-alignment score (the sum of its terms' IDF);
// - phrases: share of the point's terms inside shared runs of ≥ 3 content
//   terms (phrases.ts);
// - figures: IDF-weighted share of the point's distinctive figures and names
//   that the passage also has: numbers, and entities (places, bodies, people)
//   found in at most 1 passage in 20 (`distinctiveIdf`), so "Ukraine" or
//   "Russia" say nothing but "Kinburn" or "600,000" do; 0 when the point has none.
// Across languages only language-neutral terms (glossary concepts, numbers,
// transliterated names) are compared; the passage's other terms still count
// in the cosine's norm.
//
// The weights are fixed by design, not fitted: the two graded measures
// (bag of words, order-aware alignment) carry 60 %, the two sparse exact
// signals (verbatim phrases, shared figures and names) 40 %, because those are
// zero for most true pairs and should raise, not decide, a score.
import { contextualTerms, kindIdf, keyKind } from './figures.js';
import { isCommonWord } from './common-words.js';
import { bothIds, idfAt, idfTable, markTable, neutralTerms } from './key-ids.js';
import { objectArray, scratchFloat64, scratchInt32, scratchUint8 } from './scratch.js';
import { sharedRunsOfIds, type Run } from './phrases.js';
import { localAlignmentsOfIds, type LocalAlignment } from './smith-waterman.js';
import type { ScoreParts, Term } from './types.js';

export const WEIGHTS: ScoreParts = { lexical: 0.35, alignment: 0.25, phrases: 0.2, figures: 0.2 };

const FIGURES_WEIGHT = WEIGHTS.figures;
/** The weights of the other three parts: their sum divides the score when the figures part does not apply. */
const WITHOUT_FIGURES = 1 - WEIGHTS.figures;

/** Shortest run of consecutive content terms that counts as a shared phrase. */
export const MIN_PHRASE = 3;

/** A matched stretch, as term index ranges into the two sequences given to scorePair. */
export interface SpanMatch {
  /** `word`: one shared term of the lexical part's best window (see sharedWordSpans). */
  kind: 'phrase' | 'alignment' | 'word';
  point: [number, number];
  passage: [number, number];
  matched: number;
}

export interface PairScore {
  score: number;
  parts: ScoreParts;
  spans: SpanMatch[];
  /** Set when the pair was over MAX_POINT_TERMS / MAX_PAIR_CELLS and only its first terms were scored. */
  truncated?: boolean;
  /**
   * The point's figures (numbers, by value and kind): how many the passage has
   * (`agree`), how many it gives a different value of the same kind (`changed`:
   * "50 kilometers" against "15 kilometers"), of `total`.
   */
  figureCheck: { total: number; agree: number; changed: number };
}

export interface ScoreOptions {
  /** Compare only language-neutral terms (point and passage in different languages). */
  crossLingual?: boolean;
  /**
   * IDF at or above which one shared term alone is shown as evidence (else an
   * alignment needs two matched terms). matchPlan sets the IDF of a term found
   * in 2 % of the passages.
   */
  rareIdf?: number;
  /** IDF at or above which a name counts as distinctive for the figures part (default: every name counts). */
  distinctiveIdf?: number;
  /**
   * Match numbers by value and kind of quantity (figures.ts). Default true;
   * false reproduces the fixed-weight scorer as it was before (value and unit
   * only), for the eval's baseline.
   */
  figureKinds?: boolean;
}

/**
 * Bounds on one pair: the alignment and phrase tables are |point| × |passage|
 * terms. The longest real point has 60 terms and the longest real passage 143;
 * a pasted draft can hold one 40,000-term "point", which took 13 s per request.
 * Beyond the bounds a pair is scored on the first terms of each side only and
 * flagged `truncated` (a partial result, never a silent one).
 */
export const MAX_POINT_TERMS = 1_000;
export const MAX_PAIR_CELLS = 250_000;

export function scorePair(point: Term[], passage: Term[], idf: (key: string) => number, options: ScoreOptions = {}): PairScore {
  const [p, s] = boundedPair(point, passage);
  // Prefixes: term indices in the spans stay valid for the caller's sequences.
  const result = scoreWholePair(p, s, idf, options);
  return p === point && s === passage ? result : { ...result, truncated: true };
}

/** The prefixes of a pair that scorePair scores (the whole pair when within MAX_POINT_TERMS / MAX_PAIR_CELLS). */
export function boundedPair(point: Term[], passage: Term[]): [Term[], Term[]] {
  const p = point.length > MAX_POINT_TERMS ? point.slice(0, MAX_POINT_TERMS) : point;
  const room = Math.max(1, Math.floor(MAX_PAIR_CELLS / p.length));
  return [p, passage.length > room ? passage.slice(0, room) : passage];
}

/**
 * The two sides of a pair as the scorer compares them: numbers keyed by their
 * kind (figures.ts contextualTerms, unless `figureKinds` is false, with the
 * IDF read under the plain key), and across languages only the neutral terms
 * (`p`, `s`) beside the full sequences (`point`, `passage`); with the key ids
 * of both (key-ids.ts) and, across languages, where `p` and `s` sit in them.
 */
function pairSides(rawPoint: Term[], rawPassage: Term[], rawIdf: (key: string) => number, options: ScoreOptions) {
  const kinds = options.figureKinds !== false;
  // contextualTerms remembers its result per term array, so a point scored against hundreds of passages is derived once.
  const point = kinds ? contextualTerms(rawPoint) : rawPoint;
  const passage = kinds ? contextualTerms(rawPassage) : rawPassage;
  const idf = kinds ? kindIdf(rawIdf) : rawIdf;
  const [pInfo, sInfo] = bothIds(point, passage);
  const pn = options.crossLingual ? neutralTerms(point, pInfo) : undefined;
  const sn = options.crossLingual ? neutralTerms(passage, sInfo) : undefined;
  return {
    kinds,
    point,
    passage,
    idf,
    p: pn ? pn.terms : point,
    s: sn ? sn.terms : passage,
    pIds: pn ? pn.ids : pInfo.ids,
    sIds: sn ? sn.ids : sInfo.ids,
    passageIds: sInfo.ids,
    pIndex: pn?.index,
    sIndex: sn?.index,
  };
}

/**
 * A point's key ids in distinct-key numbers (`local`, first occurrence
 * first) with a small open-addressing table from id to number, and its terms'
 * IDF for one IDF function. Kept for the next pair with the same point (a
 * point is scored against ~750 passages in a row): looking the passage's ids
 * up in a table of the point's few keys, which stays in cache, replaced
 * marking the point's keys in a table of every key, per pair.
 */
interface PointKeys {
  ids: Int32Array;
  local: Int32Array;
  distinct: number;
  slots: Int32Array;
  numbers: Int32Array;
  shift: number;
  idf?: (key: string) => number;
  pIdf?: Float64Array;
}

let lastPointKeys: PointKeys | undefined;

function pointKeys(ids: Int32Array): PointKeys {
  if (lastPointKeys?.ids === ids) return lastPointKeys;
  let bits = 4;
  while (1 << bits < ids.length * 2) bits++;
  const slots = new Int32Array(1 << bits).fill(-1);
  const numbers = new Int32Array(1 << bits);
  const pk: PointKeys = { ids, local: new Int32Array(ids.length), distinct: 0, slots, numbers, shift: 32 - bits };
  for (let i = 0; i < ids.length; i++) {
    let h = Math.imul(ids[i], 0x9e3779b1) >>> pk.shift;
    while (slots[h] !== -1 && slots[h] !== ids[i]) h = (h + 1) & (slots.length - 1);
    if (slots[h] === -1) {
      slots[h] = ids[i];
      numbers[h] = pk.distinct++;
    }
    pk.local[i] = numbers[h];
  }
  return (lastPointKeys = pk);
}

/** The point's number of key id `id`, or -1 when the point does not have it. */
function localOf(pk: PointKeys, id: number): number {
  const mask = pk.slots.length - 1;
  for (let h = Math.imul(id, 0x9e3779b1) >>> pk.shift; ; h = (h + 1) & mask) {
    const slot = pk.slots[h];
    if (slot === id) return pk.numbers[h];
    if (slot === -1) return -1;
  }
}

function zeroPair(figureCheck: PairScore['figureCheck']): PairScore {
  return { score: 0, parts: { lexical: 0, alignment: 0, phrases: 0, figures: 0 }, spans: objectArray<SpanMatch>(), figureCheck };
}

function scoreWholePair(rawPoint: Term[], rawPassage: Term[], rawIdf: (key: string) => number, options: ScoreOptions): PairScore {
  const { kinds, idf, p, s, pIds, sIds, passageIds, pIndex, sIndex } = pairSides(rawPoint, rawPassage, rawIdf, options);
  const figureCheck = checkFigures(p, s);

  // The point's distinct keys numbered 0 … distinct − 1 in order of first
  // occurrence (the order the Maps of the string version iterated in, so sums
  // are the same to the last bit), the passage's terms in those numbers
  // (-1: not a point key), and for the cosine's passage keys (all passage
  // terms, across languages too) the same.
  const pk = pointKeys(pIds);
  const { local: pLocal, distinct } = pk;
  const sLocal = scratchSLocal(s.length);
  const inPassage = scratchInPassage(distinct).fill(0, 0, distinct);
  let shares = false;
  for (let j = 0; j < s.length; j++) {
    const d = localOf(pk, sIds[j]);
    sLocal[j] = d;
    if (d >= 0) {
      inPassage[d] = 1;
      shares = true;
    }
  }
  // An empty side shares nothing either: one exit for both (an exit of its own for an empty side,
  // first taken after optimisation across languages, deoptimised the scorer).
  if (!shares || !p.length) return zeroPair(figureCheck);
  const cosineKeys = options.crossLingual ? passageIds : sIds;
  let cosineLocal = sLocal;
  if (cosineKeys !== sIds) {
    cosineLocal = scratchCosineLocal(cosineKeys.length);
    for (let j = 0; j < cosineKeys.length; j++) cosineLocal[j] = localOf(pk, cosineKeys[j]);
  }

  const idfs = idfTable(idf);
  if (pk.idf !== idf) {
    pk.pIdf = new Float64Array(p.length);
    for (let i = 0; i < p.length; i++) pk.pIdf[i] = idfAt(idfs, pIds[i], idf);
    pk.idf = idf;
  }
  const pIdf = pk.pIdf!;

  // Across languages the passage keeps all its terms for the cosine: its words that cannot match
  // still dilute it, or a passage with one glossary word would look like a perfect match.
  const lexical = bestWindowOfIds(pLocal, pIdf, p.length, distinct, cosineKeys, cosineLocal, idfs, idf).score;

  let selfScore = 0;
  for (let i = 0; i < p.length; i++) selfScore += pIdf[i];
  const meanIdf = selfScore / p.length;
  const rare = options.rareIdf ?? Infinity;
  // Plain loops rather than filter/reduce/map here and below: this runs for every pair, and the
  // array builtins inlined with their callbacks made the function several times longer to
  // optimise, and were compiled anew after each deoptimisation (the first match in a process).
  const found = localAlignmentsOfIds(pLocal, pIdf, p.length, distinct, sLocal, s.length, { penalty: meanIdf / 2, max: 3, minScore: Math.min(rare, meanIdf) });
  const alignments = objectArray<LocalAlignment>();
  let aligned = 0;
  for (let k = 0; k < found.length; k++) {
    const al = found[k];
    if (!(al.matches >= 2 || (al.matches === 1 && al.score >= rare))) continue;
    alignments.push(al);
    aligned += al.score;
  }
  const alignment = selfScore > 0 ? Math.min(1, aligned / selfScore) : 0;

  const runs = sharedRunsOfIds(pLocal, p.length, sLocal, s.length, distinct, MIN_PHRASE);
  let inRuns = 0;
  for (let k = 0; k < runs.length; k++) inRuns += runs[k].length;
  const phrases = inRuns / p.length;

  const figures = figureShare(p, pLocal, pIdf, distinct, inPassage, options.distinctiveIdf ?? 0);

  const parts: ScoreParts = { lexical, alignment, phrases, figures: figures ?? 0 };
  const weighted = WEIGHTS.lexical * lexical + WEIGHTS.alignment * alignment + WEIGHTS.phrases * phrases;
  // One expression for both cases (the same numbers: adding 0 and dividing by 1 are exact), so no
  // arithmetic waits in a branch that the first pairs may not take (see the loops above).
  const applies = figures !== undefined;
  const score = (weighted + (applies ? FIGURES_WEIGHT : 0) * (figures ?? 0)) / (applies ? 1 : WITHOUT_FIGURES);

  // Evidence: every shared phrase, then each alignment not already inside a phrase on the point side.
  // Indices are mapped back to the caller's (unfiltered) sequences.
  const spans = objectArray<SpanMatch>();
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k];
    spans.push({ kind: 'phrase', point: mapRange([r.a, r.a + r.length], pIndex), passage: mapRange([r.b, r.b + r.length], sIndex), matched: r.length });
  }
  for (let k = 0; k < alignments.length; k++) {
    const al = alignments[k];
    if (insideRun(al.a, runs)) continue;
    // One shared common word is never evidence, however rare in this corpus ("Ensure", "observe", "full";
    // common-words.ts). And a stretch that bridges two different figures is a changed figure, not a match.
    if (al.matches < 2 && loneCommonWord(p, pLocal, inPassage, al.a)) continue;
    if (kinds && (hasNumber(p, al.a) || hasNumber(s, al.b)) && figuresDiffer(p.slice(...al.a), s.slice(...al.b))) continue;
    spans.push({ kind: 'alignment', point: mapRange(al.a, pIndex), passage: mapRange(al.b, sIndex), matched: al.matches });
  }
  spans.sort((x, y) => x.point[0] - y.point[0]);
  return { score: round(Math.min(1, score)), parts: mapParts(parts, round), spans, figureCheck };
}

/** A term range of a pair's filtered sequence as a range of the caller's sequence (`map`: index of each filtered term; none: the same). */
function mapRange(r: [number, number], map: Int32Array | undefined): [number, number] {
  return map ? [map[r[0]], map[r[1] - 1] + 1] : r;
}

/** Whether point range `a` lies inside one of the shared runs (on the point side). */
function insideRun(a: [number, number], runs: readonly Run[]): boolean {
  for (let k = 0; k < runs.length; k++) if (a[0] >= runs[k].a && a[1] <= runs[k].a + runs[k].length) return true;
  return false;
}

/** At most this many shared terms are listed for a score made of scattered words. */
export const MAX_SHARED_WORDS = 6;

/**
 * The words behind the lexical part of a pair that has no phrase or
 * alignment to show: the terms the point shares with the passage window the
 * cosine rated best (windowCosine), rarest first, at most MAX_SHARED_WORDS,
 * then in point order, as one-term spans (`kind: 'word'`) with indices into
 * `point` and `passage` as given (same filtering and figure kinds as
 * scorePair). Empty when they share nothing.
 */
export function sharedWordSpans(rawPoint: Term[], rawPassage: Term[], rawIdf: (key: string) => number, options: ScoreOptions = {}): SpanMatch[] {
  const { passage, idf, p, pIndex } = pairSides(...boundedPair(rawPoint, rawPassage), rawIdf, options);
  const pk = p.map((t) => t.key);
  // The cosine reads all passage terms, across languages too (see scoreWholePair).
  const cosineKeys = passage.map((t) => t.key);
  const window = bestWindow(pk, cosineKeys, idf);
  if (!(window.score > 0)) return [];
  return windowWords(pk, cosineKeys, window, idf, pIndex);
}

/**
 * The shared terms of a window as one-term spans: for each key the
 * point shares with the window, its first place in the point and in the
 * window. Indices are into the caller's sequences (`pIndex` maps a filtered
 * point back; the cosine's passage keys are already the caller's passage).
 */
function windowWords(pk: string[], passageKeys: string[], window: { from: number; to: number }, idf: (key: string) => number, pIndex?: Int32Array): SpanMatch[] {
  const inPoint = new Map<string, number>();
  pk.forEach((k, i) => {
    if (!inPoint.has(k)) inPoint.set(k, i);
  });
  const found = new Map<string, [number, number]>();
  for (let j = window.from; j < window.to; j++) {
    const k = passageKeys[j];
    const i = inPoint.get(k);
    if (i !== undefined && !found.has(k)) found.set(k, [pIndex ? pIndex[i] : i, j]);
  }
  return [...found]
    .sort((a, b) => idf(b[0]) - idf(a[0]) || a[1][0] - b[1][0])
    .slice(0, MAX_SHARED_WORDS)
    .sort((a, b) => a[1][0] - b[1][0])
    .map(([, [i, j]]) => ({ kind: 'word' as const, point: [i, i + 1] as [number, number], passage: [j, j + 1] as [number, number], matched: 1 }));
}

/** The one shared term of a single-match alignment (point terms [from, to)) is a common English word. */
function loneCommonWord(point: Term[], pLocal: Int32Array, inPassage: Uint8Array, [from, to]: [number, number]): boolean {
  let shared = 0;
  for (let i = from; i < to; i++) {
    if (!inPassage[pLocal[i]]) continue;
    if (++shared > 1) return false;
    const t = point[i];
    if (!(t.kind === 'word' && isCommonWord(t.key))) return false;
  }
  return true;
}

/** The point's numbers that the passage has (same value and kind), or changes (same kind, other value). */
function checkFigures(point: Term[], passage: Term[]): PairScore['figureCheck'] {
  // Most points have no number: then there is nothing to look for in the passage.
  if (!hasNumber(point, [0, point.length])) return { total: 0, agree: 0, changed: 0 };
  const pKeys = numberKeys(point);
  const sKeys = numberKeys(passage);
  const sKinds = new Set<string | undefined>();
  for (const k of sKeys) {
    const kind = keyKind(k);
    if (kind && kind !== 'count' && kind !== 'year') sKinds.add(kind);
  }
  let agree = 0;
  let changed = 0;
  for (const k of pKeys) {
    if (sKeys.has(k)) agree++;
    else if (sKinds.has(keyKind(k))) changed++;
  }
  return { total: pKeys.size, agree, changed };
}

/** The keys of the numbers among `terms`, in order of first occurrence. */
function numberKeys(terms: Term[]): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i < terms.length; i++) if (terms[i].kind === 'number') keys.add(terms[i].key);
  return keys;
}

/** Whether terms [from, to) hold a number (figuresDiffer is false when neither stretch does). */
function hasNumber(terms: Term[], [from, to]: [number, number]): boolean {
  for (let i = from; i < to; i++) if (terms[i].kind === 'number') return true;
  return false;
}

/** True when the two stretches do not carry the same numbers (by value and kind). */
function figuresDiffer(a: Term[], b: Term[]): boolean {
  const na = a.filter((t) => t.kind === 'number').map((t) => t.key).sort();
  const nb = b.filter((t) => t.kind === 'number').map((t) => t.key).sort();
  if (!na.length && !nb.length) return false;
  return na.join('|') !== nb.join('|');
}

/** TF-IDF cosine between the point and the passage window that is most like it. */
export function windowCosine(point: string[], passage: string[], idf: (key: string) => number): number {
  return bestWindow(point, passage, idf).score;
}

/** windowCosine, with the window it was found in: passage indices [from, to). */
function bestWindow(point: string[], passage: string[], idf: (key: string) => number): { score: number; from: number; to: number } {
  const pv = new Map<string, number>();
  for (const k of point) pv.set(k, (pv.get(k) ?? 0) + 1);
  let pNorm = 0;
  for (const [k, f] of pv) pNorm += (f * idf(k)) ** 2;
  pNorm = Math.sqrt(pNorm);
  if (pNorm === 0) return { score: 0, from: 0, to: 0 };
  // The passage's keys as small integers, each with its IDF and its count in
  // the point looked up once: a window is counted in typed arrays, not a Map
  // per window. Sums run over a window's keys in the order they first occur
  // in it, as a Map's iteration did, so the result is the same to the last bit.
  const ids = new Map<string, number>();
  const sid = new Int32Array(passage.length);
  const idfOf: number[] = [];
  const pfOf: number[] = [];
  for (let i = 0; i < passage.length; i++) {
    let id = ids.get(passage[i]);
    if (id === undefined) {
      ids.set(passage[i], (id = ids.size));
      idfOf.push(idf(passage[i]));
      pfOf.push(pv.get(passage[i]) ?? 0);
    }
    sid[i] = id;
  }
  return bestWindowOf(sid, passage.length, ids.size, idfOf, pfOf, pNorm, point.length);
}

/**
 * bestWindow over keys given as ids (key-ids.ts): the point as its terms'
 * distinct-key numbers `pLocal` (0 … `distinct` − 1, first occurrence
 * first) with their IDF `pIdf`; the passage as key ids `keys`, with
 * `keysLocal` the point's number for each (-1: not in the point). The same
 * arithmetic in the same order as bestWindow.
 */
function bestWindowOfIds(pLocal: Int32Array, pIdf: Float64Array, pLength: number, distinct: number, keys: Int32Array, keysLocal: Int32Array, idfs: Float64Array, idf: (key: string) => number): { score: number; from: number; to: number } {
  const pv = scratchPv(distinct).fill(0, 0, distinct);
  const dIdf = scratchDIdf(distinct);
  for (let i = 0; i < pLength; i++) if (pv[pLocal[i]]++ === 0) dIdf[pLocal[i]] = pIdf[i];
  let pNorm = 0;
  for (let d = 0; d < distinct; d++) pNorm += (pv[d] * dIdf[d]) ** 2;
  pNorm = Math.sqrt(pNorm);
  if (pNorm === 0) return { score: 0, from: 0, to: 0 };
  const marks = markTable();
  const sid = scratchSid(keys.length);
  const idfOf = scratchIdfOf(keys.length);
  const pfOf = scratchPfOf(keys.length);
  let n = 0;
  try {
    for (let i = 0; i < keys.length; i++) {
      let m = marks[keys[i]];
      if (m === 0) {
        marks[keys[i]] = m = n + 1;
        idfOf[n] = idfAt(idfs, keys[i], idf);
        pfOf[n] = keysLocal[i] < 0 ? 0 : pv[keysLocal[i]];
        n++;
      }
      sid[i] = m - 1;
    }
  } finally {
    for (let i = 0; i < keys.length; i++) marks[keys[i]] = 0;
  }
  return bestWindowOf(sid, keys.length, n, idfOf, pfOf, pNorm, pLength);
}

/**
 * The best window's cosine, given the passage's `length` keys as distinct
 * numbers `sid` with each one's IDF and count in the point (arrays may be longer).
 */
function bestWindowOf(sid: Int32Array, length: number, distinctKeys: number, idfOf: ArrayLike<number>, pfOf: ArrayLike<number>, pNorm: number, pointLength: number): { score: number; from: number; to: number } {
  const count = scratchCount(distinctKeys).fill(0, 0, distinctKeys);
  const order = scratchOrder(length);
  const cosine = (from: number, to: number) => {
    let distinct = 0;
    for (let i = from; i < to; i++) if (count[sid[i]]++ === 0) order[distinct++] = sid[i];
    let dot = 0;
    let wNorm = 0;
    for (let n = 0; n < distinct; n++) {
      const id = order[n];
      const x = count[id] * idfOf[id];
      count[id] = 0;
      wNorm += x * x;
      const pf = pfOf[id];
      if (pf) dot += pf * idfOf[id] * x;
    }
    return wNorm > 0 ? dot / (pNorm * Math.sqrt(wNorm)) : 0;
  };
  // A passage no longer than the window is one window, the whole passage: the loop below finds it
  // (every start clamps to 0), with the same result as a branch of its own, which was a first-seen
  // call that deoptimised the scorer.
  const width = Math.min(Math.max(2 * pointLength, 12), length);
  let best = 0;
  let bestFrom = 0;
  let last = -1;
  // Only windows that start on a shared term can be the best one. Near the end
  // every start is clamped to the last window, which is then computed once.
  for (let i = 0; i < length; i++) {
    if (!pfOf[sid[i]]) continue;
    const from = Math.min(i, length - width);
    if (from === last) continue;
    last = from;
    const c = cosine(from, from + width);
    if (c > best) {
      best = c;
      bestFrom = from;
    }
  }
  return { score: best, from: bestFrom, to: bestFrom + width };
}

/**
 * Undefined when the point has no figure or distinctive name (the part does not apply).
 * `pLocal`, `pIdf`: each point term's distinct-key number and IDF; `inPassage`: which of those the passage has.
 */
function figureShare(point: Term[], pLocal: Int32Array, pIdf: Float64Array, distinct: number, inPassage: Uint8Array, distinctiveIdf: number): number | undefined {
  // Each qualifying key once, in order of first occurrence (as a Set of them iterated).
  const counted = new Uint8Array(distinct);
  let keys = 0;
  let total = 0;
  let shared = 0;
  for (let i = 0; i < point.length; i++) {
    const t = point[i];
    const d = pLocal[i];
    if (counted[d] || !(t.kind === 'number' || (t.kind === 'entity' && pIdf[i] >= distinctiveIdf))) continue;
    counted[d] = 1;
    keys++;
    total += pIdf[i];
    if (inPassage[d]) shared += pIdf[i];
  }
  return keys ? (total > 0 ? shared / total : 0) : undefined;
}

// Per-pair tables (scratch.ts): one of each, since nothing here runs two pairs at once.
const scratchSLocal = scratchInt32();
const scratchCosineLocal = scratchInt32();
const scratchInPassage = scratchUint8();
const scratchPv = scratchInt32();
const scratchDIdf = scratchFloat64();
const scratchSid = scratchInt32();
const scratchIdfOf = scratchFloat64();
const scratchPfOf = scratchInt32();
const scratchCount = scratchInt32();
const scratchOrder = scratchInt32();

function mapParts(parts: ScoreParts, f: (x: number) => number): ScoreParts {
  return { lexical: f(parts.lexical), alignment: f(parts.alignment), phrases: f(parts.phrases), figures: f(parts.figures) };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
