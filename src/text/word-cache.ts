// A memo for what the lexer derives from a word's surface form alone (its
// script language, comparison form, stop-word flag and stem): computed once
// per distinct surface form and document language, not once per token.
//
// Why: a corpus has far fewer distinct words than tokens (the kremlin archive:
// ~5 M tokens, under 100,000 distinct forms), and the stemmer was most of the
// cost of indexing a bulk file (profiled: ~25 of 59 s at 100,000 passages).
// The memo is keyed by surface form, so whatever lex.ts computes from it
// (stems today, lemmas tomorrow) is cached without this module knowing.
//
// The memo is looked up by a slice of the text (text, start, end) rather than
// by a string: the lexer then cuts no string per token, and a hit costs a hash
// of the slice's UTF-16 units and one comparison. A Map keyed by each token's
// freshly cut surface was ~15 % of indexing the kremlin archive (5.3 M lookups).

/**
 * Entries kept before the memo is emptied: bounds memory on a corpus of millions of distinct forms
 * (~65 MB: ~320 bytes a word with the slots tokenize and the term keys fill, see WordFacts in lex.ts;
 * it was 300,000 entries of ~230 bytes before those slots). The kremlin archive has under 100,000.
 */
export const MAX_WORD_ENTRIES = 200_000;

/**
 * Open addressing, linear probing: a slot's hash in an Int32Array (a probe reads
 * no string unless the hashes agree), its surface and value side by side in one
 * array (a hit then reads one more cache line, not two).
 */
class WordTable {
  hashes = new Int32Array(1024);
  /** Slot i: surface at 2i (undefined when empty), value at 2i + 1. */
  entries: unknown[] = new Array(2048).fill(undefined);
  size = 0;

  /** The slot holding text[start, end) with hash `hash`, or the empty slot where it would go. */
  slot(text: string, start: number, end: number, hash: number): number {
    const mask = this.hashes.length - 1;
    const length = end - start;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const surface = this.entries[2 * i] as string | undefined;
      if (surface === undefined) return i;
      if (this.hashes[i] !== hash || surface.length !== length) continue;
      let k = 0;
      while (k < length && surface.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === length) return i;
    }
  }

  has(slot: number): boolean {
    return this.entries[2 * slot] !== undefined;
  }

  value(slot: number): unknown {
    return this.entries[2 * slot + 1];
  }

  add(slot: number, surface: string, hash: number, value: unknown): void {
    this.hashes[slot] = hash;
    this.entries[2 * slot] = surface;
    this.entries[2 * slot + 1] = value;
    // Kept at most half full, so a miss ends on an empty slot within a probe or two.
    if (++this.size * 2 > this.hashes.length) this.grow();
  }

  private grow(): void {
    const { hashes, entries } = this;
    const capacity = hashes.length * 2;
    this.hashes = new Int32Array(capacity);
    this.entries = new Array(2 * capacity).fill(undefined);
    const mask = capacity - 1;
    for (let i = 0; i < hashes.length; i++) {
      if (entries[2 * i] === undefined) continue;
      let j = hashes[i] & mask;
      while (this.entries[2 * j] !== undefined) j = (j + 1) & mask;
      this.hashes[j] = hashes[i];
      this.entries[2 * j] = entries[2 * i];
      this.entries[2 * j + 1] = entries[2 * i + 1];
    }
  }
}

/** Per document language, a table of surface forms. */
const memo = new Map<string, WordTable>();
let entries = 0;
/** The table last used and its language: a passage's words are looked up one after another in one table, and a Map lookup per token was ~2 % of a pass. */
let lastLang: string | undefined;
let lastTable: WordTable | undefined;

/** FNV-1a over the UTF-16 units of text[start, end) (32 bits). */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * `compute(surface, docLang)` for the surface form `text.slice(start, end)` and
 * this document language, computed on first sight and remembered (the slice is
 * cut only then). `compute` must depend on nothing else (it is passed, not a
 * closure, so no function is allocated per token).
 */
export function byWordAt<L extends string, T>(docLang: L, text: string, start: number, end: number, compute: (surface: string, docLang: L) => T): T {
  let table = docLang === lastLang ? lastTable : memo.get(docLang);
  if (!table) memo.set(docLang, (table = new WordTable()));
  lastLang = docLang;
  lastTable = table;
  const hash = hashOf(text, start, end);
  const slot = table.slot(text, start, end, hash);
  if (table.has(slot)) return table.value(slot) as T;
  const surface = text.slice(start, end);
  const value = compute(surface, docLang);
  if (++entries > MAX_WORD_ENTRIES) {
    memo.clear();
    entries = 1;
  }
  // compute may have lexed other text (the glossary's forms, on first use), so the table and slot are looked up again.
  let current = memo.get(docLang);
  if (!current) memo.set(docLang, (current = new WordTable()));
  lastLang = docLang;
  lastTable = current;
  current.add(current.slot(text, start, end, hash), surface, hash, value);
  return value;
}

/** byWordAt for a whole string. */
export function byWord<L extends string, T>(docLang: L, surface: string, compute: (surface: string, docLang: L) => T): T {
  return byWordAt(docLang, surface, 0, surface.length, compute);
}
