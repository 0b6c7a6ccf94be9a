// Segment a plan body into preamble paragraphs, numbered points and sub-points.
// A list numbered only in Roman numerals (I., II., … or Ⅰ., Ⅱ.) has them as its
// point numbers (ids 1, 2 …, labels I, II …).
//
//   Intro paragraph.            -> pre1
//   1. Point text               -> 1    (also "1.Text", "1) Text", "(1) Text", "1: Text",
//                                        and "1 Text" / "1 – Text" when 1 is the next number due)
//   10. Heading:                -> 10 (heading through its last sub-item)
//       - a. Sub-item           -> 10.a   (the source's letter)
//       - Sub-item              -> 10.2   (no letter: its ordinal; bullets - * • – — ‒ ― −)
//   3. [removed]                -> 3, kind "removed"
//   Second, unnumbered text     -> stays in the point above, which is reported as
//                                  merged (see `ORDINAL_ITEM`)
//
// A reported-only plan has no plan text at all: every paragraph or bullet of
// its body is a report (`r1` …).
import { isBlankLine, trimmedRange, type BodyLine } from './body-lines.js';
import type { Segment } from './types.js';

/**
 * A numbered point: "1. ", "1.", "1) ", "(1) " at the start of a line (at most
 * three spaces in). "1.The" (no space, as pages run together) counts when a
 * letter, quote or bracket follows; a digit does not ("1.5 million").
 */
