// Analysing a visitor's draft: parse it, then compare it with a published
// version, match it against the statements and score its translationese.
// Pure CPU work over the loaded corpus, so it can run on the server's thread
// or in a worker that loaded the same corpus (draft-pool.ts).
import { formatIssue } from '../corpus/format-issue.js';
import { findDocument } from '../corpus/load.js';
import { parseDraft } from '../corpus/parse-document.js';
import type { Corpus, Document } from '../corpus/types.js';
import type { MatchResult } from '../provenance/index.js';
import { scoreDocument, type TranslationeseResult } from '../style/index.js';
import { compareView } from './compare-view.js';
import { matchResult } from './provenance-view.js';

const DRAFT_ID = 'your-draft';
/**
 * Most points one draft may have on the web: every point is aligned, matched
 * and scored per request, so this bounds the work a visitor can ask for
 * (2,548 points took 23 s and a 17 MB page; 200 take about 1.4 s).
 */
export const MAX_DRAFT_POINTS = 200;

/** What to analyse: the draft's text, the id of the published plan to compare it with, its date. Plain data, so it can go to a worker. */
export interface DraftJob {
  source: string;
  against?: string;
  date?: string;
}

export type DraftAnalysis =
  | { ok: false; problems: string[] }
  /** A draft that is not a plan: answered with this HTTP status and message. */
  | { ok: false; problems: string[]; status: 422; message: string }
  | { ok: true; document: Document; problems: string[]; versions: Document[]; compare?: ReturnType<typeof compareView>; match: MatchResult; style: TranslationeseResult[] };

/** Parse the draft, then compare it with `against`, match it and score it. Nothing is added to the corpus. */
export function analyseDraft(corpus: Corpus, job: DraftJob): DraftAnalysis {
  const { source, date } = job;
  const against = job.against ? findDocument(corpus, job.against) : undefined;
  const { document, issues } = parseDraft(source, { id: DRAFT_ID, title: 'Your draft', file: '<pasted>', date });
  const problems = issues.map(formatIssue);
  if (!document || issues.some((i) => i.severity === 'error')) return { ok: false, problems };
  if (document.kind !== 'plan') return { ok: false, problems, status: 422, message: 'A draft is a plan: a numbered list of points (front matter, if any, must say `kind: plan`).' };
  const points = document.segments.filter((s) => s.kind === 'point').length;
  if (points > MAX_DRAFT_POINTS) {
    return { ok: false, problems: [`<pasted>: error [body]: the draft has ${points} points; the web view compares, matches and scores at most ${MAX_DRAFT_POINTS} at a time (the longest real plan has 28) — split it, or use the command line`] };
  }
  document.id = DRAFT_ID;
  document.builtin = false;
  document.path = '<pasted>';
  const versions = against ? [against, document] : [];
  return {
    ok: true,
    document,
    problems,
    versions,
    compare: against ? compareView(corpus, versions) : undefined,
    match: matchResult(corpus, document),
    style: scoreDocument(document, { bySegment: true, input: DRAFT_ID }),
  };
}
