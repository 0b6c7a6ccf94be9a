// Provenance evaluation against eval/gold/provenance.json, every figure held
// out by leaving one plan out (provenance-data.ts): recall@1/@3 of the right
// document and of the right passage, with the shipped statements alone and
// with the bulk Kremlin archive added, for BM25's order, the old fixed-weight
// scorer and the learned ranker; the side verdict against the majority side,
// with its calibration (Brier, reliability bins); an audit of every evidence
// pair shown; then the Russian-language path: English plan points matched
// against only Russian-language documents (test/fixtures/ru-statements, as
// with `--no-builtin --corpus`).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { matchPlan, MemoryPassageIndex, spanTokens, textLookup, type MatchResult } from '../../src/provenance/index.js';
import { describeRanker, shippedRanker } from '../../src/provenance/ranker.js';
import { auditEvidence, type EvidenceProblem } from '../../src/provenance/evidence-check.js';
import { passageShare } from '../../src/provenance/evidence-words.js';
import { BULK_PATH, bulkSetting, shippedSetting, type Setting } from './provenance-corpora.js';
import { cachedRows, leaveOnePlanOut, oldRanks, ranksOf, recall, SIDE_SHRINK, sideVerdicts, type Ranks, type SideOutcome } from './provenance-data.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const GOLD_PATH = resolve(ROOT, 'eval/gold/provenance.json');
export const RU_FIXTURES = resolve(ROOT, 'test/fixtures/ru-statements');

export interface GoldEntry {
  plan: string;
  point: string;
  expect: string[];
  sides: string[];
  reason: string;
  cite: string[];
  /** Per expected document, the passages that carry the clause (optional). */
  passages?: Record<string, string[]>;
}

export interface Gold {
  dev: string[];
  heldOut: string[];
  entries: GoldEntry[];
  /** Points no statement in the corpus anticipates: the right origin is `unknown`. */
  noAntecedent: { plan: string; point: string; reason: string }[];
}

export function loadGold(): Gold {
  return JSON.parse(readFileSync(GOLD_PATH, 'utf8')) as Gold;
}

export interface EntryOutcome {
  entry: GoldEntry;
  /** 1-based rank of the best-ranked expected document, or null if none scored. */
  rank: number | null;
  origin: string;
  sideCorrect: boolean | null;
}

export interface Scores {
  n: number;
  recallAt1: number;
  recallAt3: number;
  sideN: number;
  sideAccuracy: number;
  unknown: number;
}

/** Match every gold plan once against the shipped corpora and grade each entry. */
export function gradeGold(corpus: Corpus, gold: Gold, options: { units?: boolean; threshold?: number; ranker?: 'fixed' } = {}): EntryOutcome[] {
  const index = MemoryPassageIndex.fromDocuments(corpus.documents);
  const sourceText = textLookup(corpus.documents);
  const results = new Map<string, MatchResult>();
  return gold.entries.map((entry) => {
    let result = results.get(entry.plan);
    if (!result) {
      const plan = findDocument(corpus, entry.plan);
      if (!plan) throw new Error(`${GOLD_PATH}: plan "${entry.plan}" is not in the corpus`);
      result = matchPlan(plan, index, { top: 5, sourceText, units: options.units, threshold: options.threshold, ranker: options.ranker });
      results.set(entry.plan, result);
    }
    for (const d of entry.expect) {
      if (!findDocument(corpus, d)) throw new Error(`${GOLD_PATH}: ${entry.plan} ${entry.point}: expected document "${d}" is not in the corpus`);
    }
    const point = result.points.find((p) => p.point === entry.point);
    if (!point) throw new Error(`${GOLD_PATH}: ${entry.plan} has no point "${entry.point}" with text`);
    const ranking = Object.keys(point.documents);
    const ranks = entry.expect.map((d) => ranking.indexOf(d)).filter((i) => i >= 0);
    return {
      entry,
      rank: ranks.length ? Math.min(...ranks) + 1 : null,
      origin: point.origin.side,
      sideCorrect: entry.sides.length ? entry.sides.includes(point.origin.side) : null,
    };
  });
}

export function summarize(outcomes: EntryOutcome[]): Scores {
  const n = outcomes.length;
  const sided = outcomes.filter((o) => o.sideCorrect !== null);
  return {
    n,
    recallAt1: share(outcomes.filter((o) => o.rank === 1).length, n),
    recallAt3: share(outcomes.filter((o) => o.rank !== null && o.rank <= 3).length, n),
    sideN: sided.length,
    sideAccuracy: share(sided.filter((o) => o.sideCorrect).length, sided.length),
    unknown: outcomes.filter((o) => o.origin === 'unknown').length,
  };
}

