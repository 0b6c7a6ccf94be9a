// provenance translationese <plan|file>... — how much each English text reads
// as translated from Russian, with the spans that drove the score.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { findDocument } from '../../corpus/load.js';
import { undeclaredLanguage } from '../../corpus/language.js';
import { parseDraft } from '../../corpus/parse-document.js';
import { decodeSource } from '../../corpus/source-text.js';
import type { Corpus } from '../../corpus/types.js';
import { serialize, type ExportFormat } from '../../export/table.js';
import { readModel } from '../../style/model-file.js';
import { featureCatalogue } from '../../style/rules.js';
import { commonSegments, notApplicableReason, rankResults, scoreDocument, scoreProse, translationeseTable, type TranslationeseResult } from '../../style/score.js';
import { importedPlan, openCorpus, printJson, resolveDocument, type CorpusOptions } from '../context.js';
import { UserError } from '../errors.js';
import { renderTable } from '../table.js';
import { rawTranslationese } from '../raw-offsets.js';
import { trainingSample } from '../../style/training-check.js';

export interface TranslationeseOptions extends CorpusOptions {
  format: string;
  bySegment?: boolean;
  commonPoints?: boolean;
}

export function translationeseCommand(inputs: string[], options: TranslationeseOptions): void {
  const corpus = openCorpus(options);
  let model;
  try {
    model = readModel();
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  const docs = inputs.map((input) => {
    const prose = proseFile(corpus, input);
    return prose !== undefined ? { input, prose } : { input, doc: resolveDocument(corpus, input) };
  });
  let only: string[] | undefined;
  if (options.commonPoints) {
    const scorable = docs.flatMap((d) => (d.doc && !notApplicableReason(d.doc) ? [d.doc] : []));
    if (scorable.length < 2) throw new UserError('--common-points needs at least two English documents to compare');
    only = commonSegments(scorable);
    if (!only.length) throw new UserError(`--common-points: no point is present in all of ${scorable.map((d) => d.id).join(', ')}`);
  }
  const results = docs.flatMap(({ input, doc, prose }) =>
    doc
      ? rawTranslationese(scoreDocument(doc, { bySegment: options.bySegment, model, input, only }), doc)
      : scoreProse(prose!, { input, bySegment: options.bySegment, model, language: undeclaredLanguage(prose!) }),
  );
  // A reference text the model was trained on: JSON carries it (trainedOn), the table prints a note under it.
  const trained = new Map(docs.map(({ input, doc, prose }) => [input, trainingSample(doc ? doc.text : prose!)] as const));
  for (const r of results) {
    const t = r.segment === null ? trained.get(r.input) : undefined;
    if (t) r.trainedOn = { set: t.set, file: t.file, label: t.label };
  }
  if (options.format === 'json') return printJson(results);
  if (options.format !== 'table') return void process.stdout.write(serialize(translationeseTable(results), options.format as ExportFormat));
  const notes = results.filter((r) => r.trainedOn).map((r) => `note: ${r.input} is the reference text ${r.trainedOn!.set}/${r.trainedOn!.file} (labelled ${r.trainedOn!.label}), which the model was trained on: its score shows what the model learned, not how well it judges a text it has not seen.`);
  process.stdout.write(`${renderResults(results)}\n${only ? `compared on the points every input has: ${only.join(', ')}\n` : ''}${notes.map((n) => `${n}\n`).join('')}`);
}

/**
 * A file that is neither a corpus id nor a numbered list is scored as prose:
 * translationese applies to any English text, not only to plans.
 */
function proseFile(corpus: Corpus, input: string): string | undefined {
  if (findDocument(corpus, input) || importedPlan(input) || !existsSync(input) || !statSync(input).isFile()) return undefined;
  const decoded = decodeSource(readFileSync(input), input);
  if (!decoded.ok) return undefined; // resolveDocument reports the problem
  const parsed = parseDraft(decoded.text, { id: 'prose', file: input, title: input });
  if (parsed.document && !parsed.issues.some((i) => i.severity === 'error')) return undefined;
  // Spans are offsets into the file as the user has it (BOM and CRLF kept), not into the loader's LF copy.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync(input));
}

function renderResults(results: TranslationeseResult[]): string {
  let rank = 0;
  const rows = rankResults(results).map((r) => ({ r, rank: r.segment === null && r.score !== null ? String(++rank) : '' }));
  const table = renderTable(rows, [
    { header: '#', value: (x) => x.rank, align: 'right' },
    // Cut in the middle: inputs are often paths that differ only near the end.
    { header: 'input', value: (x) => (x.r.segment === null ? x.r.input : /^\d/.test(x.r.segment) ? `  point ${x.r.segment}` : `  ${x.r.segment}`), max: 40, cut: 'middle' },
    { header: 'words', value: (x) => x.r.words, align: 'right' },
    { header: 'score', value: (x) => (x.r.score === null ? '-' : x.r.score.toFixed(2)), align: 'right' },
    { header: '90% interval', value: (x) => (x.r.interval ? `${x.r.interval.low.toFixed(2)}-${x.r.interval.high.toFixed(2)}` : '-') },
    { header: 'label', value: (x) => x.r.label },
    { header: 'evidence', value: (x) => topEvidence(x.r), max: 70 },
  ]);
  return [
    table,
    '',
    'score: the model\'s probability that the English reads as translated (trained on translations from Russian; held-out ROC AUC 0.71–0.83 on its two reference sets, less on other kinds of text; it cannot tell the source language: see README "Translationese"). Read it with its interval and label: "undecided" means it does not decide.',
    'evidence: strongest spans toward translation (+) and against it (-); --format json gives every span with offsets.',
  ].join('\n');
}

/** Features whose single spans are not worth quoting (a "the", an "and"). */
const FREQUENCY = new Set(featureCatalogue().filter((f) => f.kind === 'frequency').map((f) => f.id));

/** The three spans with the largest weight toward translation, then the strongest against. */
function topEvidence(r: TranslationeseResult): string {
  if (r.label === 'not applicable') return r.note;
  const seen = new Set<string>();
  const distinct = [...r.features]
    .sort((a, b) => b.weight - a.weight)
    .filter((f) => {
      const key = `${f.name}:${f.text.toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const pro = distinct.filter((f) => f.weight > 0 && !FREQUENCY.has(f.name)).slice(0, 3).map((f) => `+"${f.text}"`);
  const contra = distinct.filter((f) => f.weight < 0 && !FREQUENCY.has(f.name)).slice(-1).map((f) => `-"${f.text}"`);
  return [...pro, ...contra].join(' ');
}
