// Evaluation of the translationese classifier (npm run eval).
//
// Every figure is on texts the scored model never saw, and every model is
// trained by the whole procedure (penalty by inner leave-one-publisher-out CV,
// decision thresholds from that inner CV's out-of-fold probabilities), so
// nothing below is tuned on the texts it is measured on:
// 1. leave-one-publisher-out over both reference sets (16 publisher groups);
// 2. leave-one-decade-out (1940s … 2020s, both sets);
// 3. each set trained only on the other (statements → UN, UN → statements);
// 4. the era-reversed subsets of 1 and 2 (statements: translated texts from
//    2022 on vs originals up to 2021; UN: post-Soviet translations vs Cold War
//    originals, and the reverse), where a model that learned the era fails;
// 5. real documents of the corpora (English translated from Russian, and
//    English originals) scored by the shipped model: no wrong *decided* label.
// Settings chosen while looking at these figures (the feature families, the
// grid, genre centring) are listed in the closing note.
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Document } from '../../src/corpus/types.js';
import { countFeatures, type FeatureCounts } from '../../src/style/features.js';
import { probability } from '../../src/style/model.js';
import { featureCatalogue } from '../../src/style/rules.js';
import { loadReferenceSets, type ReferenceSample } from '../../src/style/reference-set.js';
import { rangeCheck, scoreDocument, scoreProse, type TranslationeseResult } from '../../src/style/score.js';
import { LAMBDA_GRID, MODEL_FAMILIES, MODEL_FEATURES, subset, trainModel, trainWithCv, type CountedSet, type TrainOptions } from '../../src/style/train.js';
import { scoreInterval } from '../../src/style/uncertainty.js';

export interface Prediction {
  sample: ReferenceSample;
  p: number;
  /** 90% interval of p from the text's length. */
  low: number;
  high: number;
  /** The label the model would give: decided only past its held-out thresholds. */
  decided: 'translated' | 'original' | null;
  lambda: number;
  /** False when the scorer would call the text out of the reference sets' range (never decided). */
  inRange: boolean;
}

const isTranslated = (l: string): number => (l === 'translated' ? 1 : 0);

/**
 * Hold out each key in turn (publisher group, decade, set), train on the rest
 * with the full procedure, predict the held-out texts.
 */
export function heldOutPredictions(
  samples: ReferenceSample[],
  counted: FeatureCounts[],
  keyOf: (s: ReferenceSample) => string,
  options: TrainOptions = {},
  { intervals = true }: { intervals?: boolean } = {},
): Prediction[] {
  const out: Prediction[] = [];
  const all: CountedSet = { counted, labels: samples.map((s) => s.label), sets: samples.map((s) => s.set), groups: samples.map((s) => s.group) };
  for (const key of [...new Set(samples.map(keyOf))]) {
    const train = samples.map((_, i) => i).filter((i) => keyOf(samples[i]) !== key);
    const { model } = trainWithCv(subset(all, train), options);
    samples.forEach((s, i) => {
      if (keyOf(s) !== key) return;
      const p = probability(counted[i], model);
      const { low, high } = intervals ? scoreInterval(counted[i], model) : { low: p, high: p };
      // The same rule as the shipped scorer: nothing is decided out of range.
      const inRange = !rangeCheck(counted[i], model).reason;
      const decided = !intervals || !inRange ? null : low >= model.decision.translatedFrom ? 'translated' : high <= model.decision.originalTo ? 'original' : null;
      out.push({ sample: s, p, low, high, decided, lambda: model.lambda, inRange });
    });
  }
  return out;
}