export interface RuPathOutcome {
  plan: string;
  point: string;
  rank: number | null;
}

/**
 * English plan points against only the Russian-language fixture folder. The
 * fixture holds the Russian text of the 28-point plan as passages p1..p12, so
 * point N of an English rendering should find passage pN.
 */
export function gradeRussianPath(builtin: Corpus, plans = ['us-28-2025-11-20', 'us-28-alt-en-2025-11-21', 'e3-counter-2025-11-23']): RuPathOutcome[] {
  const ru = loadCorpus({ builtin: false, corpora: [RU_FIXTURES] });
  if (ru.issues.some((i) => i.severity === 'error')) throw new Error(`${RU_FIXTURES}: ${ru.issues.map((i) => i.message).join('; ')}`);
  const source = ru.documents.find((d) => d.id === 'us-28-ru-2025-11-20-source')!;
  const passages = new Set(source.segments.map((s) => s.id));
  const index = MemoryPassageIndex.fromDocuments(ru.documents);
  const out: RuPathOutcome[] = [];
  for (const id of plans) {
    const plan = findDocument(builtin, id)!;
    const result = matchPlan(plan, index, { top: 50, groupByDocument: false, sourceText: textLookup(ru.documents) });
    for (const p of result.points) {
      const want = `p${p.point}`;
      if (!passages.has(want)) continue;
      const i = p.candidates.findIndex((c) => c.doc === source.id && c.passage === want);
      out.push({ plan: id, point: p.point, rank: i >= 0 ? i + 1 : null });
    }
  }
  return out;
}

