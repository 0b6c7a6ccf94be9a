// The one folding every comparison sees, with a map back into the user's text.
//
// What users paste differs from what they mean in ways no reader sees:
// invisible format characters (soft hyphen, zero-width space/joiner/non-joiner,
// word joiner, BOM, bidi marks, embeddings and isolates, variation selectors,
// the Mongolian vowel separator: Unicode's Default_Ignorable_Code_Point and
// general category Cf), Unicode form (NFD from macOS file names or PDFs vs
// NFC), space-like characters (Zs: no-break, thin, narrow, figure,
// ideographic … and the tab), runs of spaces, full-width letters and digits
// (NFKC), Latin/Cyrillic look-alike letters inside a word of the other script
// ("Укрaина" with a Latin a), stress marks on Cyrillic vowels ("Росси́я"), and line ends (CRLF, CR, U+2028/9). `foldText` removes all of these
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
  /** True when the fold is the text itself (every unit maps to itself): originalSpan then needs no table. */
  identity?: boolean;
}

/** Invisible characters that carry no letters: removed. Line ends are not among them. */
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cf}]$/u;
/** Space-like characters (Zs and tab): one ASCII space. */
const SPACE = /^[\p{Zs}\t]$/u;
/**
 * Compatibility forms folded by NFKC: half-/full-width forms, Latin ligatures, mathematical
 * alphanumerics, Roman numerals ("Ⅻ" = "XII"), the Latin digraph letters ("ǆ" = "dž", "Ĳ" = "IJ",
 * "ŀ", "ŉ") and the long s ("ſ" = "s").
 */
const COMPAT = /[\uff00-\uffef\ufb00-\ufb06\u{1d400}-\u{1d7ff}\u2160-\u217f\u01c4-\u01cc\u01f1-\u01f3\u0132\u0133\u013f\u0140\u0149\u017f]/u;
const COMPAT_ALL = new RegExp(COMPAT.source, 'gu');
/**
 * Superscript and subscript digits: a figure typeset raised ("³⁰ years") when a run of them
 * stands after a space, a line end or at the start, and folded to digits (NFKC) there. After a
 * letter, digit or punctuation they are footnote marks ("Europe¹"), exponents ("10⁹") or
 * formulae ("CO₂") and are kept as they are: folding "10⁹" to "109" would change a value.
 */
const RAISED_DIGIT = /^[\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089]$/u;
const RAISED_RUN = /(^|[ \n])([\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089]+)/gu;
/** Raised ordinal letters after a digit ("1ˢᵗ", "2ⁿᵈ", "3ʳᵈ", "4ᵗʰ"): folded to "st", "nd", "rd", "th". */
const RAISED_ORDINAL = /^[\u02e2\u1d57\u207f\u1d48\u02b3\u02b0]$/u;
const RAISED_ORDINAL_RUN = /(\d)([\u02e2\u1d57\u207f\u1d48\u02b3\u02b0]+)/gu;
/** A character that folding may change or remove (see foldText's fast path); ' ' is the only Zs kept as is. */
const MAY_FOLD = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{M}\t\r\u2028\u2029\u0085\uff00-\uffef\ufb00-\ufb06\u2160-\u217f\u01c4-\u01cc\u01f1-\u01f3\u0132\u0133\u013f\u0140\u0149\u017f\u{10000}-\u{10ffff}\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u02e2\u1d57\u207f\u1d48\u02b3\u02b0]|(?! )\p{Zs}| {2}/u;
/** A base character with its combining marks (one NFC unit of work), a CRLF, or any other code point. */
const CLUSTER = /\r\n|\P{M}\p{M}*|\p{M}+/gsu;

/**
 * Letters that look the same in Latin and Cyrillic (Unicode's confusables for the two scripts, the
 * ones keyboards and OCR swap): a Latin "a" typed inside "Укрaина", a Cyrillic "о" inside "NАТО".
 * Inside a word of the other script each stands for its look-alike (see `unmixScripts`).
 */
