// Spans overlap ("It is expected" is both an impersonal frame and a passive),
// but HTML marks must nest. Cut a range of text at every span boundary into
// runs, each listing the features that cover it; a view wraps each run with
// one <mark> carrying all their names.

export interface MarkRun {
  start: number;
  end: number;
  text: string;
  /** Names of the features covering this run (empty: plain text). */
  features: string[];
}

/** Runs covering `text.slice(from, to)` exactly, in order; offsets are into `text`. */
export function markRuns(text: string, spans: { name: string; start: number; end: number }[], from = 0, to = text.length): MarkRun[] {
  const inside = spans.filter((s) => s.end > from && s.start < to);
  const cuts = new Set([from, to]);
  for (const s of inside) {
    cuts.add(Math.max(from, s.start));
    cuts.add(Math.min(to, s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: MarkRun[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const features = [...new Set(inside.filter((s) => s.start <= start && s.end >= end).map((s) => s.name))];
    runs.push({ start, end, text: text.slice(start, end), features });
  }
  return runs;
}