export function auc(scores: number[], labels: number[]): number {
  const pos = scores.filter((_, i) => labels[i] === 1);
  const neg = scores.filter((_, i) => labels[i] === 0);
  let wins = 0;
  for (const a of pos) for (const b of neg) wins += a > b ? 1 : a === b ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

export interface Summary {
  n: number;
  translated: number;
  accuracy: number;
  auc: number;
  brier: number;
  /** Expected calibration error over 5 equal-width bins. */
  ece: number;
  decidedShare: number;
  decidedRight: number;
  decidedN: number;
  /** Texts the scorer would call out of range. */
  outOfRange: number;
}

export function summarise(preds: Prediction[]): Summary {
  const y = preds.map((p) => isTranslated(p.sample.label));
  const n = preds.length;
  const right = preds.filter((p, i) => (p.p >= 0.5 ? 1 : 0) === y[i]).length;
  const brier = preds.reduce((s, p, i) => s + (p.p - y[i]) ** 2, 0) / n;
  let ece = 0;
  for (let b = 0; b < 5; b++) {
    const inBin = preds.map((_, i) => i).filter((i) => preds[i].p >= b / 5 && (preds[i].p < (b + 1) / 5 || b === 4));
    if (!inBin.length) continue;
    const meanP = inBin.reduce((s, i) => s + preds[i].p, 0) / inBin.length;
    const obs = inBin.reduce((s, i) => s + y[i], 0) / inBin.length;
    ece += (inBin.length / n) * Math.abs(meanP - obs);
  }
  const decided = preds.filter((p) => p.decided);
  const outOfRange = preds.filter((p) => !p.inRange).length;
  const translated = y.reduce((s, v) => s + v, 0);
  return {
    n,
    translated,
    accuracy: right / n,
    auc: translated && translated < n ? auc(preds.map((p) => p.p), y) : NaN,
    brier,
    ece,
    decidedShare: decided.length / n,
    decidedRight: decided.filter((p) => p.decided === p.sample.label).length,
    decidedN: decided.length,
    outOfRange,
  };
}

const f2 = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(2));

function row(name: string, preds: Prediction[]): string {
  if (!preds.length) return `  ${name.padEnd(44)} no texts`;
  const s = summarise(preds);
  const decided = s.decidedN ? `${s.decidedRight}/${s.decidedN} right` : 'none';
  return `  ${name.padEnd(44)} ${String(s.n).padStart(3)} (${String(s.translated).padStart(3)} tr)  acc ${f2(s.accuracy)}  AUC ${f2(s.auc)}  Brier ${f2(s.brier)}  ECE ${f2(s.ece)}  out of range ${String(s.outOfRange).padStart(3)}  decided ${String(Math.round(100 * s.decidedShare)).padStart(3)}%: ${decided}`;
}

function reliability(preds: Prediction[]): string {
  const cells: string[] = [];
  for (let b = 0; b < 5; b++) {
    const inBin = preds.filter((p) => p.p >= b / 5 && (p.p < (b + 1) / 5 || b === 4));
    if (!inBin.length) continue;
    const meanP = inBin.reduce((s, p) => s + p.p, 0) / inBin.length;
    const obs = inBin.filter((p) => p.sample.label === 'translated').length / inBin.length;
    cells.push(`[${(b / 5).toFixed(1)},${((b + 1) / 5).toFixed(1)}) n ${inBin.length} p ${meanP.toFixed(2)} obs ${obs.toFixed(2)}`);
  }
  return `    reliability: ${cells.join(' | ')}`;
}

/** Statements set: translations from 2022 on vs originals up to 2021, the opposite of the set's era skew. */
export const eraReversedStatements = (p: Prediction) => p.sample.set === 'statements' && (p.sample.label === 'translated' ? p.sample.year >= 2022 : p.sample.year <= 2021);
/** UN set: post-Soviet translations (1992 on) vs Cold War originals, and the reverse. */
export const unLateTranslatedEarlyOriginal = (p: Prediction) => p.sample.set === 'un' && (p.sample.label === 'translated' ? p.sample.year >= 1992 : p.sample.year < 1992);
export const unEarlyTranslatedLateOriginal = (p: Prediction) => p.sample.set === 'un' && (p.sample.label === 'translated' ? p.sample.year < 1992 : p.sample.year >= 1992);

function scheme(out: string[], title: string, preds: Prediction[]): void {
  out.push(title);
  const bySet = (set: string) => preds.filter((p) => p.sample.set === set);
  out.push(row('statements set', bySet('statements')));
  out.push(reliability(bySet('statements')));
  out.push(row('UN set', bySet('un')));
  out.push(reliability(bySet('un')));
  out.push(row('statements, era-reversed (tr >= 2022, or <= 2021)', preds.filter(eraReversedStatements)));
  out.push(row('UN, tr 1992+ vs or before 1992', preds.filter(unLateTranslatedEarlyOriginal)));
  out.push(row('UN, tr before 1992 vs or 1992+', preds.filter(unEarlyTranslatedLateOriginal)));
  out.push(`    penalty chosen per fold: ${[...new Set(preds.map((p) => p.lambda))].sort((a, b) => a - b).join(', ')}`);
  out.push('');
}