const LATIN_LOOKALIKES = 'aceopxyiïëACEHIKMOPTXBÏË';
const CYRILLIC_LOOKALIKES = 'асеорхуіїёАСЕНІКМОРТХВЇЁ';
const TO_CYRILLIC = new Map([...LATIN_LOOKALIKES].map((l, k) => [l, CYRILLIC_LOOKALIKES[k]]));
const TO_LATIN = new Map([...CYRILLIC_LOOKALIKES].map((c, k) => [c, LATIN_LOOKALIKES[k]]));
/** A Latin letter next to a Cyrillic one: every word mixing the two scripts has such a pair. */
const MIXED_SCRIPTS = /[A-Za-z\u00cb\u00cf\u00eb\u00ef][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z\u00cb\u00cf\u00eb\u00ef]/;
const WORD = /[\p{L}\p{M}]+/gu;
const CYRILLIC = /[\u0400-\u04ff]/;

/**
 * A word that mixes Latin and Cyrillic letters written in one script: when it has a Cyrillic letter
 * no Latin letter looks like ("Укрaина": у, к, р, и, н), its Latin look-alikes become Cyrillic;
 * else when it has a Latin letter no Cyrillic one looks like, its Cyrillic look-alikes become Latin;
 * else (every letter a look-alike: "СOM") the script of most of its letters wins, and a tie stays.
 * One UTF-16 unit for one, so offsets are unchanged. Words in one script are left alone.
 */
function unmixScripts(text: string): string {
  if (!CYRILLIC.test(text) || !MIXED_SCRIPTS.test(text)) return text;
  return text.replace(WORD, (w) => {
    if (!MIXED_SCRIPTS.test(w)) return w;
    let cyrillicOnly = 0;
    let latinOnly = 0;
    let cyrillic = 0;
    let latin = 0;
    for (const ch of w) {
      if (TO_LATIN.has(ch)) cyrillic++;
      else if (TO_CYRILLIC.has(ch)) latin++;
      else if (ch >= '\u0400' && ch <= '\u04ff') cyrillicOnly++;
      else if (/[A-Za-z]/.test(ch)) latinOnly++;
    }
    const toCyrillic = cyrillicOnly > 0 ? latinOnly === 0 : latinOnly === 0 && cyrillic > latin;
    const toLatin = latinOnly > 0 ? cyrillicOnly === 0 : cyrillicOnly === 0 && latin > cyrillic;
    const table = toCyrillic ? TO_CYRILLIC : toLatin ? TO_LATIN : undefined;
    return table ? [...w].map((ch) => table.get(ch) ?? ch).join('') : w;
  });
}

/**
 * A stress mark on a Cyrillic vowel ("Росси́я", "бу́дет": COMBINING ACUTE ACCENT, as dictionaries,
 * teaching texts and some official texts print them) is not spelling: it goes. No Cyrillic vowel
 * has a precomposed acute form, so NFC leaves it a separate mark; ѓ and ќ (consonants) keep theirs.
 */
const CYRILLIC_VOWEL = /^[аеиоуыэюяіїєАЕИОУЫЭЮЯІЇЄ]/u;
const STRESS = /(?<=[аеиоуыэюяіїєАЕИОУЫЭЮЯІЇЄ]\p{M}*)\u0301/gu;

/**
 * A soft hyphen at a line end, with the line break and the blanks around it, when a letter follows:
 * a word broken across two lines ("Rus\u00ad⏎sia"), which reads as one word.
 */
const SOFT_HYPHEN_BREAK = /\u00ad[ \t]*(?:\r\n?|[\n\u2028\u2029\u0085])[ \t]*(?=\p{L})/uy;
/**
 * Interlinear annotation (U+FFF9 anchor U+FFFA annotation U+FFFB, Unicode §23.8): the annotation
 * (a gloss or reading over the anchor text) is not the text, so it goes with its marks.
 */
const ANNOTATION = /\ufffa[^\ufff9-\ufffb]*\ufffb/uy;

