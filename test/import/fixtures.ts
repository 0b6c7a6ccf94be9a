// Real plan text from the shipped corpus, written out as reporters receive
// it: a Word file with automatic numbering (the `docx` package), a PDF laid
// out line by line with pdfkit (wrapped and hyphenated lines under a running
// header and footer with page numbers), and a web page with nested lists.
import { AlignmentType, Document as DocxDocument, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { loadCorpus, findDocument } from '../../src/corpus/load.js';
import type { Document } from '../../src/corpus/types.js';

export interface PlanPoint {
  n: string;
  /** The point's own text (its heading when it has sub-items), white space collapsed. */
  text: string;
  subs: { id: string; letter?: string; text: string }[];
}

let corpus: ReturnType<typeof loadCorpus> | undefined;
export function corpusDocument(id: string): Document {
  corpus ??= loadCorpus();
  const doc = findDocument(corpus, id);
  if (!doc) throw new Error(`no ${id} in the shipped corpus`);
  return doc;
}

const squash = (t: string) => t.replace(/\s+/g, ' ').trim();

/** A plan's points and sub-items as a reader sees them (heading without its sub-items). */
export function planPoints(doc: Document): PlanPoint[] {
  return doc.segments
    .filter((s) => s.kind === 'point')
    .map((seg) => {
      const subs = doc.segments.filter((s) => s.parent === seg.id);
      const heading = subs.length ? doc.text.slice(seg.start, subs[0].start).replace(/\s*(?:[-*•–]\s*)?(?:[a-z][.)])?\s*$/, '') : doc.text.slice(seg.start, seg.end);
      return {
        n: seg.id,
        text: squash(heading),
        subs: subs.map((s) => {
          const suffix = s.id.split('.')[1];
          return { id: s.id, letter: /^[a-z]$/.test(suffix) ? suffix : undefined, text: squash(doc.text.slice(s.start, s.end)) };
        }),
      };
    });
}

/** Runs of consecutive point numbers: each becomes one Word list starting at its first number. */
function runs(points: PlanPoint[]): PlanPoint[][] {
  const out: PlanPoint[][] = [];
  for (const p of points) {
    const last = out.at(-1);
    if (last && Number(last.at(-1)!.n) + 1 === Number(p.n)) last.push(p);
    else out.push([p]);
  }
  return out;
}

/**
 * A .docx whose numbers and letters exist only as Word's automatic numbering:
 * the text has none. Each run of consecutive points is a list of its own
 * starting at its first number (a start value: 14 after 12, 17 at the top);
 * lettered sub-items are level 2 and restart under every point.
 */
export async function planDocx(doc: Document, title: string): Promise<Buffer> {
  const points = planPoints(doc);
  const lettered = points.some((p) => p.subs.some((s) => s.letter));
  const config = runs(points).map((run) => ({
    reference: `points-from-${run[0].n}`,
    levels: [
      { level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: Number(run[0].n), alignment: AlignmentType.LEFT },
      lettered
        ? { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', start: 1, alignment: AlignmentType.LEFT }
        : { level: 1, format: LevelFormat.BULLET, text: '–', alignment: AlignmentType.LEFT },
    ],
  }));
  const children = [new Paragraph({ children: [new TextRun({ text: 'DRAFT', bold: true })] }), new Paragraph({ children: [new TextRun(title)] })];
  for (const run of runs(points)) {
    const reference = `points-from-${run[0].n}`;
    for (const p of run) {
      children.push(new Paragraph({ text: p.text, numbering: { reference, level: 0 } }));
      for (const s of p.subs) children.push(new Paragraph({ text: s.text, numbering: { reference, level: 1 } }));
    }
  }
  const file = new DocxDocument({ numbering: { config }, sections: [{ children }] });
  return Packer.toBuffer(file);
}

/** A web page: the points in `<ol>` lists (`start` and `value` for the gaps), sub-items in nested lists. */
export function planHtml(doc: Document, title: string): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const parts = ['<!doctype html><html><head><meta charset="utf-8"><title>Leaked draft</title><style>li{margin:.2em}</style></head><body>'];
  parts.push('<nav><ul><li>Home</li><li>World</li></ul></nav>', `<header><p class="banner">DRAFT</p><h1>${esc(title)}</h1></header>`, '<main><p>The text below was circulated to reporters.</p>');
  runs(planPoints(doc)).forEach((run, i) => {
    // The first run uses `start`, later ones `value` on their first item: both are how pages number lists.
    parts.push(i === 0 ? `<ol start="${run[0].n}">` : '<ol>');
    run.forEach((p, j) => {
      const value = i > 0 && j === 0 ? ` value="${p.n}"` : '';
      const lettered = p.subs.some((s) => s.letter);
      const subs = p.subs.length ? `${lettered ? '<ol type="a">' : '<ul>'}${p.subs.map((s) => `<li>${esc(s.text)}</li>`).join('')}${lettered ? '</ol>' : '</ul>'}` : '';
      parts.push(`<li${value}><p>${esc(p.text)}</p>${subs}</li>`);
    });
    parts.push('</ol>');
  });
  parts.push('</main><footer><p>© A news site</p></footer></body></html>');
  return parts.join('\n');
}

