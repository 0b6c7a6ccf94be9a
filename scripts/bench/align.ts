// Alignment speed (not a test: prints figures, asserts nothing).
//   npx tsx scripts/bench/align.ts
// - every pair of shipped plans with text, median of 5 runs;
// - the four-witness collation of the 28 points;
// - the word diff at its bound (two whole plans against each other);
// - scaling: a plan of N points made by repeating the real points of
//   us-28-2025-11-20 and ua-20-2025-12-24 (real text, only repeated), N = 50, 100, 200.
import { alignPair, collate, wordDiff } from '../../src/align/index.js';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import type { Document, Segment } from '../../src/corpus/types.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn: () => unknown, runs = 5): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const corpus = loadCorpus({});
const plans = corpus.documents.filter((d) => d.kind === 'plan' && d.status !== 'reported-only');
const doc = (id: string) => findDocument(corpus, id)!;
alignPair(plans[0], plans[1]); // load stemmers and glossary once

console.log('pair                                                          points   median ms');
for (let i = 0; i < plans.length; i++) {
  for (let j = i + 1; j < plans.length; j++) {
    const [a, b] = [plans[i], plans[j]];
    const n = (d: Document) => d.segments.filter((s) => s.kind === 'point').length;
    console.log(`${`${a.id} ↔ ${b.id}`.padEnd(62)} ${`${n(a)}×${n(b)}`.padStart(6)}   ${time(() => alignPair(a, b)).toFixed(1).padStart(8)}`);
  }
}
const witnesses = ['us-28-2025-11-20', 'us-28-alt-en-2025-11-21', 'us-28-alt-en-pravda-2025-11-20', 'us-28-ru-2025-11-20'].map(doc);
console.log(`collation of the 4 renderings of the 28 points: ${time(() => collate(witnesses)).toFixed(1)} ms`);
const [x, y] = [doc('us-28-2025-11-20').text, doc('ua-20-2025-12-24').text];
console.log(`word diff of two whole plans (${x.length} and ${y.length} chars), cut at its bound: ${time(() => wordDiff(x, y, 'en')).toFixed(1)} ms, truncated=${wordDiff(x, y, 'en').truncated}`);

function repeated(src: Document[], n: number, id: string): Document {
  const points = src.flatMap((d) => d.segments.filter((s) => s.kind === 'point').map((s) => d.text.slice(s.start, s.end).replace(/\n\s*-\s*/g, ' ')));
  let text = '';
  const segments: Segment[] = [];
  for (let k = 0; k < n; k++) {
    const body = points[k % points.length];
    const head = `${k + 1}. `;
    segments.push({ id: String(k + 1), label: String(k + 1), kind: 'point', start: text.length + head.length, end: text.length + head.length + body.length, line: k + 1 });
    text += `${head}${body}\n`;
  }
  return { ...src[0], id, text, segments, missing: [] };
}
for (const n of [50, 100, 200]) {
  const a = repeated([doc('us-28-2025-11-20'), doc('ua-20-2025-12-24')], n, `rep-a-${n}`);
  const b = repeated([doc('ua-20-2025-12-24'), doc('us-28-2025-11-20')], n, `rep-b-${n}`);
  console.log(`${n}×${n} points (repeated real points): ${time(() => alignPair(a, b), 3).toFixed(0)} ms`);
}