/**
 * Fold `original` for matching (see the header). Offsets are UTF-16 units.
 * Folding never merges across a line end (but for a word a soft hyphen broke
 * there), and never removes a letter, digit or punctuation mark: only
 * invisible characters, surplus spaces and interlinear annotations go.
 */
export function foldText(original: string): Folded {
  // Most text is plain: printable ASCII and LF, no double spaces. Its fold is itself.
  // The offset tables are then built only if someone reads them: building two arrays of the text's
  // length for every passage was a sixth of the time it took to index a bulk file.
  if (!/[^\x20-\x7e\n]| {2}/.test(original)) return identityFold(original);
  // So is most other text (curly quotes, dashes, Cyrillic): nothing invisible, no mark, no space but
  // U+0020 and never two, no other line end, no compatibility form or astral character, already NFC.
  // A word mixing Latin and Cyrillic letters is folded too (unmixScripts); only a text with Cyrillic can have one.
  if (!MAY_FOLD.test(original) && !(CYRILLIC.test(original) && MIXED_SCRIPTS.test(original)) && original.normalize('NFC') === original) return identityFold(original);
  // Pass 1: drop invisible characters, keeping each kept unit's source range,
  // so that a letter and its combining mark compose even with a joiner between.
  const kept: string[] = [];
  const cStart: number[] = [];
  const cEnd: number[] = [];
  for (let i = 0; i < original.length; ) {
    const code = original.codePointAt(i)!;
    const size = code > 0xffff ? 2 : 1;
    const ch = size === 1 ? original[i] : original.slice(i, i + 2);
    // A word broken at a line end by a soft hyphen, and an interlinear annotation, go whole.
    if (code === 0xad || code === 0xfffa) {
      const whole = code === 0xad ? SOFT_HYPHEN_BREAK : ANNOTATION;
      whole.lastIndex = i;
      if (whole.test(original)) {
        i = whole.lastIndex;
        continue;
      }
    }
    if (code < 0x80 || !INVISIBLE.test(ch)) {
      for (let k = 0; k < size; k++) {
        cStart.push(i);
        cEnd.push(i + size);
      }
      kept.push(ch);
    }
    i += size;
  }
  const clean = kept.join('');
  // Pass 2: one cluster (a base with its marks, or a CRLF) at a time.
  // Pieces are joined once at the end: testing a growing string (endsWith) would flatten it every time.
  const parts: string[] = [];
  let last = '';
  // Inside a run of raised digits, or of raised ordinal letters, that is being folded (see RAISED_DIGIT).
  let digitRun = false;
  let ordinalRun = false;
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (s: string, from: number, to: number) => {
    for (let k = 0; k < s.length; k++) {
      starts.push(from);
      ends.push(to);
    }
    parts.push(s);
    last = s[s.length - 1] ?? last;
  };
  for (const m of clean.matchAll(CLUSTER)) {
    let chunk = m[0];
    const from = cStart[m.index!];
    const to = cEnd[m.index! + chunk.length - 1];
    const raisedDigit: boolean = RAISED_DIGIT.test(chunk) && (digitRun || last === '' || last === ' ' || last === '\n');
    const raisedOrdinal: boolean = RAISED_ORDINAL.test(chunk) && (ordinalRun || /\d/.test(last));
    digitRun = raisedDigit;
    ordinalRun = raisedOrdinal;
    if (raisedDigit || raisedOrdinal) {
      emit(chunk.normalize('NFKC'), from, to);
      continue;
    }
    if (chunk === '\r\n' || chunk === '\r' || chunk === '\u2028' || chunk === '\u2029' || chunk === '\u0085') {
      emit('\n', from, to);
      continue;
    }
    if (SPACE.test(chunk)) {
      // Runs of spaces are one space; the original range of the run is kept.
      if (last === ' ') {
        ends[ends.length - 1] = to;
        continue;
      }
      emit(' ', from, to);
      continue;
    }
    if (chunk.length > 1 && CYRILLIC_VOWEL.test(chunk)) chunk = chunk.replace(STRESS, '');
    let out = chunk.normalize('NFC');
    if (COMPAT.test(out)) out = out.normalize('NFKC');
    emit(out, from, to);
  }
  starts.push(original.length);
  ends.push(original.length);
  return { text: unmixScripts(parts.join('')), starts, ends, original };
}

