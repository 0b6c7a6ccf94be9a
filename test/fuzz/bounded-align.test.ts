// The alignment engine on inputs far beyond any real plan: word diffs of long,
// totally different texts and alignments of very long points finish in bounded
// time and say when their result is partial.
import { describe, expect, it } from 'vitest';
import { timed as withinBound } from './hang-guard.js';
import { planPoints } from '../../src/corpus/coverage.js';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { parseDraft } from '../../src/corpus/parse-document.js';
import { alignPair } from '../../src/align/align.js';
import { DIFF_TIMEOUT_MS, MAX_EDIT_LENGTH, wordDiff } from '../../src/align/diff.js';
import { MAX_TOKENS_PER_POINT } from '../../src/align/profile.js';

/** Hang guard only; speed is measured in scripts/bench.ts. */
const BOUND_MS = 15_000;
const corpus = loadCorpus();
const us28 = findDocument(corpus, 'us-28-2025-11-20')!;
const plans = corpus.documents.filter((d) => d.kind === "plan" && d.language === "en").map((d) => d.text).join(" ").replace(/\s+/g, " ");
const statements = corpus.documents.filter((d) => d.kind === 'statement' && d.language === 'en').map((d) => d.text).join(' ');

function timed<T>(run: () => T): T {
  return withinBound(run, BOUND_MS);
}

describe('bounded alignment', () => {
  it('a word diff of two long, different real texts stops at its bound and says so', () => {
    const a = plans.slice(0, 60_000);
    const b = statements.slice(0, 60_000);
    const diff = timed(() => wordDiff(a, b));
    expect(diff.truncated).toBe(true);
    // The partial result still covers both texts exactly.
    expect(diff.parts.filter((p) => p.op !== '+').map((p) => p.text).join('')).toBe(a);
    expect(diff.parts.filter((p) => p.op !== '-').map((p) => p.text).join('')).toBe(b);
  });

  it('a word diff of real points is whole', () => {
    const [p6, p7] = planPoints(us28).filter((s) => s.id === '6' || s.id === '7').map((s) => us28.text.slice(s.start, s.end));
    const diff = wordDiff(p6, p7);
    expect(diff.truncated).toBe(false);
    expect(MAX_EDIT_LENGTH).toBeGreaterThan(p6.length / 2); // bound well above a real point's edit length
    expect(DIFF_TIMEOUT_MS).toBeGreaterThan(0);
  });

  it('aligns a plan with a draft whose one point is a quarter of a megabyte, flagging the diff as partial', () => {
    const paste = Buffer.from(plans.repeat(Math.ceil(262_144 / plans.length))).subarray(0, 256 * 1024).toString('utf8');
    const draft = parseDraft(`1. ${paste}`, { id: 'huge-point' }).document!;
    const result = timed(() => alignPair(us28, draft));
    const rows = result.pairs.filter((p) => p.a !== null && p.b !== null);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((p) => p.diffTruncated)).toBe(true);
    expect(paste.split(/\s+/).length).toBeGreaterThan(MAX_TOKENS_PER_POINT);
  });

  // Cost grows linearly with the number of points (~2-4 ms each on a shared 2-core machine).
  it('aligns a plan with a draft of 300 real points in bounded time', () => {
    const points = planPoints(us28).map((s) => us28.text.slice(s.start, s.end).replace(/\s+/g, ' '));
    const body = Array.from({ length: 300 }, (_, i) => `${i + 1}. ${points[i % points.length]}`).join('\n');
    const draft = parseDraft(body, { id: 'three-hundred' }).document!;
    const result = timed(() => alignPair(us28, draft));
    expect(result.pairs.some((p) => p.relation === 'unchanged')).toBe(true);
  });
});
