// PDF → plan text with pdf.js (`pdfjs-dist`, Apache-2.0, Mozilla's reader;
// legacy build for Node). Text comes from the text layer; a scan without one
// is refused with a hint rather than read as an empty plan.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pdfBlocks, type PdfLine, type PdfPage } from './pdf-lines.js';
import { pageMarks, withDrawnBullets, type MarkOps } from './pdf-marks.js';
import { checkStreamSizes } from './pdf-streams.js';
import { returnPdfThread, takePdfThread } from './pdf-thread.js';
import { blocksToPlanText } from './plan-text.js';
import { ImportError, type ImportedPlan, type ImportLimits } from './types.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js's font and colour data, shipped in its package: read from disk, never fetched. */
function dataDir(name: string): string {
  return `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), name)}/`;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/**
 * Read `bytes` as a PDF. Throws ImportError (one line) for an encrypted
 * file, more than `limits.maxPages` pages, streams unpacking beyond
 * `limits.maxUnpackedBytes`, reading the pages taking longer than
 * `limits.maxMillis` ms (pdf.js runs in a thread of its own, ended then,
 * inside a page too), no text layer, or a file pdf.js cannot parse.
 */
export async function importPdf(bytes: Uint8Array, limits: ImportLimits): Promise<ImportedPlan> {
  checkStreamSizes(bytes, limits.maxUnpackedBytes);
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument, VerbosityLevel, OPS, PDFWorker } = await pdfjs;
  const markOps: MarkOps = {
    save: OPS.save,
    restore: OPS.restore,
    transform: OPS.transform,
    constructPath: OPS.constructPath,
    paintFormXObjectBegin: OPS.paintFormXObjectBegin,
    paintFormXObjectEnd: OPS.paintFormXObjectEnd,
    paints: new Set([OPS.fill, OPS.eoFill, OPS.stroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]),
  };
  const thread = takePdfThread(PDFWorker);
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = getDocument({
    worker: thread.worker,
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: dataDir('standard_fonts'),
    cMapUrl: dataDir('cmaps'),
    cMapPacked: true,
    stopAtErrors: false,
  });
  let doc;
  try {
    doc = await Promise.race([task.promise, thread.failed]);
  } catch (e) {
    if (thread.running) await task.destroy().catch(() => undefined);
    await returnPdfThread(thread);
    const name = (e as Error)?.name;
    if (name === 'PasswordException') throw new ImportError('the PDF is password-protected: open it, save or print an unprotected copy, and try again');
    throw new ImportError(`not a readable PDF (${oneLine((e as Error)?.message ?? String(e))}): the file is damaged or not a PDF`);
  }
  try {
    if (doc.numPages > limits.maxPages) {
      throw new ImportError(`the PDF has ${doc.numPages} pages; the limit is ${limits.maxPages} — extract the pages holding the plan`);
    }
    const pages: PdfPage[] = [];
    let chars = 0;
    let n = 1;
    const overTime = () => new ImportError(`reading the PDF took more than ${limits.maxMillis / 1000} s (stopped at page ${n} of ${doc.numPages}) — extract the pages holding the plan`);
    // Inside a page, only a timer can stop pdf.js: it ends the thread (a damaged or hostile page can take minutes).
    let timer: NodeJS.Timeout | undefined;
    const outOfTime = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(overTime());
        void thread.stop();
      }, Math.max(0, limits.maxMillis));
    });
    const started = performance.now();
    const readPages = async () => {
      for (; n <= doc.numPages; n++) {
        if (performance.now() - started > limits.maxMillis) throw overTime();
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        let lines = toLines(content.items.filter((i) => 'str' in i) as unknown as TextItem[]);
        // Bullets drawn as shapes (a browser's printed <ul>) are not in the text layer: read them off the page's drawing.
        if (lines.length) {
          const drawn = await page.getOperatorList();
          lines = withDrawnBullets(lines, pageMarks(drawn.fnArray, drawn.argsArray, markOps));
        }
        page.cleanup();
        chars += lines.reduce((sum, l) => sum + l.text.length, 0);
        if (chars > limits.maxTextChars) throw new ImportError(`the PDF holds more than ${limits.maxTextChars.toLocaleString('en')} characters of text; extract the pages holding the plan`);
        pages.push({ number: n, lines });
      }
    };
    const reading = readPages();
    reading.catch(() => undefined);
    try {
      await Promise.race([reading, outOfTime, thread.failed]);
    } finally {
      clearTimeout(timer);
    }
    if (chars === 0 || pages.every((p) => p.lines.every((l) => !/\p{L}/u.test(l.text)))) {
      throw new ImportError('the PDF has no text layer (a scan or a picture of text?): run OCR on it, or paste the text');
    }
    const { text, origins } = blocksToPlanText(pdfBlocks(pages));
    return { format: 'pdf', text, origins, pages: doc.numPages };
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`cannot read the PDF's text (${oneLine((e as Error)?.message ?? String(e))})`);
  } finally {
    // A thread that died, or is ended mid-page, never answers doc.destroy(): end it without asking.
    if (thread.running) await doc.destroy().catch(() => undefined);
    await returnPdfThread(thread);
  }
}

/** Text items to lines: items on one baseline (within a third of the text height) form a line, left to right. */
function toLines(items: TextItem[]): PdfLine[] {
  const placed = items
    .filter((i) => i.str !== '' || i.hasEOL)
    .map((i) => ({ str: i.str, x: i.transform[4], y: i.transform[5], width: i.width, size: Math.hypot(i.transform[2], i.transform[3]) || i.height || 10 }));
  placed.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; parts: typeof placed }[] = [];
  for (const item of placed) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - item.y) <= Math.max(line.size, item.size) / 3) line.parts.push(item);
    else lines.push({ y: item.y, size: item.size, parts: [item] });
  }
  return lines
    .map((line) => {
      const parts = line.parts.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const p of parts) {
        // A visible gap between two pieces is a space the PDF did not write out.
        if (text && !/\s$/.test(text) && !/^\s/.test(p.str) && p.x - end > p.size * 0.2) text += ' ';
        text += p.str;
        end = p.x + p.width;
      }
      return { text: text.replace(/\s+/g, ' ').trim(), x: parts[0].x, y: line.y, size: line.size };
    })
    .filter((l) => l.text !== '');
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}
