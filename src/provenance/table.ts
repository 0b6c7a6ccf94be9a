// Provenance results as tables: one row per (point, candidate) for exports,
// and a points × source documents matrix for a heat map.
import type { ExportTable } from '../export/table.js';
import type { Candidate, Evidence, LineageStep, MatchResult } from './types.js';

export const PROVENANCE_COLUMNS = [
  'plan',
  'point',
  'point text',
  'origin',
  'origin confidence',
  'rank',
  'doc',
  'side',
  'speaker',
  'date',
  'passage',
  'score',
  'later',
  'evidence phrases',
  'source URL',
  // Added 1 Dec 2026 at the end, so a reader that takes columns by position is not broken.
  'origin leaning',
  'earliest antecedent',
  'closest antecedent',
  'evidence offsets',
  // Added 1 Dec 2026: which texts the offsets index (a reporter sliced a CRLF file with offsets into the extracted text).
  'offsets into',
  // Added 1 Dec 2026 (a researcher citing the table): later echoes as rows of their own, a candidate's `also`
  // passage, and the plan's date and source, so a row can be cited without the JSON.
  'row',
  'also passage',
  'also evidence phrases',
  'plan date',
  'plan URL',
];

/** The 'row' cell: a ranked candidate, a later statement that echoes the point (never an origin), or a point with neither. */
export type ProvenanceRowKind = 'candidate' | 'echo' | 'no candidate';

/**
 * The 'offsets into' cell: which texts a table's offsets index. `plan`: the
 * plan's text when it is not its document text (Document.text: LF line ends,
 * no front matter), e.g. "the file draft.md as saved"; sources always index
 * their document text. `cli`: name the command that prints a document's text
 * (`provenance show ID --format json`).
 */
export function offsetsInto(plan?: string, { cli = false } = {}): string {
  // `show` needs the same --corpus options to find a bulk or folder document (a researcher's `show` of an archive id failed).
  const documentText = `document text${cli ? ' (show ID --format json, with the same --corpus options)' : ''}`;
  return plan === undefined ? `plan and source: ${documentText}` : `plan: ${plan}; source: ${documentText}`;
}

/**
 * One row per point and candidate (rank 1..K); a point without candidates gets
 * one row with empty candidate cells, so every point is listed. Evidence
 * phrases are quoted: "plan words" = "source words", joined with " | ".
 * `offsets` says which texts the result's offsets index (the 'offsets into'
 * cell of every row, see offsetsInto): the CLI passes "plan: the file … as
 * saved" for a file it mapped (cli/raw-offsets.ts); by default (the web view),
 * each document's text.
 */
export function provenanceTable(result: MatchResult, offsets = offsetsInto(), plan: { url?: string } = {}): ExportTable {
  const rows: ExportTable['rows'] = [];
  for (const p of result.points) {
    const base = {
      plan: result.plan,
      point: p.point,
      'point text': oneLine(p.text),
      origin: p.origin.side,
      'origin confidence': p.origin.confidence,
      // `unknown` origins still lean to a side: a citation needs it beside the confidence.
      'origin leaning': p.origin.leaning ?? null,
      'earliest antecedent': lineageStep(p.lineage.earliest),
      'closest antecedent': lineageStep(p.lineage.closest),
      'offsets into': offsets,
      'plan date': result.date,
      'plan URL': plan.url ?? null,
    };
    const candidate = (c: Candidate, rank: number | null, row: ProvenanceRowKind, score = c.score) => ({
      ...base,
      rank,
      doc: c.doc,
      side: c.side,
      speaker: c.speaker,
      date: c.date,
      passage: c.passage,
      score,
      later: c.later,
      'evidence phrases': evidencePhrases(shownEvidence(c)),
      'source URL': c.url,
      'evidence offsets': evidenceOffsets(shownEvidence(c)),
      row,
      'also passage': c.also ? `${c.also.passage} (${c.also.score})` : null,
      'also evidence phrases': c.also ? evidencePhrases(c.also.evidence) : null,
    });
    if (!p.candidates.length) rows.push({ ...base, rank: null, row: 'no candidate' satisfies ProvenanceRowKind });
    p.candidates.forEach((c, i) => rows.push(candidate(c, i + 1, 'candidate')));
    // An echo's score is its wording score (fixedScore, no date), as the match table shows it ("0.262w").
    for (const e of p.echoes) rows.push(candidate(e, null, 'echo', e.fixedScore ?? e.score));
  }
  return { columns: PROVENANCE_COLUMNS, rows };
}

