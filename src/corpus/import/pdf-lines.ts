// PDF text lines (as laid out on the page) to blocks (as the author wrote
// them): running headers, footers and page numbers dropped, wrapped lines
// joined, words hyphenated at a line break repaired. Pure: pdf.ts reads the
// lines from the file.
import { joinHyphenated, vocabularyOf } from './hyphenation.js';
import type { Block } from './types.js';

export interface PdfLine {
  text: string;
  /** Left edge and baseline, in PDF points from the page's bottom-left corner. */
  x: number;
  y: number;
  /** Font size (text height) in points. */
  size: number;
}

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  /** Lines top to bottom. */
  lines: PdfLine[];
}

/** Lines this close to a page's top or bottom edge (by position among the page's lines) may be running heads. */
const EDGE_LINES = 2;

const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*\d{1,5}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,5})?$/i;
/**
 * What a browser prints in a page's margins (Chromium's default header and
 * footer): the date and time, with the page title after it, at the top; the
 * page's address, with "1/3" after it, at the bottom. On one page nothing
 * recurs, so runningHeads cannot see them, and the footer was read as a last
 * line of the last point ("file:///…/us28.html 1/1" in us-28 26).
 */
const BROWSER_HEADER = /^\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?(?:\s|$)/i;
const BROWSER_FOOTER = /^(?:file|https?):\/\/\S+(?:\s+\d{1,5}\s*\/\s*\d{1,5})?$/i;
/** A line that opens a point or sub-item with a marker written as text: a number, a letter or a bullet glyph. */
export const STARTS_ITEM = /^(?:\d{1,3}[.)](?:[ \t\u00a0]+\S|$)|(?:\(?[a-z][.)]|[-•–▪●◦*])[ \t\u00a0]+\S)/;

/**
 * Blocks from pages of lines. A running head is a line near the top or
 * bottom of a page whose text, digits aside, recurs near the edge of at least
 * half the pages (and of two at least); a page number is a line near an edge
 * that is only a number ("3", "- 3 -", "Page 3 of 7").
 */
export function pdfBlocks(pages: PdfPage[]): Block[] {
  const running = runningHeads(pages);
  type Kept = PdfLine & { page: number; index: number; gapBefore: number };
  const kept: Kept[] = [];
  for (const page of pages) {
    const n = page.lines.length;
    let previous: PdfLine | undefined;
    page.lines.forEach((line, i) => {
      const top = i < EDGE_LINES;
      const atEdge = top || i >= n - EDGE_LINES;
      const text = line.text.trim();
      if (!text || (atEdge && (running.has(headKey(text)) || PAGE_NUMBER.test(text) || (top ? BROWSER_HEADER : BROWSER_FOOTER).test(text)))) return;
      // Gap to the line above, in units of the line's font size; a page break counts as no gap.
      const gapBefore = previous ? (previous.y - line.y) / Math.max(line.size, 1) : 0;
      kept.push({ ...line, text, page: page.number, index: i + 1, gapBefore });
      previous = line;
    });
  }
  const vocabulary = vocabularyOf(kept.map((l) => l.text));
  // The usual distance between lines of one paragraph: gaps well above it are paragraph breaks.
  const gaps = kept.map((l) => l.gapBefore).filter((g) => g > 0).sort((a, b) => a - b);
  const lineGap = gaps.length ? gaps[Math.floor(gaps.length / 4)] : 1.2;
  const blocks: Block[] = [];
  let current: Block | undefined;
  let seenItem = false;
  for (const line of kept) {
    const startsItem = STARTS_ITEM.test(line.text);
    seenItem ||= startsItem;
    // Banners ("DRAFT") stand above the text; inside it, a capitalised line ("START I.") is a wrapped line.
    const banner = !seenItem && (bannerLike(current?.text ?? '') || bannerLike(line.text));
    const newBlock = !current || startsItem || line.gapBefore > lineGap * 1.5 || banner;
    if (newBlock) {
      current = { kind: 'paragraph', level: 0, text: line.text, where: `page ${line.page}, line ${line.index}` };
      blocks.push(current);
    } else if (/\p{L}-$/u.test(current!.text) && /^\p{L}/u.test(line.text)) {
      current!.text = joinHyphenated(current!.text, line.text, vocabulary);
    } else if (current!.text.endsWith('\u00ad')) {
      current!.text = `${current!.text.slice(0, -1)}${line.text}`;
    } else if (/[\p{L}\p{N}.][–—]$/u.test(current!.text) && /^[\p{L}\p{N}]/u.test(line.text)) {
      // A dash set close to the word before it ("U.S.–" then "Russian"): the line broke inside "U.S.–Russian", no space.
      current!.text = `${current!.text}${line.text}`;
    } else {
      current!.text = `${current!.text} ${line.text}`;
    }
  }
  return blocks;
}

/**
 * Keys of lines that recur at the top or bottom of at least half the pages
 * (two or more) at the same height (within 3 pt): a sentence that happens to
 * end two pages is at two different heights.
 */
function runningHeads(pages: PdfPage[]): Set<string> {
  const seen = new Map<string, { page: number; y: number }[]>();
  for (const page of pages) {
    const n = page.lines.length;
    page.lines.forEach((line, i) => {
      if (i >= EDGE_LINES && i < n - EDGE_LINES) return;
      const key = headKey(line.text);
      if (!key) return;
      if (!seen.has(key)) seen.set(key, []);
      seen.get(key)!.push({ page: page.number, y: line.y });
    });
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  const running = new Set<string>();
  for (const [key, at] of seen) {
    const best = Math.max(...at.map((a) => new Set(at.filter((b) => Math.abs(b.y - a.y) <= 3).map((b) => b.page)).size));
    if (best >= needed) running.add(key);
  }
  return running;
}

/** A line's text with numbers masked, so "Page 2" and "Page 3" are one running head. */
function headKey(text: string): string {
  return text.trim().toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

/** An all-capitals line such as "DRAFT" or "CONFIDENTIAL": a banner, never joined to the text around it. */
function bannerLike(text: string): boolean {
  return text.length <= 40 && /\p{Lu}{3}/u.test(text) && text === text.toUpperCase();
}
