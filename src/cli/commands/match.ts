// `provenance match <plan|file>`: each point of a plan with the earlier
// statements it echoes, the evidence, and its likely origin side.
import type { Corpus, Document } from '../../corpus/types.js';
import { serialize } from '../../export/table.js';
import { matchPlan, provenanceTable, textLookup, type Candidate, type MatchResult, type PointMatch } from '../../provenance/index.js';
import { evidencePhrases, shownEvidence } from '../../provenance/table.js';
import { openPassageIndexAsync } from '../../provenance/open-index.js';
import { PassimFormatError, readPassimPairs } from '../../corpus/passim-output.js';
import { PassimPassageIndex } from '../../provenance/passim-index.js';
import type { PassageIndex } from '../../provenance/types.js';
import { UserError } from '../errors.js';
import { progressFor } from '../progress.js';
import { draftDateOption, noteUndatedDraft, openCorpus, printJson, resolveDocument, type CorpusOptions } from '../context.js';
import { planOffsetsInto, rawMatch } from '../raw-offsets.js';
import { renderTable } from '../table.js';

export interface MatchCommandOptions extends CorpusOptions {
  top?: string;
  format: string;
  /** passim output to take candidates from (see provenance/passim-index.ts). */
  passim?: string;
  /** The plan file's date when it gives none (no front matter): what is an antecedent and what a later echo depends on it. */
  date?: string;
}

/** Load the corpora, resolve the plan (id or file), index the sources and match. Shared with `export`. */
export async function runMatch(planArg: string, options: CorpusOptions & { top?: string; passim?: string; date?: string }): Promise<{ corpus: Corpus; plan: Document; result: MatchResult }> {
  const top = parseTop(options.top);
  const date = draftDateOption(options.date);
  const corpus = openCorpus(options);
  const plan = resolveDocument(corpus, planArg, { date });
  noteUndatedDraft(plan);
  if (plan.kind !== 'plan') throw new UserError(`"${plan.id}" is a ${plan.kind}, not a plan: give a plan id (see "provenance list") or a file with numbered points`);
  if (plan.status === 'reported-only') throw new UserError(`"${plan.id}" is reported-only: its text was never published, so there are no points to match`);
  // Bulk files get a persistent SQLite index beside them (built once, in worker threads, with a progress bar); the rest an in-memory one.
  const progress = progressFor(options);
  let opened;
  try {
    opened = await openPassageIndexAsync(corpus, { onProgress: (done, total, label) => progress.update(done, total, label) });
  } finally {
    progress.stop();
  }
  const { index } = opened;
  if (index.size === 0) throw new UserError('no statements to match against: the corpora hold no statement passages (check --corpus, or drop --no-builtin)');
  const candidates = options.passim ? passimIndex(options.passim, index, plan, corpus) : index;
  const result = matchPlan(plan, candidates, { top, sourceText: textLookup(corpus.documents) });
  return { corpus, plan, result };
}

export async function matchCommand(planArg: string, options: MatchCommandOptions): Promise<void> {
  const { result, plan } = await runMatch(planArg, options);
  if (options.format === 'json') return printJson(rawMatch(result, plan));
  if (options.format === 'csv' || options.format === 'md') {
    // Offsets into the plan file as saved, as in the JSON (raw-offsets.ts).
    process.stdout.write(serialize(provenanceTable(rawMatch(result, plan), planOffsetsInto(plan), { url: plan.sources[0] }), options.format));
    return;
  }
  process.stdout.write(`${renderMatch(result, options.passim ? '(passim aligned no passage to this point)' : undefined)}\n`);
}

/** passim's aligned pairs as the candidates, scored like the index's; what could not be used is said on stderr. */
function passimIndex(path: string, base: PassageIndex, plan: Document, corpus: Corpus): PassageIndex {
  let pairs;
  try {
    pairs = readPassimPairs(path);
  } catch (e) {
    if (e instanceof PassimFormatError) throw new UserError(e.message);
    throw e;
  }
  const passim = new PassimPassageIndex(base, plan, new Map(corpus.documents.map((d) => [d.id, d])), pairs);
  const { used, unknownDocuments, otherPairs } = passim.report;
  if (!used) throw new UserError(`${path}: none of its ${pairs.length} aligned pairs joins "${plan.id}" to a statement in the corpora: export the same plan and corpora (provenance export ${plan.id} --format passim) and pass the same --corpus`);
  if (unknownDocuments.length) process.stderr.write(`${path}: ${unknownDocuments.length} document(s) not in the corpora were left out (first: ${unknownDocuments[0]}); pass the --corpus files passim was given\n`);
  if (otherPairs) process.stderr.write(`${path}: ${otherPairs} pair(s) not involving ${plan.id} ignored\n`);
  return passim;
}

