// Term keys as small integers, for the scorer's inner loops. A whole-plan
// match at 100,000 passages scores ~12,000 (point, passage) pairs, and each
// pair used to build three or four Maps of its string keys and to look up
// the IDF of every key through a Map again (bestWindow, localAlignments,
// sharedRuns, figureShare): with keys interned to ids once per term array,
// and IDF kept per id, those become array reads.
import type { Term } from './types.js';

/** Past this many distinct keys the table starts again (a new generation) so a long-lived server cannot grow it without end. */
const MAX_KEY_IDS = 2_000_000;

const idOf = new Map<string, number>();
let keys: string[] = [];
let generation = 0;

/** The id of a key (interned on first sight). */
export function keyId(key: string): number {
  let id = idOf.get(key);
  if (id === undefined) {
    if (keys.length >= MAX_KEY_IDS) {
      idOf.clear();
      keys = [];
      generation++;
    }
    id = keys.length;
    idOf.set(key, id);
    keys.push(key);
  }
  return id;
}

/** The key of an id (the string first interned: one string object per distinct key). */
export function keyOf(id: number): string {
  return keys[id];
}

/** The current generation (see termIds). */
export function keyGeneration(): number {
  return generation;
}

/**
 * Remember `ids` (got with keyId in generation `from`) as the termIds of
 * `terms`, unless a new generation started since: for code that interns a
 * term array's keys as it builds it.
 */
export function rememberIds(terms: Term[], ids: Int32Array, from: number): void {
  if (from === generation) byTerms.set(terms, { generation, ids });
}

/** A term array's keys as ids, and (asked for across languages) its language-neutral terms. */
export interface TermIds {
  generation: number;
  ids: Int32Array;
  neutral?: NeutralTerms;
}

export interface NeutralTerms {
  terms: Term[];
  /** Index of each neutral term in the whole array. */
  index: Int32Array;
  ids: Int32Array;
}

const byTerms = new WeakMap<Term[], TermIds>();

/**
 * The ids of a term array's keys, remembered per array (an index's passages
 * and a point's terms are never mutated). When interning one array's keys
 * starts a new generation, ids of arrays got before it are stale: callers
 * that hold two compare their `generation` and ask again (see bothIds).
 */
export function termIds(terms: Term[]): TermIds {
  const known = byTerms.get(terms);
  if (known && known.generation === generation) return known;
  const before = generation;
  const ids = new Int32Array(terms.length);
  for (let i = 0; i < terms.length; i++) ids[i] = keyId(terms[i].key);
  // Interning may have started a new generation part way through: then do it again (it cannot happen twice in a row).
  if (generation !== before) return termIds(terms);
  const info: TermIds = { generation, ids };
  byTerms.set(terms, info);
  return info;
}

/** termIds of two arrays from one generation. */
export function bothIds(a: Term[], b: Term[]): [TermIds, TermIds] {
  let x = termIds(a);
  const y = termIds(b);
  if (x.generation !== y.generation) x = termIds(a);
  return [x, y];
}

/** The neutral terms of an array with termIds `info` (filter by `neutral`, in order). */
export function neutralTerms(terms: Term[], info: TermIds): NeutralTerms {
  if (info.neutral) return info.neutral;
  const kept: Term[] = [];
  const index: number[] = [];
  terms.forEach((t, i) => {
    if (t.neutral) {
      kept.push(t);
      index.push(i);
    }
  });
  const neutral = { terms: kept, index: Int32Array.from(index), ids: Int32Array.from(index, (i) => info.ids[i]) };
  info.neutral = neutral;
  return neutral;
}

/**
 * IDF by key id for one IDF function (matchPlan's holds one per match), so
 * that each key's IDF is asked once: NaN marks an id not looked up yet.
 */
const idfTables = new WeakMap<(key: string) => number, { generation: number; values: Float64Array }>();

/** The table of `idf` covering every id handed out so far. Read it with idfAt. */
export function idfTable(idf: (key: string) => number): Float64Array {
  let table = idfTables.get(idf);
  // Made and grown by one call (made on a match's first pair): a branch of its own that first ran
  // when a match's new keys outgrew the table deoptimised the scorer, which inlines this function.
  if (table === undefined || table.generation !== generation || table.values.length < keys.length) table = newIdfTable(idf, table);
  return table.values;
}

/**
 * Ids a new IDF or mark table has room for at least. A whole-plan match
 * interns the keys of the passages it scores as it goes (~35,000 for the
 * kremlin archive), and a table that grows in the middle of it deoptimised
 * the scorer the first time (the growing code had never run).
 */
const MIN_TABLE_IDS = 65_536;

/** A table for `idf` with room for twice the ids handed out so far (at least MIN_TABLE_IDS), holding what `old` has when it is of this generation. */
function newIdfTable(idf: (key: string) => number, old: { generation: number; values: Float64Array } | undefined): { generation: number; values: Float64Array } {
  const values = new Float64Array(Math.max(MIN_TABLE_IDS, keys.length * 2)).fill(NaN);
  if (old !== undefined && old.generation === generation) values.set(old.values);
  const table = { generation, values };
  idfTables.set(idf, table);
  return table;
}

/** The IDF of key `id` from a table of idfTable(idf). */
export function idfAt(values: Float64Array, id: number, idf: (key: string) => number): number {
  const v = values[id];
  if (v === v) return v;
  return (values[id] = idf(keys[id]));
}

/**
 * An all-zero Int32Array with a slot per id, for marking the keys of one
 * side of a pair; whoever marks slots sets them back to 0 before returning.
 */
let marks = new Int32Array(0);

export function markTable(): Int32Array {
  // Made on first use, with room to spare (MIN_TABLE_IDS).
  if (marks.length < keys.length || marks.length === 0) marks = new Int32Array(Math.max(MIN_TABLE_IDS, keys.length * 2));
  return marks;
}
