// A list marker at the start of a line: "10. ", "- ", "- a. ", "a) ", "• ", "1) ".
// It is layout, not wording: its number is numbering, not a figure, so it is not
// a provenance term (provenance/terms.ts), and a sub-item marked "a) " in one
// rendering and "- " in another is not a rewording (align/align.ts).
export const LIST_MARKER = /^[ \t]*(?:\d{1,3}[.)][ \t]+|[-–•*][ \t]+(?:[a-zа-я][.)][ \t]+)?|[a-zа-я]\)[ \t]+)/gimu;

/** LIST_MARKER without the g flag, for a test: most passages have no list marker, and matchAll copies its regex per call. */
const HAS_LIST_MARKER = new RegExp(LIST_MARKER.source, LIST_MARKER.flags.replace('g', ''));

/** Character ranges [start, end) of the list markers in `text` (UTF-16 offsets into it). */
export function listMarkers(text: string): [number, number][] {
  const out: [number, number][] = [];
  if (!HAS_LIST_MARKER.test(text)) return out;
  for (const m of text.matchAll(LIST_MARKER)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}

/** `text` without its list markers (each with the spaces before it), for comparing wording. */
export function withoutListMarkers(text: string): string {
  return HAS_LIST_MARKER.test(text) ? text.replace(LIST_MARKER, '') : text;
}
