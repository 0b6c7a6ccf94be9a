// Word-level differences between two readings of a point, plus the figures and
// entities that changed, listed on their own so "600,000 → 800,000" is not
// buried in a word diff. jsdiff does the diffing (Myers); we only bound it and
// fold typography and case first, so curly vs straight quotes or a capital
// letter are not reported as changes.
import { diffArrays } from 'diff';
import { figures, loadGlossary, tokenize, type Figure, type Token } from '../text/index.js';
import { fold } from '../text/fold.js';
import { canonicalNumber, CURRENCY_CODES } from '../text/numbers.js';
import { lexTokens } from '../text/lex.js';
import { nameKey } from '../text/names.js';
import { translationLink } from '../text/lexicon/index.js';
import { polarityChanges } from '../text/polarity.js';

/** Diff bounds: beyond this many word edits, or this many milliseconds, the diff is cut short. */
export const MAX_EDIT_LENGTH = 400;
export const DIFF_TIMEOUT_MS = 200;
/**
 * Point texts longer than this are not tokenised for a diff at all (the longest
 * real point has 673 characters; a pasted one-point draft can have 256 kB, and
 * tokenising it again for every linked point took seconds): the diff is then
 * reported truncated, and figures and names are compared on this prefix.
 */
export const MAX_DIFF_CHARS = 20_000;

export interface DiffPart {
  op: '=' | '-' | '+';
  text: string;
  /** Offsets of this part in the point text of A ('=' and '-') and of B ('=' and '+'). */
  a?: [number, number];
  b?: [number, number];
  /** The same as `a` and `b`, as offsets into the whole document text (UTF-16 units); set by the aligner. */
  aDocSpan?: [number, number];
  bDocSpan?: [number, number];
  /** In `align --format json` only (cli/raw-offsets.ts): the words aDocSpan and bDocSpan slice, each of its own side ("=" parts' `text` is B's). */
  aText?: string;
  bText?: string;
}

export interface WordDiff {
  parts: DiffPart[];
  /** True when the bound was hit: `parts` is then the whole of A removed and the whole of B added. */
  truncated: boolean;
}

/**
 * The comparison form of a piece: the text layer's fold (NFC, no invisible
 * characters, any space-like run one space, full-width forms, LF), then
 * typographic quotes, dashes and ё, so none of these shows as a change.
 * Offsets stay those of the input (pieces keep their own spans).
 */
