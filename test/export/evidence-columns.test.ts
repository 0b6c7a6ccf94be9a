// The provenance export's evidence columns read by a script: 'evidence phrases'
// and 'evidence offsets' pair entry by entry (a "×2" phrase carries its two
// occurrences in one entry), and every offset of every row slices the plan and
// the source to the quoted words, white space runs shown as one space (a
// reporter's script found a ×2 phrase's second offsets paired with the next
// phrase, and "Ukraine; - The U.S." where the text has a line break).
// Inputs: real exports of the shipped plans us-28-2025-11-20 and ua-20-2025-12-24.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { evidenceOffsets, evidencePhrases } from '../../src/provenance/table.js';
import type { Evidence } from '../../src/provenance/types.js';
import { checkEvidenceColumns, type Row } from '../helpers/evidence-columns.js';
import { runCliAsync } from '../helpers/run-cli.js';

const corpus = loadCorpus({});
const text = (id: string) => findDocument(corpus, id)!.text;
const dir = mkdtempSync(join(tmpdir(), 'evidence-columns-'));

describe('CSV evidence columns, one entry of offsets per phrase', () => {
  it.each([
    ['us-28-2025-11-20', '5'],
    ['ua-20-2025-12-24', '3'],
  ])('export %s --top %s: every offset of every row slices its phrase', async (plan, top) => {
    const out = join(dir, `${plan}.csv`);
    const r = await runCliAsync(['export', plan, '--top', top, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Row[];
    const check = checkEvidenceColumns(rows, text(plan), text);
    expect(check.problems).toEqual([]);
    expect(check.pieces).toBeGreaterThan(50);
    // Offsets of a corpus id index the document text, and the column says so.
    expect(new Set(rows.map((x) => x['offsets into']))).toEqual(new Set(['plan and source: document text (show ID --format json, with the same --corpus options)']));
    // us-28 10: "invades" = "aggression" ×2 (line breaks inside quoted words: test/cli/export-offsets.test.ts).
    if (plan === 'us-28-2025-11-20') expect(check.grouped).toBeGreaterThan(0);
  });

  it('groups the occurrences of a repeated phrase in the order of the phrases, not of the evidence', () => {
    const piece = (t: string, at: number): Evidence => ({ kind: 'shared-phrase', text: t, sourceText: t, plan: [at, at + t.length], source: [at + 100, at + 100 + t.length], matched: 1 });
    const evidence = [piece('Ukraine', 0), piece('NATO', 20), piece('Ukraine', 40)];
    expect(evidencePhrases(evidence)).toBe('"Ukraine" ×2 | "NATO"');
    expect(evidenceOffsets(evidence)).toBe('plan 0-7 = source 100-107; plan 40-47 = source 140-147 | plan 20-24 = source 120-124');
  });
});