/** English corpus documents with a known answer: translated from Russian, or written in English. */
export function knownDocuments(documents: Document[]): { doc: Document; label: 'translated' | 'original' }[] {
  const english = documents.filter((d) => d.builtin && d.language === 'en' && d.status === 'published');
  // The 28-point plan's English witnesses are what we want to study, so they
  // are not test data; a US-Ukrainian or Ukrainian text is neither class.
  const isStudied = (d: Document) => d.id.startsWith('us-28-');
  return [
    ...english.filter((d) => d.translatedFrom === 'ru').map((doc) => ({ doc, label: 'translated' as const })),
    ...english.filter((d) => !d.translatedFrom && ['us', 'eu', 'mixed'].includes(d.side) && !isStudied(d)).map((doc) => ({ doc, label: 'original' as const })),
  ];
}

/** Treaty-style Kremlin texts of the bulk archive (the site's own English of Russian originals). */
const BULK_TREATIES = ['kremlin-en-6152'];

function bulkDocuments(ids: string[]): { id: string; text: string }[] {
  try {
    const path = join(process.cwd(), '../shared/bulk/kremlin-en-2000-2020.jsonl.gz');
    const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
    return lines.filter((l) => ids.some((id) => l.includes(`"id": "${id}"`))).map((l) => JSON.parse(l) as { id: string; text: string });
  } catch {
    return [];
  }
}

function docLine(name: string, label: string, r: TranslationeseResult): string {
  const wrong = r.decided && r.label !== label;
  return `  ${name.padEnd(40)} ${label.padEnd(10)} ${String(r.words).padStart(5)} w  ${r.score?.toFixed(2)} [${r.interval?.low.toFixed(2)}, ${r.interval?.high.toFixed(2)}]  ${r.label}${wrong ? '  <-- WRONG DECIDED LABEL' : ''}${r.label === 'out of range' ? ` (${r.note.replace(/^out of range: /, '').slice(0, 60)})` : ''}`;
}