function foldChars(s: string): string {
  return fold(s)
    .replace(/\s+/g, ' ')
    .replace(/[\u2018\u2019\u201a\u201b\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .replace(/ё/g, 'е')
    .replace(/Ё/g, 'Е');
}

interface Piece {
  text: string;
  start: number;
  key: string;
}

/** The text cut into tokens of the text layer and the stretches between them. */
function pieces(text: string, language: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  const push = (start: number, end: number) => out.push({ text: text.slice(start, end), start, key: foldChars(text.slice(start, end)).toLowerCase() });
  for (const t of lexTokens(text, language)) {
    if (t.start > at) push(at, t.start);
    push(t.start, t.end);
    at = t.end;
  }
  if (at < text.length) push(at, text.length);
  // A stretch of nothing but invisible characters (a BOM before the first word)
  // is part of the next piece, or of the last one: it is never a piece of its own.
  const merged: Piece[] = [];
  let carry: Piece | undefined;
  for (const p of out) {
    if (p.key === '') {
      carry = carry ? { ...carry, text: carry.text + p.text } : p;
      continue;
    }
    if (carry) {
      merged.push({ text: carry.text + p.text, start: carry.start, key: p.key });
      carry = undefined;
    } else merged.push(p);
  }
  if (carry) {
    const last = merged.pop();
    merged.push(last ? { ...last, text: last.text + carry.text } : carry);
  }
  return merged;
}

/**
 * Word diff of `a` into `b`. The words are the text layer's tokens, so a
 * figure such as "600,000" or "600 тыс." is one word and changes as a whole.
 */
export function wordDiff(a: string, b: string, language = 'en'): WordDiff {
  if (a.length > MAX_DIFF_CHARS || b.length > MAX_DIFF_CHARS) {
    return { truncated: true, parts: [{ op: '-', text: a, a: [0, a.length] }, { op: '+', text: b, b: [0, b.length] }] };
  }
  const pa = pieces(a, language);
  const pb = pieces(b, language);
  const changes = diffArrays(pa, pb, {
    comparator: (x: Piece, y: Piece) => x.key === y.key,
    maxEditLength: MAX_EDIT_LENGTH,
    timeout: DIFF_TIMEOUT_MS,
  });
  if (!changes) {
    return { truncated: true, parts: [{ op: '-', text: a, a: [0, a.length] }, { op: '+', text: b, b: [0, b.length] }] };
  }
  // Offsets of a run of pieces [from, from + n) in its text.
  const spanOf = (list: Piece[], from: number, n: number): [number, number] => {
    const first = list[from];
    const last = list[from + n - 1];
    return [first.start, last.start + last.text.length];
  };
  const parts: DiffPart[] = [];
  let ka = 0;
  let kb = 0;
  for (const c of changes) {
    const n = c.value.length;
    if (!n) continue;
    if (c.added) {
      const sb = spanOf(pb, kb, n);
      parts.push({ op: '+', text: b.slice(...sb), b: sb });
      kb += n;
    } else if (c.removed) {
      const sa = spanOf(pa, ka, n);
      parts.push({ op: '-', text: a.slice(...sa), a: sa });
      ka += n;
    } else {
      // Equal runs may differ in typography (’ vs '); the text shown is B's.
      const sa = spanOf(pa, ka, n);
      const sb = spanOf(pb, kb, n);
      parts.push({ op: '=', text: b.slice(...sb), a: sa, b: sb });
      ka += n;
      kb += n;
    }
  }
  return { truncated: false, parts: tidy(parts, a, b) };
}

/**
 * Like jsdiff's own word-diff clean-up: a lone space between two changes is
 * part of the change, and within a run of changes all of A's text comes out as
 * one removal and all of B's as one addition ("-Ukrainian Armed Forces will
 * +military to", not six alternating fragments).
 */
function tidy(parts: DiffPart[], a: string, b: string): DiffPart[] {
  const isGap = (i: number) => parts[i].op === '=' && /^\s+$/.test(fold(parts[i].text)) && i > 0 && i < parts.length - 1 && parts[i - 1].op !== '=' && parts[i + 1].op !== '=';
  const out: DiffPart[] = [];
  let removed: [number, number] | undefined;
  let added: [number, number] | undefined;
  const flush = () => {
    if (removed) out.push({ op: '-', text: a.slice(...removed), a: removed });
    if (added) out.push({ op: '+', text: b.slice(...added), b: added });
    removed = added = undefined;
  };
  parts.forEach((p, i) => {
    if (p.op === '=' && !isGap(i)) {
      flush();
      out.push(p);
      return;
    }
    if (p.a) removed = removed ? [removed[0], p.a[1]] : [...p.a];
    if (p.b) added = added ? [added[0], p.b[1]] : [...p.b];
  });
  flush();
  return out;
}

export interface Change {
  /** polarity: one reading negates what the other affirms ("join" → "not join"); a and b quote both. */
  kind: 'figure' | 'entity' | 'polarity';
  /** The reading in A (null when only B has it). */
  a: string | null;
  b: string | null;
  /** Offsets of the reading in the point text of A and of B. */
  aSpan?: [number, number];
  bSpan?: [number, number];
  /** The same as `aSpan` and `bSpan`, as offsets into the whole document text (UTF-16 units); set by the aligner. */
  aDocSpan?: [number, number];
  bDocSpan?: [number, number];
  unit?: string;
}

/**
 * One figure however written: the same value ("600 тыс." = "600,000", "two-thirds" = "2/3"), or a
 * fraction and the same share as a percentage ("half of the profits" = "50 percent of the
 * profits", "a third" = "33⅓%"; "a third" ≠ "33%"). Values are compared to 12 significant digits
 * (canonicalNumber), so 2/3 × 100 equals 200/3 and nothing rounder.
 */
export function sameFigure(x: Figure, y: Figure): boolean {
  if (x.value === y.value) return true;
  const share = (f: Figure, p: Figure) => f.fraction === true && p.unit === '%' && canonicalNumber(f.value * 100) === canonicalNumber(p.value);
  return share(x, y) || share(y, x);
}

/**
 * Figures compared by value (so "600 тыс." = "600,000"), entities by glossary
 * concept or transliteration (so "НАТО" = "NATO"). A figure only A has is
 * paired with one only B has (same unit first, then in order): a replaced
 * figure reads `{ a: "600,000", b: "800,000" }`. Entities are listed unpaired.
 */
export function changedFiguresAndEntities(a: string, langA: string, b: string, langB: string): Change[] {
  // Prefixes keep every span valid for the full texts (see MAX_DIFF_CHARS).
  a = a.slice(0, MAX_DIFF_CHARS);
  b = b.slice(0, MAX_DIFF_CHARS);
  const out: Change[] = [];
  const glossary = loadGlossary();
  const cache = new Map<string, Token[]>();
  const tokens = (text: string, lang: string) => {
    const key = `${lang}\u0000${text}`;
    if (!cache.has(key)) cache.set(key, tokenize(text, lang));
    return cache.get(key)!;
  };
  // A number inside a glossary phrase ("Article 5") is a name, not a figure.
  const inPhrase = (text: string, lang: string) => new Set(tokens(text, lang).filter((t) => t.kind === 'number' && t.concept).map((t) => t.start));
  const namedA = inPhrase(a, langA);
  const namedB = inPhrase(b, langB);
  const fa = figures(a, langA).filter((f) => !namedA.has(f.start));
  const fb = figures(b, langB).filter((f) => !namedB.has(f.start));
  const onlyA = fa.filter((x) => !fb.some((y) => sameFigure(x, y)));
  const onlyB = fb.filter((y) => !fa.some((x) => sameFigure(x, y)));
  // Pair a removed figure with an added one of the same unit first, then by order.
  const freeB = [...onlyB];
  for (const x of onlyA) {
    let k = freeB.findIndex((y) => y.unit && y.unit === x.unit);
    if (k < 0) k = freeB.findIndex((y) => !y.unit || !x.unit);
    const y = k >= 0 ? freeB.splice(k, 1)[0] : undefined;
    out.push({ kind: 'figure', a: x.text, b: y?.text ?? null, aSpan: [x.start, x.end], ...(y ? { bSpan: [y.start, y.end] as [number, number] } : {}), ...(x.unit || y?.unit ? { unit: x.unit ?? y?.unit } : {}) });
  }
  for (const y of freeB) out.push({ kind: 'figure', a: null, b: y.text, bSpan: [y.start, y.end], ...(y.unit ? { unit: y.unit } : {}) });

  const entities = (text: string, lang: string) => {
    const seen = new Map<string, { text: string; start: number; end: number }>();
    let last: { key: string; end: number; span: { text: string; start: number; end: number } } | undefined;
    const all = tokens(text, lang);
    for (const [i, t] of all.entries()) {
      // A hyphenated compound of names ("Ukrainian-Russian", "украинско-российской") is each of its names.
      if (t.parts?.length) {
        for (const concept of t.parts) if (!seen.has(concept)) seen.set(concept, { text: t.text, start: t.start, end: t.end });
        last = undefined;
        continue;
      }
      // Names only: glossary places, bodies and people, or capitalised words the
      // glossary does not know. "Armed Forces" is a term, even when capitalised.
      const type = t.concept ? glossary.byConcept.get(t.concept)?.type : undefined;
      if (t.kind !== 'entity' || type === 'term') continue;
      // A currency code ("EUR 200 billion") is part of a figure's unit, not a name.
      if (CURRENCY_CODES[t.norm]) continue;
      // So is the country of a currency: "US$100 billion", "100 billion US dollars".
      if (currencyCountry(t, all[i + 1], text)) continue;
      const key = t.concept ?? nameKey(t.stem);
      // Consecutive tokens of one concept ("United States", "St. Petersburg") are one entity.
      if (last && last.key === key && /^[\s.]*$/.test(fold(text.slice(last.end, t.start)))) {
        last.span.end = t.end;
        last.span.text = text.slice(last.span.start, t.end);
        last.end = t.end;
        continue;
      }
      const span = { text: t.text, start: t.start, end: t.end };
      last = { key, end: t.end, span };
      if (!seen.has(key)) seen.set(key, span);
    }
    return seen;
  };
  const ea = entities(a, langA);
  const eb = entities(b, langB);
  let goneA = [...ea].filter(([k]) => !eb.has(k)).map(([, v]) => v);
  let newB = [...eb].filter(([k]) => !ea.has(k)).map(([, v]) => v);
  // A name and its abbreviation ("International Atomic Energy Agency" / "IAEA") are one name.
  [goneA, newB] = dropAbbreviations(goneA, tokens(a, langA), newB, tokens(b, langB));
  // Entities are not paired: "Europe" dropped and "NATO" added are two facts,
  // and calling one the replacement of the other would be a guess.
  for (const x of goneA) out.push({ kind: 'entity', a: x.text, b: null, aSpan: [x.start, x.end] });
  for (const y of newB) out.push({ kind: 'entity', a: null, b: y.text, bSpan: [y.start, y.end] });
  out.push(...polarityChanges(a, tokens(a, langA), b, tokens(b, langB), langA === langB, langA === langB ? undefined : translationLink()));
  return out;
}

type Named = { text: string; start: number; end: number };

/** Country names that qualify a currency right after them ("US dollars", "US$", "U.S. dollar"). */
const CURRENCY_COUNTRIES = new Set(['us', 'u.s', 'usa']);

/** True when `t` names the country of the currency that follows it: "US" before "dollars" or glued to "$100". */
function currencyCountry(t: Token, next: Token | undefined, text: string): boolean {
  if (!next || !CURRENCY_COUNTRIES.has(t.norm.replace(/\.$/, ''))) return false;
  if (next.kind === 'number') return next.start === t.end && /^[$]/.test(next.text);
  return /^[\s]*$/.test(text.slice(t.end, next.start)) && /^dollar/.test(next.norm);
}

/**
 * Unmatched names on both sides, less each acronym (2+ capitals) that spells
 * the initials of a run of capitalised words on the other side (function
 * words inside the run skipped: "Armed Forces of Ukraine" → AFU), and less
 * the names inside that run.
 */
function dropAbbreviations(gone: Named[], ta: Token[], added: Named[], tb: Token[]): [Named[], Named[]] {
  const covered = (acr: Named, other: Token[]): [number, number] | undefined => {
    const letters = fold(acr.text).replace(/[.\s]/g, '');
    if (letters.length < 2 || letters !== letters.toUpperCase() || letters === letters.toLowerCase()) return undefined;
    const want = [...letters.toUpperCase()];
    for (let i = 0; i < other.length; i++) {
      let k = 0;
      let j = i;
      let end = -1;
      while (j < other.length && k < want.length) {
        const t = other[j];
        const surface = fold(t.text);
        if (/^\p{Lu}/u.test(surface) && surface[0].toUpperCase() === want[k]) {
          k++;
          end = t.end;
        } else if (!(t.stop && k > 0)) break;
        j++;
      }
      if (k === want.length) return [other[i].start, end];
    }
    return undefined;
  };
  const inRun = (n: Named, runs: [number, number][]) => runs.some(([s, e]) => n.start >= s && n.end <= e);
  const runsB = gone.map((x) => covered(x, tb)).filter((r): r is [number, number] => Boolean(r));
  const runsA = added.map((y) => covered(y, ta)).filter((r): r is [number, number] => Boolean(r));
  return [
    gone.filter((x) => !covered(x, tb) && !inRun(x, runsA)),
    added.filter((y) => !covered(y, ta) && !inRun(y, runsB)),
  ];
}
