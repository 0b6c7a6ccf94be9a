// Where the published text of a plan point says itself that something was left
// out: an elision marker. Such a point is partial (part of its text was never
// published here) whatever `missing:` says: ua-20's points 8 and 9 end in
// "[...]" where Sweden Herald replaced the sub-points with its own notes.

/**
 * A bracketed elision anywhere in the text: "[...]", "[…]", "(...)", "(…)",
 * and "<...>", "<…>" (the Russian and Ukrainian quoting convention, ГОСТ Р 7.0.5),
 * spaces inside allowed. Brackets say an editor cut something, wherever they stand.
 */
const BRACKETED = /[[(<]\s*(?:\.{3}|…)\s*[\])>]/u;

/**
 * An ellipsis ("…" or "...") ending the text or one of its lines (a sub-item
 * that trails off), closing quotes or brackets after it allowed. Only at a
 * line's end: inside a sentence a bare ellipsis is the author's own pause.
 */
const TRAILING = /(?:\.{3}|…)["'”’»)\]]*[ \t]*$/mu;

/**
 * True when `text` (a point with its sub-items, as the document gives it)
 * carries an elision marker: a bracketed one anywhere, or a bare ellipsis at
 * the end of the text or of one of its lines.
 */
export function hasElision(text: string): boolean {
  return BRACKETED.test(text) || TRAILING.test(text);
}