export async function evalTranslationese(): Promise<string> {
  const started = performance.now();
  const samples = loadReferenceSets();
  const counted = samples.map((s) => countFeatures(s.text));
  const out: string[] = [];
  const nTr = samples.filter((s) => s.label === 'translated').length;
  out.push('## Translationese classifier');
  out.push(
    `Reference sets: statements ${samples.filter((s) => s.set === 'statements').length} texts, UN General Debate ${samples.filter((s) => s.set === 'un').length} texts; ${nTr} translated, ${samples.length - nTr} original; ${new Set(samples.map((s) => s.group)).size} publisher groups.`,
  );
  out.push(
    `Model: ${MODEL_FEATURES.length} features (${MODEL_FAMILIES.join(', ')}) on masked text, genre-centred rates, class-balanced L2 logistic regression; lambda from {${LAMBDA_GRID.join(', ')}} and the decision thresholds by leave-one-publisher-out CV inside each training fold.`,
  );
  out.push('Columns: texts (translated), accuracy at 0.5, ROC AUC, Brier score (0.25 = always 0.5), expected calibration error (5 bins), texts the scorer would call out of range, share of texts with a decided label (in range, interval past the fold\'s thresholds) and how many of those are right.');
  out.push('');
  const lopo = heldOutPredictions(samples, counted, (s) => s.group);
  scheme(out, 'Leave-one-publisher-out (both sets; held-out UNGA-RUS has no UN translation in training):', lopo);
  const decade = heldOutPredictions(samples, counted, (s) => `${Math.floor(s.year / 10)}0s`);
  scheme(out, 'Leave-one-decade-out (both sets):', decade);
  const cross = heldOutPredictions(samples, counted, (s) => s.set);
  out.push('Each set trained only on the other:');
  out.push(row('trained on UN, tested on statements', cross.filter((p) => p.sample.set === 'statements')));
  out.push(reliability(cross.filter((p) => p.sample.set === 'statements')));
  out.push(row('trained on statements, tested on UN', cross.filter((p) => p.sample.set === 'un')));
  out.push(reliability(cross.filter((p) => p.sample.set === 'un')));
  out.push(row('  statements era-reversed subset', cross.filter(eraReversedStatements)));
  out.push('');

  // The issue's targets, against the closest held-out proxies measured above.
  const target = (name: string, preds: Prediction[], acc: number, aucMin: number) => {
    const x = summarise(preds);
    const met = x.accuracy >= acc && (Number.isNaN(aucMin) || x.auc >= aucMin);
    return `  ${name}: acc ${f2(x.accuracy)} (target ${acc})${Number.isNaN(aucMin) ? '' : `, AUC ${f2(x.auc)} (target ${aucMin})`}: ${met ? 'met' : 'NOT met'}`;
  };
  out.push('Targets of issue 14 (on unseen texts of each kind; proxies: publisher and decade held out):');
  for (const [scheme, preds] of [['publisher held out', lopo], ['decade held out', decade]] as const) {
    out.push(target(`statements kind, ${scheme}`, preds.filter((p) => p.sample.set === 'statements'), 0.85, 0.9));
    out.push(target(`statements era-reversed, ${scheme}`, preds.filter(eraReversedStatements), 0.75, NaN));
    out.push(target(`UN kind, ${scheme}`, preds.filter((p) => p.sample.set === 'un'), 0.8, 0.85));
  }
  out.push('');

  // Ablation: the families left out of the shipped model, measured the same way.
  out.push('Ablation (leave-one-publisher-out, lambda fixed at 32, no decision: the shipped families were chosen on these rows and the schemes above):');
  const catalogue = featureCatalogue();
  const withFunctionWords = [...MODEL_FEATURES, ...catalogue.filter((f) => f.family === 'function-word').map((f) => f.id)];
  const constructionsOnly = catalogue.filter((f) => f.family === 'construction').map((f) => f.id);
  for (const [name, features] of [
    ['shipped families + function words', withFunctionWords],
    ['construction rules only', constructionsOnly],
  ] as const) {
    const preds = heldOutPredictions(samples, counted, (s) => s.group, { features, lambda: 32 }, { intervals: false });
    out.push(row(`${name}, statements`, preds.filter((p) => p.sample.set === 'statements')));
    out.push(row(`${name}, UN`, preds.filter((p) => p.sample.set === 'un')));
  }
  out.push('');

  // Real documents, scored by the shipped model (trained on all 200 reference texts).
  const model = trainModel(samples);
  out.push(
    `Shipped model: lambda ${model.lambda}; decided "translated" when the 90% interval is >= ${model.decision.translatedFrom}, "original" when <= ${model.decision.originalTo} (held-out precision target ${model.decision.precision}; a threshold outside [0, 1] means never).`,
  );
  out.push('Real documents (never trained on): English translated from Russian, or written in English:');
  const corpus = loadCorpus({ builtin: true });
  let wrong = 0;
  let decidedDocs = 0;
  for (const { doc, label } of knownDocuments(corpus.documents)) {
    const [r] = scoreDocument(doc, { model });
    if (r.decided) decidedDocs++;
    if (r.decided && r.label !== label) wrong++;
    out.push(docLine(doc.id, label, r));
  }
  for (const d of bulkDocuments(BULK_TREATIES)) {
    const [r] = scoreProse(d.text, { input: d.id, model });
    if (r.decided) decidedDocs++;
    if (r.decided && r.label !== 'translated') wrong++;
    out.push(docLine(`${d.id} (bulk; draft treaty)`, 'translated', r));
  }
  out.push(`  decided labels: ${decidedDocs}, wrong: ${wrong}`);
  out.push('');
  out.push(
    'Tuned on what: the construction rules were written by earlier sessions while the statements set was visible; the feature families, the lambda grid, genre centring and the 90% decision precision (on 15+ texts) were chosen here while looking at leave-one-publisher-out, leave-one-decade-out and cross-set figures on the same 200 texts. The POS n-grams were picked by frequency without labels. So these figures are somewhat optimistic; the held-out sets kept outside the repository are the clean test.',
  );
  out.push(`(evaluated in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return out.join('\n');
}