export async function evalProvenance(): Promise<string> {
  const corpus = loadCorpus({});
  const gold = loadGold();
  const lines = ['## Provenance (eval/gold/provenance.json)'];
  const sided = gold.entries.filter((e) => e.sides.length);
  lines.push(
    `gold: ${gold.entries.length} points with documented antecedents in ${new Set(gold.entries.map((e) => e.plan)).size} plans (${gold.entries.filter((e) => e.passages).length} with the expected passages), ${gold.noAntecedent.length} points with none; ${sided.length} with a side, ${sided.filter((e) => !e.sides.includes('ru')).length} of them not Russian`,
    'validation: leave one plan out — the ranker (a conditional logit over features.ts, Platt-scaled) is trained on the gold points of the other plans, with every retrieved passage of another document as a negative, and scores the left-out plan; the side calibration (how often each named side was right, shrunk toward the overall rate by a prior worth 5 points) is fitted on the other plans\' held-out outcomes. Nothing else is tuned: feature definitions, the kind-of-figure rules, the 0.5 cut for `unknown` were fixed before the first run. The side calibration was chosen after looking at held-out figures: a Platt fit on margin and best support scored worse than a constant, the named side predicted correctness; the shrinkage 5 is the middle of the 2/5/10 looked at (all printed). Renderings of one plan (us-28 and its Russian/LIGA/pravda texts, the E3 edit) are separate plans, so a fold still sees other renderings of its points.',
    '',
  );
  const ranking: string[] = [];
  const sideLines: string[] = [];
  const r3: Record<string, number> = {};
  const audits: string[] = [];
  for (const make of [shippedSetting, bulkSetting]) {
    const t0 = performance.now();
    const setting = make();
    if (!setting) {
      lines.push(`(bulk archive ${BULK_PATH} not found: the bulk rows are left out)`);
      continue;
    }
    const points = cachedRows(setting, gold, setting.bulk);
    const audit = auditShipped(setting, gold);
    setting.close();
    const withEntry = points.filter((p) => p.entry);
    const lopo = leaveOnePlanOut(points);
    const ms = Math.round(performance.now() - t0);
    const measure = (name: string, ranks: Ranks[]) => {
      const d = recall(ranks.map((r) => r.doc));
      const ps = recall(ranks.map((r) => r.passage));
      ranking.push(`| ${setting.name} | ${name} | ${d.n} | ${d.at1.toFixed(2)} | ${d.at3.toFixed(2)} | ${ps.n} | ${ps.at1.toFixed(2)} | ${ps.at3.toFixed(2)} |`);
      return d;
    };
    measure('BM25 retrieval order', withEntry.map((p) => ranksOf(p, p.rows.map((r) => r.features[0]))));
    measure('old fixed-weight scorer', withEntry.map(oldRanks));
    measure('fixed weights, figures by kind', withEntry.map((p) => ranksOf(p, p.rows.map((r) => r.fixed))));
    const learned = withEntry.map((p) => ranksOf(p, lopo.get(p)!));
    r3[setting.name] = measure('learned ranker (held out)', learned).at3;
    ranking.push(`| ${setting.name} | (features for ${points.length} points and the evidence audit in ${ms} ms) | | | | | | |`);
    const kinds: [EvidenceProblem['problem'], string][] = [
      ['different figures', 'pair two different figures'],
      ['one common word', 'are one common word'],
      ['generic words', 'rest on generic terms only (evidence-words.ts: one term not rare in some part of the index, or a frequent one beside a term not rare or a common word)'],
      ['different words', 'pair mostly different words (English paraphrase)'],
    ];
    audits.push(
      `${setting.name}: ${audit.pairs} evidence pairs of the shipped ranker's top 5 and the later echoes for every point of the ${audit.plans} gold plans; ${kinds.map(([k, what]) => `${audit.problems.filter((x) => x.problem === k).length} ${what}`).join('; ')}${audit.problems.length ? `: ${audit.problems.slice(0, 5).map((x) => `${x.point} ${x.doc} "${x.text}" = "${x.sourceText}" (${x.problem})`).join('; ')}` : ''}`,
    );

    const all = sideVerdicts(points, lopo);
    const outcomes = all.filter((o) => o.point.entry);
    const n = outcomes.length;
    const answered = outcomes.filter((o) => o.side !== 'unknown');
    const correct = outcomes.filter((o) => o.point.entry!.sides.includes(o.side)).length;
    const counts = new Map<string, number>();
    for (const o of outcomes) for (const side of o.point.entry!.sides) counts.set(side, (counts.get(side) ?? 0) + 1);
    const [majority, majorityN] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const base = majorityN / n;
    const topRate = all.filter((o) => o.topRight).length / all.length;
    const brierBase = brier(all.map((o) => ({ ...o, confidence: topRate })));
    const compare = [
      `constant fitted on the other plans ${brier(sideVerdicts(points, lopo, { method: 'constant' })).toFixed(3)}`,
      `in-sample constant ${topRate.toFixed(2)} ${brierBase.toFixed(3)}`,
      `the earlier Platt fit on margin and best support ${brier(sideVerdicts(points, lopo, { method: 'platt' })).toFixed(3)}`,
      ...[2, 10].map((k) => `shrink ${k}: ${brier(sideVerdicts(points, lopo, { shrink: k })).toFixed(3)}`),
    ];
    const edges = [0, 0.5, 0.7, 0.85, 1];
    let ece = 0;
    const bins = edges.slice(0, -1).map((lo, i) => {
      const hi = edges[i + 1];
      const inBin = all.filter((o) => o.confidence >= lo && (o.confidence < hi || (hi === 1 && o.confidence <= 1)));
      if (!inBin.length) return `[${lo}, ${hi}): none`;
      const conf = inBin.reduce((s2, o) => s2 + o.confidence, 0) / inBin.length;
      const right = inBin.filter((o) => o.topRight).length / inBin.length;
      ece += (inBin.length / all.length) * Math.abs(conf - right);
      return `[${lo}, ${hi}${hi === 1 ? ']' : ')'}: ${inBin.length}, confidence ${conf.toFixed(2)}, right ${right.toFixed(2)}`;
    });
    const noAnt = all.filter((o) => !o.point.entry);
    const noAntOrigins = noAnt.map((o) => `${o.point.plan} ${o.point.point} → ${o.side}${o.leaning ? ` (leaning ${o.leaning})` : ''}`);
    sideLines.push(
      `${setting.name}: side accuracy ${(correct / n).toFixed(2)} (${correct}/${n}; \`unknown\` counts as wrong) vs majority "${majority}" ${base.toFixed(2)}; answered ${answered.length}/${n}, right when answered ${(answered.filter((o) => o.point.entry!.sides.includes(o.side)).length / Math.max(1, answered.length)).toFixed(2)}; top side (answered or leaning) right ${outcomes.filter((o) => o.topRight).length}/${n}`,
      `  calibration of the confidence that the top side is right (held out, ${all.length} points incl. the ${noAnt.length} with no antecedent): Brier ${brier(all).toFixed(3)} (per named side, shrink ${SIDE_SHRINK}) vs ${compare.join('; ')}; ECE ${ece.toFixed(3)}; reliability bins: ${bins.join('; ')}`,
      `  points with no antecedent (right answer unknown): ${noAnt.filter((o) => o.side === 'unknown').length}/${noAnt.length} unknown — ${noAntOrigins.join(', ')}`,
      `  side errors: ${outcomes.filter((o) => !o.point.entry!.sides.includes(o.side)).map((o) => `${o.point.plan} ${o.point.point} ${o.point.entry!.sides.join('|')}→${o.side}${o.leaning ? ` (leaning ${o.leaning})` : ''} ${o.confidence.toFixed(2)}`).join(', ')}`,
      `  misses at 3 (learned, documents): ${withEntry.filter((p, i) => learned[i].doc === null || learned[i].doc! > 3).map((p) => `${p.plan} ${p.point} (${learned[withEntry.indexOf(p)].doc ?? '-'})`).join(', ') || 'none'}`,
    );
  }
  lines.push(
    '| corpus | ranking | points | doc recall@1 | doc recall@3 | points (passage gold) | passage recall@1 | passage recall@3 |',
    '|---|---|---|---|---|---|---|---|',
    ...ranking,
    '',
  );
  const names = Object.keys(r3);
  if (names.length === 2) lines.push(`learned doc recall@3 with the bulk archive minus without: ${(r3[names[1]] - r3[names[0]]).toFixed(2)} (goal: no worse than -0.05)`, '');
  lines.push('evidence audit (src/provenance/evidence-check.ts):', ...audits.map((a) => `  ${a}`), '');
  lines.push('side verdict (learned ranker, leave one plan out; the old rule: best earlier score per side, unknown below 0.1):', ...sideLines, '');
  const old = summarize(gradeGold(corpus, gold, { ranker: 'fixed' }));
  lines.push(`old rule on the same gold: side accuracy ${old.sideAccuracy.toFixed(2)} (${old.sideN}), ${old.unknown} unknown`, '');
  const model = shippedRanker();
  lines.push(`shipped model (corpora/reference/provenance/ranker.json, \`npm run train:provenance\`: all gold plans, bulk archive as negatives):`, describeRanker(model), '');
  const ruPath = gradeRussianPath(corpus);
  const ruN = ruPath.length;
  lines.push(
    `Russian-language path (--no-builtin --corpus test/fixtures/ru-statements, shipped ranker): English point N → Russian text passage pN, ${ruN} points of us-28-2025-11-20, us-28-alt-en-2025-11-21, e3-counter-2025-11-23`,
    `  recall@1 ${pct(ruPath.filter((o) => o.rank === 1).length, ruN)}, recall@3 ${pct(ruPath.filter((o) => o.rank !== null && o.rank <= 3).length, ruN)}`,
    `  misses at 1: ${ruPath.filter((o) => o.rank !== 1).map((o) => `${o.plan} ${o.point} (${o.rank ?? '-'})`).join(', ') || 'none'}`,
  );
  return lines.join('\n');
}

