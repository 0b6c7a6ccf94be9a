// npm run eval — alignment quality against hand-written gold alignments
// (eval/gold/align/*.json, each written from reading the two texts, with a
// reason per pair). Prints precision and recall of the aligned point pairs
// (sub-item pairs included) per document pair, marking which pairs the
// thresholds were tuned on, plus how many gold splits/merges and [removed]
// drops were recovered with the right relation.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignPair, type AlignedPair } from '../../src/align/index.js';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';

interface GoldPair {
  a: string;
  b: string;
  relation: string;
  why: string;
}
interface Gold {
  a: string;
  b: string;
  use: 'tune' | 'held-out';
  reason: string;
  pairs: GoldPair[];
  dropped: { a: string; why: string }[];
}

export const GOLD_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../eval/gold/align');

export function loadGold(): Gold[] {
  return readdirSync(GOLD_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(GOLD_DIR, f), 'utf8')) as Gold);
}

const PAIRED = new Set(['unchanged', 'reworded', 'translated', 'split', 'merged']);

export interface PairScore {
  gold: Gold;
  precision: number;
  recall: number;
  tp: number;
  predicted: number;
  expected: number;
  structural: { found: number; total: number };
  dropped: { found: number; total: number };
  ms: number;
  misses: string[];
  extras: string[];
}

export function scoreGold(gold: Gold): PairScore {
  const corpus = loadCorpus({});
  const A = findDocument(corpus, gold.a);
  const B = findDocument(corpus, gold.b);
  if (!A || !B) throw new Error(`gold ${gold.a}__${gold.b}: document not in the corpus`);
  const t0 = performance.now();
  const al = alignPair(A, B);
  const ms = performance.now() - t0;
  const rows: AlignedPair[] = al.pairs.flatMap((p) => [p, ...(p.subpairs ?? [])]);
  const predicted = new Map(rows.filter((r) => r.a && r.b && PAIRED.has(r.relation)).map((r) => [`${r.a}→${r.b}`, r]));
  const expected = new Map(gold.pairs.map((p) => [`${p.a}→${p.b}`, p]));
  const tp = [...predicted.keys()].filter((k) => expected.has(k)).length;
  const structuralGold = gold.pairs.filter((p) => p.relation === 'split' || p.relation === 'merged');
  const structuralFound = structuralGold.filter((p) => predicted.get(`${p.a}→${p.b}`)?.relation === p.relation).length;
  const droppedFound = gold.dropped.filter((d) => rows.some((r) => r.a === d.a && r.relation === 'dropped')).length;
  return {
    gold,
    tp,
    predicted: predicted.size,
    expected: expected.size,
    precision: predicted.size ? tp / predicted.size : 1,
    recall: expected.size ? tp / expected.size : 1,
    structural: { found: structuralFound, total: structuralGold.length },
    dropped: { found: droppedFound, total: gold.dropped.length },
    ms,
    misses: [...expected.keys()].filter((k) => !predicted.has(k)),
    extras: [...predicted.keys()].filter((k) => !expected.has(k)),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

export async function evalAlign(): Promise<string> {
  const scores = loadGold().map(scoreGold);
  const lines = ['Alignment (eval/gold/align): precision / recall of aligned point pairs, sub-items included', ''];
  lines.push('set       pair                                                      P      R     split/merge  [removed]  ms');
  for (const s of scores) {
    const name = `${s.gold.a} ↔ ${s.gold.b}`.padEnd(56);
    lines.push(
      `${s.gold.use.padEnd(9)} ${name} ${pct(s.precision).padStart(5)} ${pct(s.recall).padStart(5)}   ${`${s.structural.found}/${s.structural.total}`.padStart(5)}        ${`${s.dropped.found}/${s.dropped.total}`.padStart(4)}    ${s.ms.toFixed(0)}`,
    );
    if (s.misses.length) lines.push(`          missed: ${s.misses.join(', ')}`);
    if (s.extras.length) lines.push(`          wrong:  ${s.extras.join(', ')}`);
  }
  for (const use of ['tune', 'held-out'] as const) {
    const group = scores.filter((s) => s.gold.use === use);
    const tp = group.reduce((n, s) => n + s.tp, 0);
    const pred = group.reduce((n, s) => n + s.predicted, 0);
    const exp = group.reduce((n, s) => n + s.expected, 0);
    lines.push(`${use.padEnd(9)} all ${group.length} pairs (micro): P ${pct(pred ? tp / pred : 1)}  R ${pct(exp ? tp / exp : 1)}  (${tp} of ${pred} predicted, ${tp} of ${exp} gold)`);
  }
  return lines.join('\n');
}
