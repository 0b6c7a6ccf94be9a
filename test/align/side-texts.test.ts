// `align --format json` diff parts name each side's words: an "=" part's `text`
// is B's ("a " where A reads "A "; "security guarantees" where A has "Security
// Guarantees"), so `aText`/`bText` beside `aDocSpan`/`bDocSpan` give what each
// span slices of its own side. Inputs: the shipped plans us-28-2025-11-20,
// ua-20-2025-12-24 and e3-counter-2025-11-23 (two versions, and collated as
// three), and a CRLF copy of us-28's corpus file (offsets into the file).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import type { DiffPart } from '../../src/align/index.js';
import { runCliAsync } from '../helpers/run-cli.js';

const corpus = loadCorpus({});
const text = (id: string) => findDocument(corpus, id)!.text;

interface Pair { diff: DiffPart[]; subpairs?: Pair[] }
interface Tally { parts: number; equalWithOtherA: number }

/** Every diff part of `pairs` (sub-item pairs too): each span slices its side's text to its aText/bText, and `text` is its side's own. */
function checkParts(pairs: Pair[], A: string, B: string, tally: Tally): void {
  for (const p of pairs) {
    for (const d of p.diff) {
      expect(d.aDocSpan === undefined).toBe(d.op === '+');
      expect(d.bDocSpan === undefined).toBe(d.op === '-');
      if (d.aDocSpan) expect(d.aText).toBe(A.slice(...d.aDocSpan));
      if (d.bDocSpan) expect(d.bText).toBe(B.slice(...d.bDocSpan));
      expect(d.text).toBe(d.op === '-' ? d.aText : d.bText);
      if (d.op === '=' && d.aText !== d.text) tally.equalWithOtherA++;
      tally.parts++;
    }
    checkParts(p.subpairs ?? [], A, B, tally);
  }
}

describe('align JSON: each side of a diff part with its own words', () => {
  it.each([
    ['us-28-2025-11-20', 'ua-20-2025-12-24'],
    ['e3-counter-2025-11-23', 'us-28-2025-11-20'],
  ])('%s vs %s', async (a, b) => {
    const r = await runCliAsync(['align', a, b, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const tally = { parts: 0, equalWithOtherA: 0 };
    checkParts(JSON.parse(r.stdout).pairs, text(a), text(b), tally);
    expect(tally.parts).toBeGreaterThan(100);
    // The reporter's case: "=" parts whose A words differ from B's in case or spacing.
    expect(tally.equalWithOtherA).toBeGreaterThan(0);
  });

  it('three versions: every pairwise alignment, and each collation reading diff against the composite witness', async () => {
    const ids = ['us-28-2025-11-20', 'e3-counter-2025-11-23', 'ua-20-2025-12-24'];
    const r = await runCliAsync(['align', ...ids, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as {
      alignments: { versions: [string, string]; pairs: Pair[] }[];
      collation: { rows: { composite?: { witness: string }; readings: { witness: string; diff?: DiffPart[] }[] }[] };
    };
    const tally = { parts: 0, equalWithOtherA: 0 };
    for (const al of json.alignments) checkParts(al.pairs, text(al.versions[0]), text(al.versions[1]), tally);
    let readings = 0;
    for (const row of json.collation.rows)
      for (const rd of row.readings)
        for (const d of rd.diff ?? []) {
          if (d.aDocSpan) expect(d.aText).toBe(text(row.composite!.witness).slice(...d.aDocSpan));
          if (d.bDocSpan) expect(d.bText).toBe(text(rd.witness).slice(...d.bDocSpan));
          expect(d.text).toBe(d.op === '-' ? d.aText : d.bText);
          if (d.op === '=' && d.aText !== d.text) tally.equalWithOtherA++;
          readings++;
        }
    expect(tally.parts).toBeGreaterThan(200);
    expect(readings).toBeGreaterThan(50);
    expect(tally.equalWithOtherA).toBeGreaterThan(0);
  });

  it('a file given by path: aText/bText slice the file as saved', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'side-texts-')), 'us-28-copy.md');
    const saved = readFileSync(resolve(import.meta.dirname, '../../corpora/plans/us-28-2025-11-20.md'), 'utf8').replace(/^id: .*$/m, 'id: us-28-copy').replace(/\n/g, '\r\n');
    writeFileSync(file, saved);
    const r = await runCliAsync(['align', file, 'ua-20-2025-12-24', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const tally = { parts: 0, equalWithOtherA: 0 };
    checkParts(JSON.parse(r.stdout).pairs, saved, text('ua-20-2025-12-24'), tally);
    expect(tally.equalWithOtherA).toBeGreaterThan(0);
  });
});
