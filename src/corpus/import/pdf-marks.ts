// List markers a PDF draws as shapes rather than text. A browser printing a
// page (Chromium: `<ul>` discs, circles and squares) and some word processors
// paint a bullet as a small filled or stroked path, so the text layer holds
// the item's words but no "•": without this, the sub-items of a point ran
// into the point's text ("10. US guarantee: The United States will receive
// … If Ukraine invades Russia …", a reporter's finding). Pure: pdf.ts hands
// over the page's operator list and its text lines.
import { STARTS_ITEM, type PdfLine } from './pdf-lines.js';

/** A small shape on a page: its centre and its width and height, in PDF points (origin at the bottom left, as text items are placed). */
export interface PdfMark {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** pdf.js operator codes used here (OPS in pdfjs-dist: the numbers are its own). */
export interface MarkOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  /** Painting operators that make a path visible (fill, stroke and their variants); not endPath, which only clips. */
  paints: Set<number>;
}

type Matrix = [number, number, number, number, number, number];

/** m applied first, then ctm (PDF's `cm`: the new matrix is m × ctm). */
function concat(ctm: Matrix, m: number[]): Matrix {
  const [a, b, c, d, e, f] = ctm;
  const [g, h, i, j, k, l] = m;
  return [a * g + c * h, b * g + d * h, a * i + c * j, b * i + d * j, a * k + c * l + e, b * k + d * l + f];
}

/** At most this many shapes are read from a page: a chart or a map is no list. */
const MAX_MARKS = 5_000;

/**
 * The painted paths of one page's operator list (pdf.js 5: `constructPath`
 * args are [paint operator, path data, [minX, minY, maxX, maxY]] in the
 * current user space), as page-space boxes. The current transformation
 * matrix is followed through save/restore, `cm` and form XObjects; anything
 * else that moves coordinates (patterns, Type 3 glyphs) is not a list marker.
 */
export function pageMarks(fnArray: number[], argsArray: unknown[], ops: MarkOps): PdfMark[] {
  const marks: PdfMark[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let n = 0; n < fnArray.length && marks.length < MAX_MARKS; n++) {
    const fn = fnArray[n];
    const args = argsArray[n] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && Array.isArray(args) && args.length === 6) ctm = concat(ctm, args as number[]);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0];
      if (Array.isArray(matrix) && matrix.length === 6) ctm = concat(ctm, matrix as number[]);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath && args && ops.paints.has(args[0] as number)) {
      const box = args[2] as ArrayLike<number> | null | undefined;
      if (!box || box.length < 4 || ![0, 1, 2, 3].every((i) => Number.isFinite(box[i]))) continue;
      const corners = [
        [box[0], box[1]],
        [box[2], box[1]],
        [box[0], box[3]],
        [box[2], box[3]],
      ].map(([x, y]) => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]]);
      const xs = corners.map((p) => p[0]);
      const ys = corners.map((p) => p[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      marks.push({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, width: x1 - x0, height: y1 - y0 });
    }
  }
  return marks;
}

/**
 * The lines with a bullet drawn as a shape just before them, given a "• "
 * (so the blocks see a bulleted item, as if the bullet were text). A bullet
 * is a shape between 0.15 and 0.7 of the line's font size on each side, no
 * more than 1.5 times as wide as high or the reverse (a rule or an underline
 * is not one), whose centre lies left of the line's first character by 0.1 to
 * 2.5 font sizes and between the baseline and 0.9 of the font size above it.
 * These bounds are a bullet's geometry in any list style (a disc is about a
 * third of the font size, set about one em left of the text), fixed before
 * trying a file; lines that already start with a marker are left as they are.
 */
export function withDrawnBullets(lines: PdfLine[], marks: PdfMark[]): PdfLine[] {
  if (!marks.length) return lines;
  const bullets = marks.filter((m) => m.width > 0 && m.height > 0 && Math.max(m.width, m.height) <= 1.5 * Math.min(m.width, m.height));
  if (!bullets.length) return lines;
  const used = new Set<PdfMark>();
  return lines.map((line) => {
    // A line that begins with a marker written as text keeps it: a drawn shape beside it is decoration.
    if (STARTS_ITEM.test(line.text)) return line;
    const s = line.size;
    const bullet = bullets.find(
      (m) =>
        !used.has(m) &&
        m.width >= 0.15 * s &&
        m.width <= 0.7 * s &&
        m.height >= 0.15 * s &&
        m.height <= 0.7 * s &&
        m.x <= line.x - 0.1 * s &&
        m.x >= line.x - 2.5 * s &&
        m.y >= line.y - 0.2 * s &&
        m.y <= line.y + 0.9 * s,
    );
    if (!bullet) return line;
    used.add(bullet);
    return { ...line, text: `• ${line.text}` };
  });
}
