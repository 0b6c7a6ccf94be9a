// Figures in context: a number matches another only when the value AND the
// kind of quantity agree. "600,000 personnel" (an army cap) and "600,000
// people" on a page about jobs are the same value but not the same figure;
// "at least 50 kilometers" and "at least 15 kilometers" are the same kind but
// not the same value (a changed figure, never a match).
//
// The kind is judged from the terms around the number, so it works on the
// stored term sequences of an index (no text needed) and across languages
// (glossary concepts: "600 тыс. человек" next to "вооруженных сил" is military
// like "600,000 personnel" next to "Armed Forces"):
//   1. the unit the text gives the number (`n:30:days` → time);
//   2. a four-digit integer 1900–2100 with no unit → a year (a date, not a count);
//   3. else the nearest kind word within WINDOW terms on either side
//      (military before people: "limited to 600,000 people" in a sentence
//      about the Armed Forces is an army size);
//   4. else `count`.
import type { Term } from './types.js';

export type FigureKind = 'military' | 'people' | 'weapons' | 'distance' | 'time' | 'money' | 'percent' | 'year' | 'count';

/** Terms looked at on each side of a number. */
export const WINDOW = 5;

// Term-key prefixes per kind (English Porter stems, glossary concepts, Russian stems).
const KIND_WORDS: [FigureKind, RegExp][] = [
  ['military', /^(c:armed-forces|c:forces|w:troop|w:soldier|w:servicemen|w:armi|w:militari|w:brigad|w:battalion|ru:арм|ru:войск|ru:военнослуж)/],
  ['weapons', /^(w:tank|w:fighter|w:aircraft|w:jet|w:missil|w:warhead|w:launcher|w:gun|w:helicopt|ru:танк|ru:истребител|ru:ракет)/],
  ['money', /^(c:dollar|c:billion|w:euro|w:rubl|w:dollar|w:fund|w:asset|w:invest|w:budget|w:reserv|ru:рубл|ru:евро|ru:доллар)/],
  ['distance', /^(w:kilomet|w:km|w:mile|w:metr|w:meter|ru:километр|ru:км)/],
  ['time', /^(w:day|w:year|w:month|w:hour|w:week|ru:дн|ru:лет|ru:год|ru:месяц|ru:час)/],
  ['percent', /^(c:percent|w:percent|w:per)$/],
  ['people', /^(c:personnel|w:peopl|w:person|w:children|w:child|w:prison|w:civilian|w:resid|w:refuge|w:citizen|w:hostag|ru:человек|ru:дет|ru:пленн|ru:гражд)/],
];

const UNIT_KIND: Record<string, FigureKind> = {
  days: 'time', day: 'time', years: 'time', year: 'time', months: 'time', month: 'time', hours: 'time', weeks: 'time',
  km: 'distance', kilometers: 'distance', kilometres: 'distance', miles: 'distance', metres: 'distance', meters: 'distance',
  percent: 'percent', '%': 'percent', usd: 'money', eur: 'money', dollars: 'money', euros: 'money', rubles: 'money',
};

/** The kind of quantity of the number at `i` in `terms` (see the header for the rule). */
export function figureKind(terms: Term[], i: number): FigureKind {
  const t = terms[i];
  const [, value, unit] = t.key.split(':');
  // `persons` (personnel, people, troops) says a head count; the words around say whose.
  if (unit && unit !== 'persons') return UNIT_KIND[unit.toLowerCase()] ?? unitKind(unit.toLowerCase());
  if (!unit && /^\d{4}$/.test(value) && Number(value) >= 1900 && Number(value) <= 2100) return 'year';
  let best: { kind: FigureKind; distance: number; order: number } | undefined;
  for (let d = 1; d <= WINDOW; d++) {
    for (const j of [i + d, i - d]) {
      if (j < 0 || j >= terms.length || terms[j].kind === 'number') continue;
      const order = KIND_WORDS.findIndex(([, re]) => re.test(terms[j].key));
      if (order < 0) continue;
      if (!best || d < best.distance || (d === best.distance && order < best.order)) best = { kind: KIND_WORDS[order][0], distance: d, order };
    }
  }
  // Military context anywhere in the window wins over a nearer "people" ("limited to 600,000 people").
  if (best?.kind === 'people') {
    for (let j = Math.max(0, i - WINDOW * 2); j < Math.min(terms.length, i + WINDOW * 2 + 1); j++) if (KIND_WORDS[0][1].test(terms[j].key)) return 'military';
  }
  return best?.kind ?? (unit === 'persons' ? 'people' : 'count');
}

function unitKind(unit: string): FigureKind {
  if (/^(day|year|month|hour|week|дн|лет|год|месяц|час)/.test(unit)) return 'time';
  if (/^(km|kilomet|mile|metr|meter|километр)/.test(unit)) return 'distance';
  if (/^(percent|процент|%)/.test(unit)) return 'percent';
  if (/^(dollar|usd|euro|eur|rub|руб|доллар|евро)/.test(unit)) return 'money';
  return 'count';
}

/** Separator between a number's value key and its kind in a contextual key. */
export const KIND_SEPARATOR = '#';

/**
 * The terms with each number's key extended by its kind (`n:600000#military`),
 * so that a plain key comparison matches value and kind together. Other terms
 * are returned as they are (same objects).
 */
export function contextualTerms(terms: Term[]): Term[] {
  if (!terms.some((t) => t.kind === 'number')) return terms;
  // The scorer and the ranker's features ask for the same passage's terms once
  // per point: remembered per term array (an index's passages are not mutated).
  const known = contextual.get(terms);
  if (known) return known;
  // Pushed into a packed array, and each new term a literal of Term's own shape: `map` makes a
  // holey array and a spread copy another hidden class, so the scorer's loops, which see the
  // tokeniser's and the index's packed arrays of terms, were deoptimised and compiled again.
  const out: Term[] = [];
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    out.push(t.kind === 'number' ? { key: `${t.key}${KIND_SEPARATOR}${figureKind(terms, i)}`, start: t.start, end: t.end, kind: t.kind, neutral: t.neutral } : t);
  }
  contextual.set(terms, out);
  return out;
}

const contextual = new WeakMap<Term[], Term[]>();

/** The key without its figure kind (what the index's IDF knows). */
export function baseKey(key: string): string {
  const i = key.indexOf(KIND_SEPARATOR);
  return i < 0 ? key : key.slice(0, i);
}

/**
 * The IDF under a number's plain key (what the index knows), one function
 * per IDF function: key-ids.ts keeps its IDF table per function, and a new
 * wrapper per pair would start a new table each time.
 */
const kindIdfs = new WeakMap<(key: string) => number, (key: string) => number>();

export function kindIdf(rawIdf: (key: string) => number): (key: string) => number {
  let idf = kindIdfs.get(rawIdf);
  if (!idf) kindIdfs.set(rawIdf, (idf = (key: string) => rawIdf(baseKey(key))));
  return idf;
}

/** Value part of a number key, without unit and kind: `n:600000:days#time` → `600000`. */
export function figureValue(key: string): string {
  return baseKey(key).split(':')[1];
}

/** The kind part of a contextual number key. */
export function keyKind(key: string): string | undefined {
  const i = key.indexOf(KIND_SEPARATOR);
  return i < 0 ? undefined : key.slice(i + 1);
}
