// An audit of evidence pairs, used by the tests and the eval over every
// output they produce: no pair may put two different figures side by side
// (values differ, or one side has a figure the other lacks), no pair may
// consist of one common English word (common-words.ts), and, given the
// index's passage shares, no pair other than a shared phrase may rest on
// generic terms only, nor may an English paraphrase pair mostly different
// words (evidence-words.ts).
import { isCommonWord } from './common-words.js';
import { allGeneric, differentWords, matchedTerms } from './evidence-words.js';
import { figureValue } from './figures.js';
import { spanTerms } from './terms.js';
import type { Evidence, MatchResult } from './types.js';

export interface EvidenceProblem {
  point: string;
  doc: string;
  passage: string;
  problem: 'different figures' | 'one common word' | 'generic words' | 'different words';
  text: string;
  sourceText: string;
}

/**
 * Problems of one evidence pair; `planText`/`sourceText` are the full document texts its offsets point into;
 * `share`: the largest share of passages holding a key in the index or a part of it (PassageIndex
 * largestShare, or the IDF's); without it the generic check is skipped.
 */
export function evidenceProblems(e: Evidence, planText: string, planLanguage: string, sourceText: string, sourceLanguage: string, share?: (key: string) => number): EvidenceProblem['problem'][] {
  const a = spanTerms(planText, e.plan[0], e.plan[1], planLanguage);
  const b = spanTerms(sourceText, e.source[0], e.source[1], sourceLanguage);
  const values = (ts: typeof a) => ts.filter((t) => t.kind === 'number').map((t) => figureValue(t.key)).sort().join('|');
  const out: EvidenceProblem['problem'][] = [];
  if (values(a) !== values(b)) out.push('different figures');
  if (a.length === 1 && a[0].kind === 'word' && isCommonWord(a[0].key)) out.push('one common word');
  // The new checks read each side with the words after it, as the scorer read it within its point or passage: the
  // last word of a span can begin a glossary form ("station" of "station troops") that the slice alone would not give.
  const plan = { terms: readOn(planText, e.plan, planLanguage), text: planText };
  const source = { terms: readOn(sourceText, e.source, sourceLanguage), text: sourceText };
  let matched: ReturnType<typeof matchedTerms> | undefined;
  if (share && e.kind !== 'shared-phrase' && allGeneric(plan, (matched ??= matchedTerms(plan, source)), share)) out.push('generic words');
  if (e.kind === 'paraphrase' && planLanguage === 'en' && sourceLanguage === 'en' && differentWords(plan, source, (matched ??= matchedTerms(plan, source)))) out.push('different words');
  return out;
}

/** Terms beginning inside [start, end) of `text`, read with up to 80 more UTF-16 units of their line. */
function readOn(text: string, [start, end]: [number, number], language: string): ReturnType<typeof spanTerms> {
  const line = text.indexOf('\n', end);
  const to = Math.min(line < 0 ? text.length : line, end + 80);
  return spanTerms(text, start, to, language).filter((t) => t.start < end);
}

/** Every problem in a match result (its candidates, their second passages and its later echoes). */
export function auditEvidence(result: MatchResult, planText: string, planLanguage: string, source: (doc: string) => { text: string; language: string } | undefined, share?: (key: string) => number): EvidenceProblem[] {
  const problems: EvidenceProblem[] = [];
  for (const p of result.points) {
    for (const c of [...p.candidates, ...(p.echoes ?? [])]) {
      const src = source(c.doc);
      if (!src) continue;
      const pairs: [string, Evidence][] = [...c.evidence.map((e) => [c.passage, e] as [string, Evidence]), ...(c.also?.evidence ?? []).map((e) => [c.also!.passage, e] as [string, Evidence])];
      for (const [passage, e] of pairs) {
        for (const problem of evidenceProblems(e, planText, planLanguage, src.text, src.language, share)) {
          problems.push({ point: p.point, doc: c.doc, passage, problem, text: e.text, sourceText: e.sourceText });
        }
      }
    }
  }
  return problems;
}
