// Segment a plan body into preamble paragraphs, numbered points and sub-points.
//
//   Intro paragraph.            -> pre1
//   1. Point text               -> 1
//   10. Heading:                -> 10 (heading through its last sub-item)
//       - a. Sub-item           -> 10.a   (the source's letter)
//       - Sub-item              -> 10.2   (no letter: its ordinal)
//   3. [removed]                -> 3, kind "removed"
//
// A reported-only plan has no plan text at all: every paragraph or bullet of
// its body is a report (`r1` …).
import { trimmedRange, type BodyLine } from './body-lines.js';
import type { Segment } from './types.js';

const POINT = /^ {0,3}(\d{1,5})\.(?=\s|$)[ \t]*/;
const SUB_MARKER = /^(\s*)(?:[-*•–][ \t]+)?(?:([a-z])[.)](?=\s|$)[ \t]*)?/;
const BULLET = /^\s*[-*•–][ \t]+/;
const REMOVED = /^\[\s*removed\s*\]\.?$/i;

export interface PlanSegmentation {
  segments: Segment[];
  problems: { line: number; message: string }[];
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
  const seen = new Map<string, number>();
  let point: Open | null = null;
  let last: Segment | null = null; // segment a continuation line extends
  let preamble: Segment | null = null;
  let preCount = 0;

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
    point = null;
  };

  for (const line of lines) {
    const blank = line.text.trim() === '';
    const pm = POINT.exec(line.text);
    if (pm) {
      closePoint();
      preamble = null;
      const id = String(Number(pm[1]));
      if (seen.has(id)) {
        problems.push({ line: line.fileLine, message: `point ${id} appears twice (first on line ${seen.get(id)}): renumber one of them` });
      }
      seen.set(id, line.fileLine);
      const [start, end] = trimmedRange(line, pm[0].length);
      const removed = REMOVED.test(line.text.slice(pm[0].length).trim());
      const seg: Segment = { id, label: id, kind: removed ? 'removed' : 'point', start, end, line: line.fileLine };
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
    // A wrapped line continues whatever item came last.
    if (last) last.end = trimmedRange(line)[1];
  }
  closePoint();
  return { segments, problems };
}

/** Reported-only plans: each bullet or paragraph is one report, never plan text. */
export function segmentReports(lines: BodyLine[]): Segment[] {
  const reports: Segment[] = [];
  let current: Segment | null = null;
  for (const line of lines) {
    if (line.text.trim() === '') {
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