/** Match every gold plan with the shipped ranker and audit every evidence pair it shows. */
function auditShipped(setting: Setting, gold: Gold): { plans: number; pairs: number; problems: EvidenceProblem[] } {
  const byId = new Map(setting.corpus.documents.map((d) => [d.id, d]));
  const sourceText = (id: string) => byId.get(id)?.text;
  const plans = [...new Set(gold.entries.map((e) => e.plan))].sort();
  let pairs = 0;
  const problems: EvidenceProblem[] = [];
  for (const id of plans) {
    const plan = findDocument(setting.corpus, id)!;
    const result = matchPlan(plan, setting.index, { top: 5, sourceText });
    for (const p of result.points) for (const c of [...p.candidates, ...(p.echoes ?? [])]) pairs += c.evidence.length + (c.also?.evidence.length ?? 0);
    const index = setting.index;
    problems.push(...auditEvidence(result, plan.text, plan.language, (d) => byId.get(d), passageShare(index)));
  }
  return { plans: plans.length, pairs, problems };
}

/** Mean squared error of the confidence that the top side is right. */
function brier(outcomes: SideOutcome[]): number {
  return outcomes.reduce((sum, o) => sum + (o.confidence - (o.topRight ? 1 : 0)) ** 2, 0) / outcomes.length;
}

function share(a: number, b: number): number {
  return b ? a / b : 0;
}

function pct(a: number, b: number): string {
  return `${a}/${b} = ${share(a, b).toFixed(2)}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await evalProvenance());
}
