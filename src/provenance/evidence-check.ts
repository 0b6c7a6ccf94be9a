// An audit of evidence pairs, used by the tests and the eval over every
// output they produce: no pair may put two different figures side by side
// (values differ, or one side has a figure the other lacks), and no pair may
// consist of one common English word (common-words.ts).
import { isCommonWord } from './common-words.js';
import { figureValue } from './figures.js';
import { spanTerms } from './terms.js';
import type { Evidence, MatchResult } from './types.js';

export interface EvidenceProblem {
  point: string;
  doc: string;
  passage: string;
  problem: 'different figures' | 'one common word';
  text: string;
  sourceText: string;
}

/** Problems of one evidence pair; `planText`/`sourceText` are the full document texts its offsets point into. */
export function evidenceProblems(e: Evidence, planText: string, planLanguage: string, sourceText: string, sourceLanguage: string): EvidenceProblem['problem'][] {
  const a = spanTerms(planText, e.plan[0], e.plan[1], planLanguage);
  const b = spanTerms(sourceText, e.source[0], e.source[1], sourceLanguage);
  const values = (ts: typeof a) => ts.filter((t) => t.kind === 'number').map((t) => figureValue(t.key)).sort().join('|');
  const out: EvidenceProblem['problem'][] = [];
  if (values(a) !== values(b)) out.push('different figures');
  if (a.length === 1 && a[0].kind === 'word' && isCommonWord(a[0].key)) out.push('one common word');
  return out;
}

/** Every problem in a match result (its candidates and their second passages). */
export function auditEvidence(result: MatchResult, planText: string, planLanguage: string, source: (doc: string) => { text: string; language: string } | undefined): EvidenceProblem[] {
  const problems: EvidenceProblem[] = [];
  for (const p of result.points) {
    for (const c of p.candidates) {
      const src = source(c.doc);
      if (!src) continue;
      const pairs: [string, Evidence][] = [...c.evidence.map((e) => [c.passage, e] as [string, Evidence]), ...(c.also?.evidence ?? []).map((e) => [c.also!.passage, e] as [string, Evidence])];
      for (const [passage, e] of pairs) {
        for (const problem of evidenceProblems(e, planText, planLanguage, src.text, src.language)) {
          problems.push({ point: p.point, doc: c.doc, passage, problem, text: e.text, sourceText: e.sourceText });
        }
      }
    }
  }
  return problems;
}
