// The same real points as a Word file with automatic numbering, a PDF with
// wrapped and hyphenated lines under a running header and footer, and a web
// page with nested lists: each must give back the points and sub-items of the
// plain-text version and align with it point by point.
import { describe, expect, it } from 'vitest';
import { alignPair } from '../../src/align/index.js';
import { importPlanFile, CLI_LIMITS, type ImportedPlan } from '../../src/corpus/import/index.js';
import { parseDraft } from '../../src/corpus/parse-document.js';
import type { Document } from '../../src/corpus/types.js';
import { corpusDocument, planDocx, planHtml, planPdf, planPoints } from './fixtures.js';

// us-28: numbering gaps (12, 14, 20, 21, 26: start values), bulleted sub-items, empty headings;
// the pravda witness: a list starting at 17 with lettered sub-items restarting under each point.
const PLANS = ['us-28-2025-11-20', 'us-28-alt-en-pravda-2025-11-20'];

async function asDraft(bytes: Uint8Array, name: string): Promise<{ imported: ImportedPlan; doc: Document }> {
  const imported = await importPlanFile(bytes, name, CLI_LIMITS);
  const { document, issues } = parseDraft(imported.text, { id: name, file: name });
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  return { imported, doc: document! };
}

function expectSamePlan(plain: Document, doc: Document) {
  expect(planPoints(doc)).toEqual(planPoints(plain));
  // Titles and the DRAFT banner are preamble, never points.
  expect(doc.segments.filter((s) => s.kind === 'preamble').map((s) => doc.text.slice(s.start, s.end))).toContain('DRAFT');
  const points = new Set(plain.segments.filter((s) => s.kind === 'point').map((s) => s.id));
  // Points listed as missing in the corpus file have no text to align.
  const pairs = alignPair(plain, doc).pairs.filter((p) => points.has(p.a ?? '') || points.has(p.b ?? ''));
  expect(pairs).toHaveLength(points.size);
  for (const pair of pairs) {
    expect(pair.b, `point ${pair.a}`).toBe(pair.a);
    expect(pair.similarity, `point ${pair.a}`).toBeGreaterThanOrEqual(0.95);
    for (const sub of pair.subpairs ?? []) {
      expect(sub.b).toBe(sub.a);
      expect(sub.similarity, `sub-item ${sub.a}`).toBeGreaterThanOrEqual(0.95);
    }
  }
}

describe.each(PLANS)('%s as a reporter receives it', (id) => {
  const plain = corpusDocument(id);

  it('Word with automatic numbering: numbers and letters rebuilt from the list structure', async () => {
    const bytes = await planDocx(plain, plain.title);
    // The numbers are not in the text: only Word's numbering makes them.
    expect(Buffer.from(bytes).includes(Buffer.from(`>${plain.segments.find((s) => s.kind === 'point')!.id}.`))).toBe(false);
    const { imported, doc } = await asDraft(bytes, `${id}.docx`);
    expectSamePlan(plain, doc);
    expect(imported.origins.find((o) => doc.text.split('\n')[o.line - 1].startsWith(`${planPoints(plain)[0].n}. `))?.where).toMatch(/^paragraph 3 \(list level 1\)$/);
  });

  it('PDF: wrapped lines joined, hyphenation repaired, running header, footer and page numbers dropped', async () => {
    const layout = await planPdf(plain, plain.title);
    expect(layout.pages).toBeGreaterThanOrEqual(2);
    expect(layout.splitWords.length).toBeGreaterThan(3);
    const { imported, doc } = await asDraft(layout.pdf, `${id}.pdf`);
    expectSamePlan(plain, doc);
    expect(doc.text).not.toMatch(/working text|Page \d+ of/);
    expect(imported.pages).toBe(layout.pages);
    expect(imported.origins[0].where).toMatch(/^page 1, line \d+$/);
  });

  it('web page: nested lists, start and value attributes, navigation and footer left out', async () => {
    const { imported, doc } = await asDraft(Buffer.from(planHtml(plain, plain.title)), `${id}.html`);
    expectSamePlan(plain, doc);
    expect(doc.text).not.toMatch(/Home|A news site/);
    expect(imported.origins.some((o) => /^body > main\[1\] > ol\[1\] > li\[1\]$/.test(o.where))).toBe(true);
  });
});