function parseTop(value: string | undefined): number {
  if (value === undefined) return 5;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 100) throw new UserError(`--top must be a whole number from 1 to 100 (got "${value}")`);
  return Number(value);
}

/** The table view; `none` is what a point without candidates shows (with --passim: passim found no pair, not "nothing shares its words"). */
function renderMatch(result: MatchResult, none = '(no earlier statement shares its words)'): string {
  type Row = { p: PointMatch; c?: Candidate; i: number; echo?: boolean };
  const rows: Row[] = result.points.flatMap((p): Row[] => [
    ...(p.candidates.length ? p.candidates.map((c, i) => ({ p, c, i })) : [{ p, i: 0 }]),
    // Later echoes (statements after the plan carrying its wording), after the candidates, scored by wording only.
    ...(p.echoes ?? []).filter((e) => !p.candidates.some((c) => c.doc === e.doc)).map((c, k) => ({ p, c, i: p.candidates.length + k, echo: true })),
  ]);
  const table = renderTable(rows, [
    { header: 'point', value: (r) => (r.i === 0 ? r.p.point : '') },
    { header: 'origin', value: (r) => (r.i === 0 ? originCell(r.p.origin) : '') },
    { header: '#', value: (r) => (r.echo ? 'echo' : r.c ? r.i + 1 : ''), align: 'right' },
    { header: 'lineage', value: (r) => (r.i === 0 && r.p.lineage.earliest ? `${r.p.lineage.earliest.date}…${r.p.lineage.closest!.date}` : '') },
    { header: 'source', value: (r) => (r.c ? `${r.c.doc} ${r.c.passage}${r.c.also ? ` +${r.c.also.passage}` : ''}` : none), max: 48 },
    { header: 'side', value: (r) => r.c?.side ?? '' },
    { header: 'date', value: (r) => r.c?.date ?? '' },
    { header: 'score', value: (r) => (r.echo ? `${r.c!.fixedScore!.toFixed(3)}w` : r.c ? r.c.score.toFixed(3) : ''), align: 'right' },
    { header: 'later', value: (r) => (r.c?.later ? 'later' : '') },
    { header: 'evidence', value: (r) => (r.c ? evidencePhrases(shownEvidence(r.c)) : ''), max: 70 },
  ]);
  const sides = Object.entries(result.summary.sides)
    .map(([side, share]) => `${side} ${Math.round(share * 100)}%`)
    .join(', ');
  const missing = result.missing.length ? `\nno text for point${result.missing.length === 1 ? '' : 's'} ${result.missing.join(', ')} (not matched)` : '';
  const echoes = rows.some((r) => r.echo) ? '\n\necho: a statement dated after the plan that carries its wording (score w: wording only, no date): where the clause went, never its origin.' : '';
  // The percentages are shares of points, and each point's number is a calibrated confidence in its side, not the
  // probability that the side wrote it: a reporter read "ru 0.83" as the latter.
  const legend =
    '\n\norigin: the side whose earlier statements the point echoes best, with the confidence that this side is right (calibrated per side on held-out plans of the shipped gold, matched against the shipped statements with the bulk Kremlin archive as distractors, so the same for every point naming it; with other corpora only indicative: README "Provenance: where each point came from"); "unknown" when that side was named rightly less than half the time, "unknown (→ us)" leaning to it. A side is named even when its best statement is weak: check the score and the lineage (empty when no earlier statement reaches 0.2 with two words of the point\'s wording). It is not the probability that this side wrote the point. The summary\'s percentages are shares of the points.';
  return `${result.plan}: ${result.summary.points} point${result.summary.points === 1 ? '' : 's'} matched; likely origin (share of points): ${sides}${missing}\n\n${table}${echoes}${legend}`;
}

/** The origin cell: `ru 0.83`, `unknown`, or `unknown (→ us)` when an unknown origin leans to a side. */
function originCell(origin: PointMatch['origin']): string {
  if (origin.side !== 'unknown') return `${origin.side} ${origin.confidence.toFixed(2)}`;
  return origin.leaning && origin.leaning !== 'unknown' ? `unknown (→ ${origin.leaning})` : 'unknown';
}