const POINT = /^ {0,3}(?:\((\d{1,5})\)|(\d{1,5})[.):])(?=\s|$|[\p{L}"'«“‘(\[])[ \t]*/u;
/**
 * "1 Text" or "1 – Text": a bare number (then perhaps a dash), then a capital
 * letter or quote; only taken when it is the next number due.
 */
const BARE_POINT = /^ {0,3}(\d{1,5})(?:[ \t]+[-–—][ \t]*|[ \t]+)(?=[\p{Lu}"«“])(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s|$))/u;
interface LineProbe {
  probe: string;
  at: number[];
}

/**
 * What a line's number reads as on screen: its invisible characters (zero-width space, BOM, soft
 * hyphen, bidi marks: Default_Ignorable_Code_Point and Cf) left out, space-like characters (Zs: a
 * no-break or em space indenting the line) as spaces, full-width digits and ( ) . : as ASCII; `at[i]`
 * is the line's offset of probe unit i (at[probe.length] = the line's length). Only the start of a
 * line is probed: a number is at most five digits in.
 */
function lineProbe(text: string): LineProbe | undefined {
  if (!/[^\x20-\x7e]/.test(text.slice(0, 10))) return undefined;
  const head = Math.min(text.length, 16);
  let probe = '';
  const at: number[] = [];
  for (let i = 0; i < head; i++) {
    const c = text[i];
    if (/[\p{Default_Ignorable_Code_Point}\p{Cf}]/u.test(c)) continue;
    const code = c.charCodeAt(0);
    // Roman numeral characters ("Ⅻ") read as their letters ("XII"), each letter at the character's offset.
    const read = /\p{Zs}/u.test(c) ? ' ' : code >= 0xff08 && code <= 0xff1a ? String.fromCharCode(code - 0xfee0) : code >= 0x2160 && code <= 0x216f ? c.normalize('NFKC') : c;
    for (let k = 0; k < read.length; k++) at.push(i);
    probe += read;
  }
  at.push(head);
  return { probe: probe + text.slice(head), at: [...at, ...Array.from({ length: text.length - head }, (_, k) => head + k + 1)] };
}

/**
 * `re` matched at the start of the line as it reads; `p` is lineProbe(text), made once a line
 * for all the patterns tried on it. [0] is the matched part of the line itself.
 */
function execLine(re: RegExp, text: string, p: LineProbe | undefined): RegExpExecArray | null {
  if (!p) return re.exec(text);
  const m = re.exec(p.probe);
  if (!m) return null;
  // at[] holds the offset of each probe unit; the match ends after its last unit (and any invisible ones after it).
  const end = m[0].length === 0 ? 0 : p.at[m[0].length];
  m[0] = text.slice(0, end);
  return m;
}

/** A point numbered in Roman numerals: "IV. ", "IV) ", "(IV) ", or with the numeral characters "Ⅳ." (see lineProbe). */
const ROMAN_POINT = /^ {0,3}(?:\(([IVXLC]{1,8})\)|([IVXLC]{1,8})[.):])(?=\s|$)[ \t]*/u;
const ROMAN = /^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** The value of a Roman numeral up to CCCXCIX, or 0 when it is not a well-formed one ("IIII", "VX"). */
function romanValue(numeral: string): number {
  if (!ROMAN.test(numeral)) return 0;
  const value: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let n = 0;
  for (let k = 0; k < numeral.length; k++) {
    const v = value[numeral[k]];
    n += k + 1 < numeral.length && value[numeral[k + 1]] > v ? -v : v;
  }
  return n;
}

/**
 * True when no line starts with an Arabic point number and at least two start with a Roman one
 * (a list numbered "I.", "II." …). A Roman heading above Arabic points ("I. Principles" then "1.")
 * is no point: Arabic numbers win.
 */
function romanNumbered(lines: BodyLine[], probes: (LineProbe | undefined)[]): boolean {
  let romans = 0;
  for (const [i, line] of lines.entries()) {
    if (execLine(POINT, line.text, probes[i])) return false;
    const m = execLine(ROMAN_POINT, line.text, probes[i]);
    if (m && romanValue(m[1] ?? m[2]) > 0) romans++;
  }
  return romans >= 2;
}

const DASHES = '\\-*•–—‒―−';
const SUB_MARKER = new RegExp(`^(\\s*)(?:[${DASHES}][ \\t]+)?(?:([a-z])[.)](?=\\s|$)[ \\t]*)?`);
const BULLET = new RegExp(`^\\s*[${DASHES}][ \\t]+`);
const REMOVED = /^\[\s*removed\s*\]\.?$/i;
/**
 * An unnumbered item that a page numbers in words ("Second, …", "Thirdly …",
 * "Во-вторых, …", "По-друге, …"). It cannot be told apart from the point's own
 * text with certainty, so it stays in the point above and is reported: the
 * point is then a merge of several items.
 */
export const ORDINAL_ITEM =
  /^\s*(?:[-*•–—]\s*)?((?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)(?:ly)?|Во-первых|Во-вторых|В-третьих|В-четв[её]ртых|В-пятых|В-шестых|По-перше|По-друге|По-третє|По-четверте|По-п['’]яте)(?=[,.:;]|\s[-–—])/u;

export interface PlanSegmentation {
  segments: Segment[];
  problems: { line: number; message: string }[];
  /** Things worth telling the user that are not errors (a merged point), by line. */
  notes: { line: number; message: string }[];
}

interface Open {
  seg: Segment;
  subs: Segment[];
  /** Ids of `subs`, so a duplicate check stays linear on lists with thousands of items. */
  subIds: Set<string>;
}

export function segmentPlan(lines: BodyLine[]): PlanSegmentation {
  const segments: Segment[] = [];
  const problems: PlanSegmentation['problems'] = [];
  const notes: PlanSegmentation['notes'] = [];
  const seen = new Map<string, number>();
  let point: Open | null = null;
  let last: Segment | null = null; // segment a continuation line extends
  let preamble: Segment | null = null;
  let preCount = 0;
  let lastNumber = 0; // of the latest numbered point, for "1 Text" numbering

  const closePoint = () => {
    if (!point) return;
    const { seg, subs } = point;
    if (subs.length) {
      if (seg.start === seg.end) {
        // Empty heading ("20. "): the point starts with its first sub-item.
        seg.start = subs[0].start;
        seg.line = subs[0].line;
      }
      seg.end = Math.max(seg.end, subs[subs.length - 1].end);
    }
    segments.push(seg, ...subs);
    if (seg.merged?.length) {
      const items = seg.merged.map((m) => `"${m.ordinal}" (line ${m.line})`).join(', ');
      notes.push({ line: seg.line, message: `point ${seg.id} also holds unnumbered item${seg.merged.length > 1 ? 's' : ''} ${items}: kept in point ${seg.id} as one merged point; number ${seg.merged.length > 1 ? 'them' : 'it'} to align ${seg.merged.length > 1 ? 'them' : 'it'} separately` });
    }
    point = null;
  };

  // A list numbered only in Roman numerals ("I.", "II.", "Ⅲ."): read them as the point numbers.
  const probes = lines.map((line) => lineProbe(line.text));
  const roman = romanNumbered(lines, probes);
  for (const [i, line] of lines.entries()) {
    const blank = isBlankLine(line.text);
    let pm: RegExpExecArray | null = execLine(roman ? ROMAN_POINT : POINT, line.text, probes[i]);
    let number = pm && (roman ? String(romanValue(pm[1] ?? pm[2])) : (pm[1] ?? pm[2]));
    if (pm && number === '0') [pm, number] = [null, null];
    if (!pm && !roman) {
      const bare = execLine(BARE_POINT, line.text, probes[i]);
      if (bare && Number(bare[1]) === lastNumber + 1) [pm, number] = [bare, bare[1]];
    }
    if (pm) {
      closePoint();
      preamble = null;
      lastNumber = Number(number);
      const id = String(lastNumber);
      if (seen.has(id)) {
        problems.push({ line: line.fileLine, message: `point ${id} appears twice (first on line ${seen.get(id)}): renumber one of them` });
      }
      seen.set(id, line.fileLine);
      const [start, end] = trimmedRange(line, pm[0].length);
      const removed = REMOVED.test(line.text.slice(pm[0].length).trim());
      const label = roman ? (pm[1] ?? pm[2]).normalize('NFKC') : id;
      const seg: Segment = { id, label, kind: removed ? 'removed' : 'point', start, end, line: line.fileLine };
      point = { seg, subs: [], subIds: new Set() };
      last = seg;
      continue;
    }
    if (blank) {
      preamble = null;
      continue;
    }
    if (!point) {
      // Unnumbered text before the first point: preamble paragraphs.
      const [start, end] = trimmedRange(line);
      if (preamble) {
        preamble.end = end;
      } else {
        preCount++;
        preamble = { id: `pre${preCount}`, label: `Preamble ${preCount}`, kind: 'preamble', start, end, line: line.fileLine };
        segments.push(preamble);
      }
      continue;
    }
    const indented = /^\s/.test(line.text);
    const sm = SUB_MARKER.exec(line.text)!;
    const isSub = BULLET.test(line.text) || (sm[2] !== undefined && (indented || sm[0].length > 0));
    if (isSub && point.seg.kind !== 'removed') {
      const n = point.subs.length + 1;
      const suffix = sm[2] ?? String(n);
      let id = `${point.seg.id}.${suffix}`;
      if (point.subIds.has(id)) {
        problems.push({ line: line.fileLine, message: `sub-item ${id} appears twice: fix its letter` });
        id = `${point.seg.id}.${n}`;
      }
      point.subIds.add(id);
      const [start, end] = trimmedRange(line, sm[0].length);
      const sub: Segment = { id, label: id, kind: 'subpoint', parent: point.seg.id, start, end, line: line.fileLine };
      point.subs.push(sub);
      last = sub;
      continue;
    }
    // A wrapped line continues whatever item came last; an ordinal word makes the point a merge.
    const ordinal = ORDINAL_ITEM.exec(line.text);
    if (ordinal && point.seg.kind === 'point') (point.seg.merged ??= []).push({ line: line.fileLine, ordinal: ordinal[1] });
    if (last) last.end = trimmedRange(line)[1];
  }
  closePoint();
  return { segments, problems, notes };
}

/** Reported-only plans: each bullet or paragraph is one report, never plan text. */
export function segmentReports(lines: BodyLine[]): Segment[] {
  const reports: Segment[] = [];
  let current: Segment | null = null;
  for (const line of lines) {
    if (isBlankLine(line.text)) {
      current = null;
      continue;
    }
    const bullet = BULLET.exec(line.text);
    if (bullet || !current) {
      const [start, end] = trimmedRange(line, bullet ? bullet[0].length : 0);
      const n = reports.length + 1;
      current = { id: `r${n}`, label: `Report ${n}`, kind: 'report', start, end, line: line.fileLine, source: line.source };
      reports.push(current);
    } else {
      current.end = trimmedRange(line)[1];
    }
  }
  return reports;
}
