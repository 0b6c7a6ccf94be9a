// Geometry of the overview's timeline: one lane per side, one mark per
// document at its date. Marks that would overlap in a lane are stacked
// upwards, so the November 2025 cluster stays readable without a broken axis.
import type { Document } from '../corpus/types.js';
import { SIDE_ORDER, sideColour, sideLabel } from './sides.js';

export interface TimelineMark {
  x: number;
  y: number;
  shape: 'square' | 'circle';
  fill: string;
  href: string;
  title: string;
}

export interface Timeline {
  width: number;
  height: number;
  lanes: { label: string; y: number; height: number }[];
  ticks: { x: number; label: string }[];
  marks: TimelineMark[];
  axisY: number;
  left: number;
  right: number;
}

const WIDTH = 960;
const LEFT = 130;
const RIGHT = 20;
const MARK_GAP = 13;
const ROW = 14;

export function buildTimeline(documents: Document[], hrefOf: (d: Document) => string): Timeline {
  const dated = documents.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.date));
  const days = dated.map((d) => Date.parse(d.date));
  const min = Math.min(...days);
  const max = Math.max(...days);
  const span = Math.max(max - min, 86_400_000);
  const x = (t: number) => LEFT + ((t - min) / span) * (WIDTH - LEFT - RIGHT);

  const lanes: Timeline['lanes'] = [];
  const marks: TimelineMark[] = [];
  let top = 10;
  for (const side of SIDE_ORDER) {
    const docs = dated.filter((d) => d.side === side).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    if (!docs.length) continue;
    // Greedy stacking: each row remembers the x of its last mark.
    const rowEnds: number[] = [];
    const placed = docs.map((d) => {
      const mx = x(Date.parse(d.date));
      let row = rowEnds.findIndex((end) => mx - end >= MARK_GAP);
      if (row < 0) row = rowEnds.push(-Infinity) - 1;
      rowEnds[row] = mx;
      return { d, mx, row };
    });
    const height = Math.max(rowEnds.length, 1) * ROW + 12;
    for (const { d, mx, row } of placed) {
      marks.push({
        x: round(mx),
        y: round(top + height - 10 - row * ROW),
        shape: d.kind === 'plan' ? 'square' : 'circle',
        fill: sideColour(d.side),
        href: hrefOf(d),
        title: `${d.date} · ${d.kind} · ${d.title} (${d.id})`,
      });
    }
    lanes.push({ label: sideLabel(side), y: top, height });
    top += height;
  }
  const ticks: Timeline['ticks'] = [];
  if (dated.length) {
    const firstYear = new Date(min).getUTCFullYear();
    const lastYear = new Date(max).getUTCFullYear();
    for (let year = firstYear; year <= lastYear; year++) {
      for (const month of [0, 6]) {
        const t = Date.UTC(year, month, 1);
        if (t >= min && t <= max) ticks.push({ x: round(x(t)), label: month ? 'Jul' : String(year) });
      }
    }
  }
  return { width: WIDTH, height: top + 28, lanes, ticks, marks, axisY: top + 4, left: LEFT, right: WIDTH - RIGHT };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
