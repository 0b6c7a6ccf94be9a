// A memo for what the lexer derives from a word's surface form alone (its
// script language, comparison form, stop-word flag and stem): computed once
// per distinct surface form and document language, not once per token.
//
// Why: a corpus has far fewer distinct words than tokens (the kremlin archive:
// ~5 M tokens, under 100,000 distinct forms), and the stemmer was most of the
// cost of indexing a bulk file (profiled: ~25 of 59 s at 100,000 passages).
// The memo is keyed by surface form, so whatever lex.ts computes from it
// (stems today, lemmas tomorrow) is cached without this module knowing.

/** Entries kept before the memo is emptied: bounds memory on a corpus of millions of distinct forms (~60 MB). */
export const MAX_WORD_ENTRIES = 300_000;

/** Per document language, surface form → value (nested maps: no key string is built per token). */
const memo = new Map<string, Map<string, unknown>>();
let entries = 0;

/**
 * `compute(surface, docLang)` for this surface form and document language,
 * computed on first sight and remembered. `compute` must depend on nothing
 * else (it is passed, not a closure, so no function is allocated per token).
 */
export function byWord<L extends string, T>(docLang: L, surface: string, compute: (surface: string, docLang: L) => T): T {
  let forms = memo.get(docLang);
  if (!forms) memo.set(docLang, (forms = new Map()));
  const hit = forms.get(surface);
  if (hit !== undefined) return hit as T;
  const value = compute(surface, docLang);
  if (++entries > MAX_WORD_ENTRIES) {
    memo.clear();
    entries = 1;
    memo.set(docLang, (forms = new Map()));
  }
  forms.set(surface, value);
  return value;
}
