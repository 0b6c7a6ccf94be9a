// A fixed list of English function words, chosen before looking at the
// reference sets: articles, prepositions, conjunctions, pronouns, auxiliaries
// and modals, quantifiers and common adverbial connectors, as in the lists of
// the translationese literature (Koppel & Ordan 2011; Volansky, Ordan &
// Wintner 2015 use a few hundred; this is the most frequent part of them).
// No content word is on it, so a topic cannot move these counts.

export const FUNCTION_WORD_LIST: readonly string[] = `
the a an
of to in on at by for with from into about between against through during under without within upon towards
and or but nor
that which who whom whose what where how why
this these those
it its we our us they their them he his she her i my you your
is are was were be been being
have has had do does did
will would shall should can could may might must
not no
all any each every both such other some many more most only same own
also very so as than then there here just even still
if when while because since although though whether
however therefore thus
`
  .split(/\s+/)
  .filter(Boolean);

export const FUNCTION_WORDS: ReadonlySet<string> = new Set(FUNCTION_WORD_LIST);