export interface PdfLayout {
  pdf: Buffer;
  pages: number;
  /** Words cut at a line end with a hyphen ("agree-" / "ment"). */
  splitWords: string[];
  /** Hyphenated words broken after their own hyphen ("non-" / "aggression"). */
  brokenCompounds: string[];
}

/**
 * A PDF laid out line by line, as a word processor prints a draft: narrow
 * column, long words cut with a hyphen when they do not fit, hyphenated
 * words broken after their hyphen, a running header and a "Page N of M"
 * footer on every page, and a "DRAFT" banner above the title. With
 * `drawnBullets`, bulleted sub-items get a disc drawn as a shape instead of a
 * "•" character, as Chromium prints a <ul>.
 */
export async function planPdf(doc: Document, title: string, { width = 190, drawnBullets = false } = {}): Promise<PdfLayout> {
  const pdf = new PDFDocument({ size: 'A5', margins: { top: 60, bottom: 60, left: 50, right: 50 }, bufferPages: true, autoFirstPage: true });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
  pdf.font('Helvetica').fontSize(10);
  const lineHeight = 13;
  const bottom = pdf.page.height - 70;
  let y = 60;
  const splitWords: string[] = [];
  const brokenCompounds: string[] = [];
  const line = (text: string, x: number) => {
    if (y > bottom) {
      pdf.addPage();
      y = 60;
    }
    pdf.text(text, x, y, { lineBreak: false });
    y += lineHeight;
  };
  /** Lay out `text` in a column `width` wide at `x`, the first line starting with `marker`. */
  const paragraph = (marker: string, text: string, x: number) => {
    let current = marker;
    const fits = (t: string) => pdf.widthOfString(t) <= width;
    for (const word of text.split(' ')) {
      const candidate = current ? `${current} ${word}` : word;
      if (fits(candidate)) {
        current = candidate;
        continue;
      }
      const hyphen = word.indexOf('-', 1);
      if (hyphen > 0 && hyphen < word.length - 2 && /\p{L}-\p{L}/u.test(word) && fits(`${current} ${word.slice(0, hyphen + 1)}`)) {
        line(`${current} ${word.slice(0, hyphen + 1)}`, x);
        brokenCompounds.push(word);
        current = word.slice(hyphen + 1);
        continue;
      }
      // Cut a long plain word where it stops fitting, leaving three letters at least on each side.
      let cut = 0;
      if (/^\p{Ll}{7,}[,.;:]?$/u.test(word)) for (let k = 3; k <= word.replace(/[,.;:]$/, '').length - 3; k++) if (fits(`${current} ${word.slice(0, k)}-`)) cut = k;
      if (cut) {
        line(`${current} ${word.slice(0, cut)}-`, x);
        splitWords.push(word);
        current = word.slice(cut);
      } else {
        line(current, x);
        current = word;
      }
    }
    if (current) line(current, x);
  };
  pdf.font('Helvetica-Bold');
  line('DRAFT', 50);
  pdf.font('Helvetica');
  y += 4;
  paragraph('', title, 50);
  y += 6;
  for (const p of planPoints(doc)) {
    paragraph(`${p.n}.`, p.text, 50);
    for (const s of p.subs) {
      if (s.letter || !drawnBullets) paragraph(s.letter ? `${s.letter})` : '•', s.text, 70);
      else {
        // As a browser prints a <ul>: the bullet is a filled disc left of the text, not a character.
        if (y > bottom) {
          pdf.addPage();
          y = 60;
        }
        pdf.circle(63, y + 4.5, 1.8).fill('#000');
        paragraph('', s.text, 70);
      }
    }
  }
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    pdf.fontSize(8);
    // Margins are set to 0 while writing outside them, or pdfkit starts a new page.
    const margins = pdf.page.margins;
    pdf.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    pdf.text('Peace framework – working text, not for distribution', 50, 30, { lineBreak: false });
    pdf.text(`Page ${i + 1} of ${range.count}`, 50, pdf.page.height - 40, { lineBreak: false });
    pdf.page.margins = margins;
    pdf.fontSize(10);
  }
  pdf.end();
  await done;
  return { pdf: Buffer.concat(chunks), pages: range.count, splitWords, brokenCompounds };
}