/** A lineage step as a cell: `doc passage (date)`, or empty. */
function lineageStep(step: LineageStep | undefined): string | null {
  return step ? `${step.doc} ${step.passage} (${step.date})` : null;
}

/** What a candidate shows as its evidence: its reused wording, or, when it has none, the shared words behind its score. */
export function shownEvidence(c: Candidate): Evidence[] {
  return c.evidence.length ? c.evidence : (c.words ?? []);
}

/**
 * The evidence column: each piece quoted on both sides. A piece that occurs
 * more than once (the same words at two places of the point and the passage)
 * is listed once with its count, "×2"; a cell repeating a phrase read as a
 * duplicate. The quoted words are the sliced text with each run of white
 * space (line ends included) as one space, trimmed.
 */
export function evidencePhrases(evidence: Evidence[]): string {
  return [...phraseGroups(evidence)].map(([phrase, list]) => (list.length > 1 ? `${phrase} ×${list.length}` : phrase)).join(' | ');
}

/**
 * The offsets column, entry for entry beside `evidencePhrases` (both joined
 * with " | ", in the same order): `plan a-b = source c-d` (UTF-16 units), and
 * for a phrase shown "×N" its N occurrences in one entry, joined with "; " in
 * the order of the evidence. A reporter pairing the two columns in order found
 * a "×2" phrase's second offsets taken for the next phrase.
 */
export function evidenceOffsets(evidence: Evidence[]): string {
  return [...phraseGroups(evidence).values()]
    .map((list) => list.map((e) => `plan ${e.plan[0]}-${e.plan[1]} = source ${e.source[0]}-${e.source[1]}`).join('; '))
    .join(' | ');
}

/** Evidence pieces by the phrase the table shows for them, in order of first occurrence. */
function phraseGroups(evidence: Evidence[]): Map<string, Evidence[]> {
  const groups = new Map<string, Evidence[]>();
  for (const e of evidence) {
    const phrase = evidencePhrase(e);
    groups.set(phrase, [...(groups.get(phrase) ?? []), e]);
  }
  return groups;
}

/** One evidence piece as the table quotes it. */
function evidencePhrase(e: Evidence): string {
  // The negation often sits before the matched words, so it is named: '"create conditions" ≠ "create conditions" (opposite polarity)' read as a contradiction.
  if (e.polarity === 'opposite') return `"${oneLine(e.text)}" ≠ "${oneLine(e.sourceText)}" (opposite polarity${e.negation ? `: the ${e.negation.side} says "${oneLine(e.negation.text)}"` : ''})`;
  // A word the lexical score counted, not reused wording: marked so a citation does not read it as a phrase.
  if (e.kind === 'shared-word') return oneLine(e.text) === oneLine(e.sourceText) ? `word "${oneLine(e.text)}"` : `word "${oneLine(e.text)}" = "${oneLine(e.sourceText)}"`;
  return e.kind === 'shared-phrase' && oneLine(e.text) === oneLine(e.sourceText) ? `"${oneLine(e.text)}"` : `"${oneLine(e.text)}" = "${oneLine(e.sourceText)}"`;
}

export interface Heatmap {
  /** Source documents that scored for at least one point, ordered by date. */
  documents: { id: string; side: string; date: string }[];
  /** One row per point; `scores[i]` is the best score of documents[i] for that point (0 if none). */
  rows: { point: string; scores: number[] }[];
}

/** The points × source documents matrix behind a heat map (best passage score per cell). */
export function heatmap(result: MatchResult, documentInfo: (id: string) => { side: string; date: string } | undefined): Heatmap {
  const ids = new Set<string>();
  for (const p of result.points) for (const id of Object.keys(p.documents)) ids.add(id);
  const documents = [...ids]
    .map((id) => ({ id, side: documentInfo(id)?.side ?? 'unknown', date: documentInfo(id)?.date ?? '' }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return { documents, rows: result.points.map((p) => ({ point: p.point, scores: documents.map((d) => p.documents[d.id] ?? 0) })) };
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
