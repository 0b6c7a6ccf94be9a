// Mutated real plans pasted into the web view's draft form: the whole pipeline
// (parse, align, match, translationese, render) answers each with a page or a
// visitor's error, never a 500, a stack trace or a hang.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../web/helpers.js';
import { realFiles, textMutation } from './mutations.js';

const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20251120);
const RUNS = Math.max(10, Math.round(Number(process.env.FUZZ_RUNS ?? 120) / 4));
/** Hang guard per request only. */
const BOUND_MS = 15_000;
const plans = realFiles().filter((f) => f.name.startsWith('plans/'));
/** Each plan twice: as its file (front matter and all) and as the bare numbered list a visitor pastes. */
const sources = plans.flatMap((f) => {
  const text = f.bytes.toString('utf8');
  return [text, text.slice(text.indexOf('\n---', 3) + 5)];
});

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.close());

describe('hostile drafts through POST /draft', () => {
  it('every mutated plan gets a page or a visitor error', async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...sources), fc.array(textMutation, { minLength: 1, maxLength: 3 }), fc.constantFrom('', 'us-28-2025-11-20', 'us-28-ru-2025-11-20'), async (source, mutations, against) => {
        const draft = mutations.reduce((t, m) => m(t), source);
        const t0 = performance.now();
        const res = await fetch(`${app.url}/draft`, { method: 'POST', body: new URLSearchParams({ draft, against }) });
        const html = await res.text();
        expect(performance.now() - t0, 'hang guard').toBeLessThan(BOUND_MS);
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        expect([200, 400, 413, 422]).toContain(res.status);
        expect(html).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Both outcomes occur: the mutations are not all fatal, nor all harmless.
    expect(seen.get(200)).toBeGreaterThan(0);
    expect(seen.get(422)).toBeGreaterThan(0);
  });
});
