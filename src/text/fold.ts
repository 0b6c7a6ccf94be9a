// The one folding every comparison sees, with a map back into the user's text.
//
// What users paste differs from what they mean in ways no reader sees:
// invisible format characters (soft hyphen, zero-width space/joiner/non-joiner,
// word joiner, BOM, bidi marks, embeddings and isolates, variation selectors,
// the Mongolian vowel separator: Unicode's Default_Ignorable_Code_Point and
// general category Cf), Unicode form (NFD from macOS file names or PDFs vs
// NFC), space-like characters (Zs: no-break, thin, narrow, figure,
// ideographic … and the tab), runs of spaces, full-width letters and digits
// (NFKC), and line ends (CRLF, CR, U+2028/9). `foldText` removes all of these
// differences, and keeps for every folded UTF-16 unit the range of the
// original it came from, so a span found in the folded text is reported as a
// span of the text the user gave.

export interface Folded {
  /** The folded text. */
  text: string;
  /** For folded unit i: start of its source range in the original (length text.length + 1; the last entry is the original's length). */
  starts: number[];
  /** For folded unit i: end of its source range in the original. */
  ends: number[];
  /** The original text. */
  original: string;
}

/** Invisible characters that carry no letters: removed. Line ends are not among them. */
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cf}]$/u;
/** Space-like characters (Zs and tab): one ASCII space. */
const SPACE = /^[\p{Zs}\t]$/u;
/** Compatibility forms folded by NFKC: half-/full-width forms, Latin ligatures, mathematical alphanumerics. */
const COMPAT = /[\uff00-\uffef\ufb00-\ufb06\u{1d400}-\u{1d7ff}]/u;
/** A base character with its combining marks (one NFC unit of work), a CRLF, or any other code point. */
const CLUSTER = /\r\n|\P{M}\p{M}*|\p{M}+/gsu;

/**
 * Fold `original` for matching (see the header). Offsets are UTF-16 units.
 * Folding never merges across a line end, and never removes a letter, digit
 * or punctuation mark: only invisible characters and surplus spaces go.
 */
export function foldText(original: string): Folded {
  // Pass 1: drop invisible characters, keeping each kept unit's source range,
  // so that a letter and its combining mark compose even with a joiner between.
  let clean = '';
  const cStart: number[] = [];
  const cEnd: number[] = [];
  for (const m of original.matchAll(/[\s\S]/gu)) {
    const ch = m[0];
    if (INVISIBLE.test(ch)) continue;
    for (let k = 0; k < ch.length; k++) {
      cStart.push(m.index!);
      cEnd.push(m.index! + ch.length);
    }
    clean += ch;
  }
  // Pass 2: one cluster (a base with its marks, or a CRLF) at a time.
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (s: string, from: number, to: number) => {
    for (let k = 0; k < s.length; k++) {
      starts.push(from);
      ends.push(to);
    }
    text += s;
  };
  for (const m of clean.matchAll(CLUSTER)) {
    const chunk = m[0];
    const from = cStart[m.index!];
    const to = cEnd[m.index! + chunk.length - 1];
    if (chunk === '\r\n' || chunk === '\r' || chunk === '\u2028' || chunk === '\u2029' || chunk === '\u0085') {
      emit('\n', from, to);
      continue;
    }
    if (SPACE.test(chunk)) {
      // Runs of spaces are one space; the original range of the run is kept.
      if (text.endsWith(' ')) {
        ends[ends.length - 1] = to;
        continue;
      }
      emit(' ', from, to);
      continue;
    }
    let out = chunk.normalize('NFC');
    if (COMPAT.test(out)) out = out.normalize('NFKC');
    emit(out, from, to);
  }
  starts.push(original.length);
  ends.push(original.length);
  return { text, starts, ends, original };
}

/** The original span of the folded span [start, end) (an empty span maps to an empty span). */
export function originalSpan(f: Folded, start: number, end: number): [number, number] {
  const s = f.starts[start];
  if (end <= start) return [s, s];
  return [s, f.ends[end - 1]];
}

/** Just the folded text, for comparisons that need no offsets. */
export function fold(text: string): string {
  return foldText(text).text;
}

/**
 * A map from a copy with LF line ends and no BOM (what the loader keeps) back
 * to the raw text as read from disk: `rawOffset(lfOffset)`. Throws nothing; an
 * offset past the end maps to the raw length.
 */
export function lineEndMap(raw: string): { text: string; toRaw: (offset: number) => number } {
  const bom = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  const at: number[] = [];
  let text = '';
  for (let i = bom; i < raw.length; i++) {
    if (raw[i] === '\r') {
      at.push(i);
      text += '\n';
      if (raw[i + 1] === '\n') i++;
      continue;
    }
    at.push(i);
    text += raw[i];
  }
  at.push(raw.length);
  return { text, toRaw: (offset: number) => at[Math.min(Math.max(offset, 0), at.length - 1)] };
}
