// Damaged Word files, PDFs and web pages made from real plan points: byte
// flips, inserted bytes and cut-off files. Each import returns plan text or
// an ImportError with one line; nothing else escapes and none hangs.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_LIMITS, ImportError, importPlanFile } from '../../src/corpus/import/index.js';
import { corpusDocument, planDocx, planHtml, planPdf } from '../import/fixtures.js';
import { byteMutation } from './mutations.js';

const files: { name: string; bytes: Buffer }[] = [];
beforeAll(async () => {
  const plan = corpusDocument('us-28-alt-en-pravda-2025-11-20');
  files.push({ name: 'draft.docx', bytes: await planDocx(plan, plan.title) });
  files.push({ name: 'draft.pdf', bytes: (await planPdf(plan, plan.title)).pdf });
  files.push({ name: 'draft.html', bytes: Buffer.from(planHtml(plan, plan.title)) });
});

/** Mutations plus cutting the file short (a truncated download). */
const damage = fc.oneof(byteMutation, fc.double({ min: 0, max: 1, noNaN: true }).map((share) => (b: Buffer) => b.subarray(0, Math.floor(b.length * share))));

describe('damaged files', () => {
  it('give plan text or a one-line ImportError, in bounded time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 2 }), damage, async (which, mutate) => {
        const { name, bytes } = files[which];
        const t0 = performance.now();
        try {
          const plan = await importPlanFile(mutate(bytes), name, CLI_LIMITS);
          expect(typeof plan.text).toBe('string');
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError);
          expect((e as Error).message).not.toContain('\n');
        }
        expect(performance.now() - t0, 'hang guard').toBeLessThan(20_000);
      }),
      { numRuns: 60, seed: 15 },
    );
  });
});