/**
 * The fold of a text that folding leaves as it is, its offset tables made only when read. A class
 * (getters on its prototype) rather than an object literal with getters, which V8 builds in its
 * runtime, two closures each: identityFold was ~1 µs a passage of the kremlin archive, a third of it
 * in a fresh process (97,828 passages).
 */
class IdentityFold implements Folded {
  readonly text: string;
  readonly original: string;
  readonly identity = true;
  private startsTable: number[] | undefined;
  private endsTable: number[] | undefined;

  constructor(original: string) {
    this.text = original;
    this.original = original;
    this.startsTable = undefined;
    this.endsTable = undefined;
  }

  get starts(): number[] {
    const n = this.original.length;
    return (this.startsTable ??= Array.from({ length: n + 1 }, (_, i) => i));
  }

  get ends(): number[] {
    const n = this.original.length;
    return (this.endsTable ??= Array.from({ length: n + 1 }, (_, i) => Math.min(i + 1, n)));
  }
}

function identityFold(original: string): Folded {
  return new IdentityFold(original);
}

/** The original span of the folded span [start, end) (an empty span maps to an empty span). */
export function originalSpan(f: Folded, start: number, end: number): [number, number] {
  if (f.identity) return end <= start ? [start, start] : [start, Math.min(end, f.original.length)];
  const s = f.starts[start];
  if (end <= start) return [s, s];
  return [s, f.ends[end - 1]];
}

/** SOFT_HYPHEN_BREAK and ANNOTATION for every place at once (fold), compiled once: fold runs on every non-ASCII word and diff piece. */
const SOFT_HYPHEN_BREAKS = new RegExp(SOFT_HYPHEN_BREAK.source, 'gu');
const ANNOTATIONS = new RegExp(ANNOTATION.source, 'gu');

/**
 * Just the folded text (equal to `foldText(text).text`), for comparisons that
 * need no offsets; cheap, since it runs on every word and diff piece.
 */
export function fold(text: string): string {
  if (!/[^\x20-\x7e\n]| {2}/.test(text)) return text;
  // The soft-hyphen, annotation and stress passes only where their character is (a lexer's word is folded already).
  let folded = text.includes('\u00ad') ? text.replace(SOFT_HYPHEN_BREAKS, '') : text;
  if (folded.includes('\ufffa')) folded = folded.replace(ANNOTATIONS, '');
  folded = folded.replace(/[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu, '').replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');
  if (folded.includes('\u0301')) folded = folded.replace(STRESS, '');
  folded = folded
    .normalize('NFC')
    .replace(COMPAT_ALL, (c) => c.normalize('NFKC'))
    .replace(/[\p{Zs}\t]+/gu, ' ')
    .replace(RAISED_RUN, (_, before: string, run: string) => before + run.normalize('NFKC'))
    .replace(RAISED_ORDINAL_RUN, (_, digit: string, run: string) => digit + run.normalize('NFKC'));
  return unmixScripts(folded);
}

/**
 * A map from a copy with LF line ends (U+2029: a blank line) and no BOM (what the loader keeps) back
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
    // NEL and LINE SEPARATOR end a line, PARAGRAPH SEPARATOR a paragraph (as corpus/source-text.ts reads them).
    if (raw[i] === '\u0085' || raw[i] === '\u2028' || raw[i] === '\u2029') {
      at.push(i);
      text += '\n';
      if (raw[i] === '\u2029') {
        at.push(i);
        text += '\n';
      }
      continue;
    }
    at.push(i);
    text += raw[i];
  }
  at.push(raw.length);
  return { text, toRaw: (offset: number) => at[Math.min(Math.max(offset, 0), at.length - 1)] };
}
