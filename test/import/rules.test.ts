// Rules the importers apply: a hyphen at a line end (a word cut by the layout,
// or a real hyphenated word?), PDF running heads, pages numbered by hand.
// Words from the shipped plans; both outcomes of each rule tested.
import { describe, expect, it } from 'vitest';
import { joinHyphenated, keepHyphen, vocabularyOf } from '../../src/corpus/import/hyphenation.js';
import { pdfBlocks, type PdfPage } from '../../src/corpus/import/pdf-lines.js';

const none = vocabularyOf([]);

describe('hyphen at a line break', () => {
  it('joins a word the layout cut: "agree-" + "ment" is "agreement"', () => {
    expect(joinHyphenated('A comprehensive non-aggression agree-', 'ment will be concluded', none)).toBe('A comprehensive non-aggression agreement will be concluded');
    expect(keepHyphen('recon', 'struction', none)).toBe(false);
    expect(keepHyphen('demili', 'tarized', none)).toBe(false);
  });

  it('keeps a real hyphenated word: "non-" + "aggression" stays "non-aggression"', () => {
    expect(joinHyphenated('A comprehensive non-', 'aggression agreement', none)).toBe('A comprehensive non-aggression agreement');
    expect(keepHyphen('de', 'escalation', none)).toBe(true); // the word list has "deescalation": the prefix rule wins
    expect(keepHyphen('U.S.', 'led', none)).toBe(true);
    expect(keepHyphen('Non', 'Proliferation', none)).toBe(true);
  });

  it("the text's own vocabulary decides first, both ways", () => {
    // The word list has "nonaggression"; the prefix rule keeps the hyphen; a text that writes it solid joins it.
    expect(keepHyphen('non', 'aggression', vocabularyOf(['a nonaggression pact']))).toBe(false);
    // "cease-" + "fire": the word list has "ceasefire"; a text that writes "cease-fire" elsewhere keeps its hyphen.
    expect(keepHyphen('cease', 'fire', none)).toBe(false);
    expect(keepHyphen('cease', 'fire', vocabularyOf(['a cease-fire along the line of contact']))).toBe(true);
  });

  it('a line-final "word-" is not evidence for itself', () => {
    expect(vocabularyOf(['will be recognized as de-']).hyphenated.size).toBe(0);
  });

  it('a proper noun cut by the layout is joined: "Zapo-" + "rizhzhia"', () => {
    expect(keepHyphen('Zapo', 'rizhzhia', none)).toBe(false);
  });
});

