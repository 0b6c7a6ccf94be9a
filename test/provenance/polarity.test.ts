// Provenance evidence that matches a point only with the opposite polarity
// says so. The source is a real corpus line (ru-2025-06-02-memorandum: "…will
// not carry out sabotage…"); the drafts are that line as published and the
// same line with its negation removed (a mutation, as in field case 10).
import { describe, expect, it } from 'vitest';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { parseDraft } from '../../src/corpus/parse-document.js';
import { matchPlan, MemoryPassageIndex, textLookup } from '../../src/provenance/index.js';
import { evidencePhrases } from '../../src/provenance/table.js';

const corpus = loadCorpus();
const index = MemoryPassageIndex.fromDocuments(corpus.documents);
const memo = findDocument(corpus, 'ru-2025-06-02-memorandum')!;
const line = memo.text.split('\n').find((l) => l.includes('will not carry out sabotage'))!.trim();

function top(text: string) {
  const draft = parseDraft(`1. ${text}`, { id: 'polarity-draft' }).document!;
  return matchPlan(draft, index, { top: 3, sourceText: textLookup(corpus.documents) }).points[0].candidates.find((c) => c.doc === memo.id)!;
}

describe('opposite polarity in provenance evidence', () => {
  it('flags the evidence and the candidate when the draft drops the source\'s negation', () => {
    const c = top(line.replace('will not carry', 'will carry'));
    expect(c.polarity).toBe('opposite');
    expect(c.evidence.some((e) => e.polarity === 'opposite')).toBe(true);
  });

  it('names the negation and where it is, since it may lie outside the matched words', () => {
    const c = top(line.replace('will not carry', 'will carry'));
    const e = c.evidence.find((x) => x.polarity === 'opposite')!;
    expect(e.negation).toMatchObject({ side: 'source', text: 'not carry' });
    expect(memo.text.slice(...e.negation!.span)).toBe('not carry');
    expect(evidencePhrases([e])).toContain('(opposite polarity: the source says "not carry")');
  });

  it('does not flag the same line with the same polarity', () => {
    const c = top(line);
    expect(c.polarity).toBeUndefined();
    expect(c.evidence.every((e) => e.polarity === undefined)).toBe(true);
  });
});