describe('PDF layouts', () => {
  it('bullets drawn as shapes, not text (a browser printing a <ul>), still make sub-items: us-28 10.1–10.4', async () => {
    // A reporter printed a page of the 28 points from Chromium: 10.1–10.4 ran into point 10 ("reworded (partial) 1.00").
    const plain = corpusDocument('us-28-2025-11-20');
    const layout = await planPdf(plain, plain.title, { drawnBullets: true });
    const { doc } = await asDraft(layout.pdf, 'us-28-drawn-bullets.pdf');
    expect(planPoints(doc)).toEqual(planPoints(plain));
    expect(doc.segments.filter((s) => s.parent === '10').map((s) => s.id)).toEqual(['10.1', '10.2', '10.3', '10.4']);
  });

  it('a rule or an underline beside a line is no bullet', async () => {
    const { pageMarks, withDrawnBullets } = await import('../../src/corpus/import/pdf-marks.js');
    const line = { text: 'Ukraine will receive reliable security guarantees.', x: 70, y: 500, size: 10 };
    // A disc 3.6 pt wide, 7 pt left of the text, at the x-height: a bullet.
    expect(withDrawnBullets([line], [{ x: 63, y: 503, width: 3.6, height: 3.6 }])[0].text).toBe(`• ${line.text}`);
    // A horizontal rule, a disc in the margin far away, a disc on the line above: none.
    for (const mark of [{ x: 63, y: 503, width: 30, height: 0.5 }, { x: 20, y: 503, width: 3.6, height: 3.6 }, { x: 63, y: 515, width: 3.6, height: 3.6 }]) {
      expect(withDrawnBullets([line], [mark])[0].text).toBe(line.text);
    }
    // A numbered line keeps its number: a shape beside it is decoration.
    expect(withDrawnBullets([{ ...line, text: '5. Ukraine will receive' }], [{ x: 63, y: 503, width: 3.6, height: 3.6 }])[0].text).toBe('5. Ukraine will receive');
    // The transformation matrix is followed: a path drawn in a scaled, moved space lands in page space.
    const ops = { save: 1, restore: 2, transform: 3, constructPath: 4, paintFormXObjectBegin: 5, paintFormXObjectEnd: 6, paints: new Set([22]) };
    const marks = pageMarks([1, 3, 4, 2, 4], [null, [2, 0, 0, 2, 10, 20], [22, [], [0, 0, 2, 2]], null, [28, [], [0, 0, 500, 500]]], ops);
    expect(marks).toEqual([{ x: 12, y: 22, width: 4, height: 4 }]);
  });

  it('narrower and wider columns give the same points (other words cut, other compounds broken)', async () => {
    const plain = corpusDocument('us-28-2025-11-20');
    const seen = { split: new Set<string>(), compounds: new Set<string>() };
    for (const width of [150, 230]) {
      const layout = await planPdf(plain, plain.title, { width });
      layout.splitWords.forEach((w) => seen.split.add(w));
      layout.brokenCompounds.forEach((w) => seen.compounds.add(w));
      const { doc } = await asDraft(layout.pdf, `us-28-${width}.pdf`);
      expect(planPoints(doc)).toEqual(planPoints(plain));
    }
    // The layouts did cut plain words and break real hyphenated words at their hyphen.
    expect(seen.split.size).toBeGreaterThan(10);
    expect([...seen.compounds].filter((w) => /\p{Ll}-\p{Ll}/u.test(w)).length).toBeGreaterThan(0);
  });
});