describe('PDF lines to blocks', () => {
  const page = (number: number, texts: string[], top = 800): PdfPage => ({ number, lines: texts.map((text, i) => ({ text, x: 50, y: top - i * 13, size: 10 })) });

  it('drops a running header and "Page N of M" footers, keeps a line that ends two pages at different heights', () => {
    const pages = [
      page(1, ['Working text – not for distribution', '1. Ukraine will receive reliable', 'security guarantees.', 'Page 1 of 2']),
      page(2, ['Working text – not for distribution', '2. NATO agrees not to station troops in', 'Ukraine.', 'Page 2 of 2'], 700),
    ];
    // Same height for the footers, as on a real page.
    pages[1].lines[3].y = pages[0].lines[3].y;
    pages[1].lines[0].y = pages[0].lines[0].y;
    expect(pdfBlocks(pages).map((b) => b.text)).toEqual(['1. Ukraine will receive reliable security guarantees.', '2. NATO agrees not to station troops in Ukraine.']);
  });

  it("drops a browser's print header and footer on a one-page print (date and title; address and 1/1), where nothing recurs", () => {
    // As Chromium prints a page by default (U5's one-page print of us-28): the footer was read as the last point's last line.
    const blocks = pdfBlocks([
      page(1, ['12/1/26, 8:14 AM Peace plan', '1. Ukraine\'s sovereignty will be confirmed.', '26. All parties involved in this conflict will receive full amnesty for their actions during the war.', 'file:///tmp/u5/imp/us28.html 1/1']),
    ]);
    expect(blocks.map((b) => b.text)).toEqual(["1. Ukraine's sovereignty will be confirmed.", '26. All parties involved in this conflict will receive full amnesty for their actions during the war.']);
    // Inside the text such lines stay: only a page's first or last lines are furniture.
    const inside = pdfBlocks([page(1, ['1. Ukraine\'s sovereignty will be confirmed.', 'https://example.org/plan', 'is where it was read.', '2. A comprehensive non-aggression agreement will be concluded.', '3. It is expected.'])]);
    expect(inside.map((b) => b.text)[0]).toBe("1. Ukraine's sovereignty will be confirmed. https://example.org/plan is where it was read.");
  });

  it('joins a line broken after a dash set close to its word without a space ("U.S.–" / "Russian"), and keeps a spaced dash spaced', () => {
    const text = (lines: string[]) => pdfBlocks([page(1, lines)]).map((b) => b.text);
    expect(text(['- The remainder of the frozen Russian funds will be invested in a separate U.S.–', 'Russian vehicle.'])).toEqual(['- The remainder of the frozen Russian funds will be invested in a separate U.S.–Russian vehicle.']);
    expect(text(['1. Ukraine will receive reliable security guarantees –', 'as agreed.'])).toEqual(['1. Ukraine will receive reliable security guarantees – as agreed.']);
  });

  it('keeps a DRAFT banner apart from the title under it', () => {
    expect(pdfBlocks([page(1, ['DRAFT', 'US 28-point peace plan', '1. Ukraine’s sovereignty will be confirmed.'])]).map((b) => b.text)).toEqual([
      'DRAFT',
      'US 28-point peace plan',
      '1. Ukraine’s sovereignty will be confirmed.',
    ]);
  });
});

describe('web pages numbered by hand', () => {
  it('paragraphs and line breaks starting "1." are points; the rest is preamble', async () => {
    const { importHtml } = await import('../../src/corpus/import/html.js');
    const { CLI_LIMITS } = await import('../../src/corpus/import/types.js');
    const page = '<html><body><h1>DRAFT</h1><p>Here is the plan:</p><p>5. Ukraine will receive reliable security guarantees.<br>6. The size of the Ukrainian Armed Forces will be limited to 600,000 personnel.</p><script>var x = "7. not a point"</script></body></html>';
    expect(importHtml(page, CLI_LIMITS).text).toBe('DRAFT\n\nHere is the plan:\n\n5. Ukraine will receive reliable security guarantees.\n6. The size of the Ukrainian Armed Forces will be limited to 600,000 personnel.\n');
  });
});

describe('PDF lines inside a point', () => {
  it('a wrapped line in capitals ("START I.") continues the point, not a banner', () => {
    const lines = ['17. The United States and Russia will agree to extend the nuclear non-proliferation and arms control treaties, including', 'START I.', '18. Ukraine agrees to be a non-nuclear state.'];
    const blocks = pdfBlocks([{ number: 1, lines: lines.map((text, i) => ({ text, x: 50, y: 800 - i * 13, size: 10 })) }]);
    expect(blocks.map((b) => b.text)).toEqual([`${lines[0]} START I.`, lines[2]]);
  });
});

describe('time limit', () => {
  it('reading a PDF stops between pages once it has taken longer than the limit', async () => {
    const { importPlanFile, CLI_LIMITS } = await import('../../src/corpus/import/index.js');
    const { corpusDocument, planPdf } = await import('./fixtures.js');
    const { pdf, pages } = await planPdf(corpusDocument('us-28-2025-11-20'), 'Draft');
    await expect(importPlanFile(pdf, 'slow.pdf', { ...CLI_LIMITS, maxMillis: -1 })).rejects.toThrow(new RegExp(`^reading the PDF took more than .* s \\(stopped at page 1 of ${pages}\\)`));
  });
});
