// Hostile and broken files: each gets one line naming the problem, within
// bounded time and memory — a zip bomb is refused from its directory, a PDF
// with 10,000 pages from its page count, neither is unpacked or read.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { deflateSync as zlibDeflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_LIMITS, importPlanFile, ImportError } from '../../src/corpus/import/index.js';
import { runCli } from '../helpers/run-cli.js';
import { corpusDocument, planDocx, planPdf } from './fixtures.js';

async function pdfkit(build: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A7', ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  build(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** The ImportError message for `bytes` named `name`, after checking it is one line and took little time. */
async function problem(bytes: Uint8Array, name: string): Promise<string> {
  const started = performance.now();
  const error = await importPlanFile(bytes, name, CLI_LIMITS).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  expect(performance.now() - started).toBeLessThan(20_000);
  return message;
}

const W_DOCUMENT = 'word/document.xml';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';

/** A .docx whose document.xml unpacks to `mb` MB of spaces (compressed about 1000:1). */
function zipBomb(mb: number): Uint8Array {
  const body = new Uint8Array(mb * 1_000_000).fill(0x20);
  return zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), [W_DOCUMENT]: [body, { level: 1 }] });
}

const POINT = 'BT /F1 12 Tf 72 712 Td (1. Ukraine will receive reliable security guarantees.) Tj ET ';

/**
 * A one-page PDF whose content stream inflates to `mb` MB of spaces after a
 * real point (node's zlib compresses it in a fraction of a second).
 */
function flateBombPdf(mb: number): Uint8Array {
  const content = Buffer.alloc(mb * 1_000_000, 0x20);
  content.write(POINT, 'latin1');
  return onePagePdf(content);
}

/** A one-page PDF drawing `content` (a content stream, Helvetica as /F1), flate-compressed. */
function onePagePdf(content: Buffer): Uint8Array {
  const stream = zlibDeflateSync(content);
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    length += buf.length;
  };
  const obj = (n: number, ...body: (Buffer | string)[]) => {
    offsets[n] = length;
    add(`${n} 0 obj\n`);
    body.forEach(add);
    add('\nendobj\n');
  };
  add('%PDF-1.4\n');
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>');
  obj(4, `<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, stream, '\nendstream');
  obj(5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const xref = length;
  add(`xref\n0 6\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'provenance-hostile-'));
});
afterAll(() => undefined);

describe('hostile files', () => {
  it('a zip bomb .docx is refused from its directory, before unpacking', async () => {
    const bomb = zipBomb(200);
    expect(bomb.length).toBeLessThan(1_000_000);
    const before = process.memoryUsage().rss;
    expect(await problem(bomb, 'bomb.docx')).toMatch(/word\/document\.xml unpacks to 200 MB; the limit is 50 MB \(a zip bomb\?\)/);
    expect(process.memoryUsage().rss - before).toBeLessThan(100_000_000);
  });

  it('a zip entry lying about its size is cut at the size it declares, not grown', async () => {
    const bomb = zipBomb(60);
    // Declare 1 kB in the local header and the central directory: the inflater must stop there.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let i = 0; i < bomb.length - 4; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50 && new TextDecoder().decode(bomb.subarray(i + 30, i + 30 + W_DOCUMENT.length)) === W_DOCUMENT) view.setUint32(i + 22, 1000, true);
      if (sig === 0x02014b50 && new TextDecoder().decode(bomb.subarray(i + 46, i + 46 + W_DOCUMENT.length)) === W_DOCUMENT) view.setUint32(i + 24, 1000, true);
    }
    expect(await problem(bomb, 'liar.docx')).toMatch(/not well-formed XML|not a readable zip/);
  });

  it('a PDF with 10,000 pages is refused from its page count', async () => {
    const pdf = await pdfkit((doc) => {
      for (let i = 1; i < 10_000; i++) doc.addPage();
    });
    expect(await problem(pdf, 'long.pdf')).toBe('the PDF has 10000 pages; the limit is 500 — extract the pages holding the plan');
  });

  it('a PDF whose content stream is a compression bomb is refused before pdf.js inflates it', async () => {
    const small = await importPlanFile(flateBombPdf(1), 'ok.pdf', CLI_LIMITS);
    expect(small.text).toBe('1. Ukraine will receive reliable security guarantees.\n');
    const bomb = flateBombPdf(80);
    expect(bomb.length).toBeLessThan(200_000);
    const before = process.memoryUsage().rss;
    expect(await problem(bomb, 'bomb.pdf')).toMatch(/^the PDF's compressed streams unpack to more than 50 MB \(a compression bomb\?\)/);
    expect(process.memoryUsage().rss - before).toBeLessThan(150_000_000);
  });

  it('a page that takes longer than the time limit to read is stopped inside the page, not after it', async () => {
    // A real point and 100,000 dots: pdf.js reads this one page for seconds, in one unbroken run.
    const pdf = onePagePdf(Buffer.from(POINT + '72 600 0.5 0.5 re f '.repeat(100_000), 'latin1'));
    const error = await importPlanFile(pdf, 'dots.pdf', { ...CLI_LIMITS, maxMillis: 200 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as Error)?.message).toBe('reading the PDF took more than 0.2 s (stopped at page 1 of 1) — extract the pages holding the plan');
    // Stopped, pdf.js's thread is ended and the next file gets a new one.
    expect((await importPlanFile(flateBombPdf(1), 'ok.pdf', CLI_LIMITS)).text).toContain('1. Ukraine will receive reliable security guarantees.');
  });

  it('an encrypted PDF, a PDF without a text layer, a damaged PDF', async () => {
    const secret = await pdfkit((doc) => doc.text('1. Ukraine’s sovereignty will be confirmed.'), { userPassword: 'kyiv', ownerPassword: 'owner' });
    expect(await problem(secret, 'secret.pdf')).toMatch(/^the PDF is password-protected/);
    const scan = await pdfkit((doc) => doc.rect(10, 10, 100, 100).fill('#333'));
    expect(await problem(scan, 'scan.pdf')).toMatch(/^the PDF has no text layer \(a scan/);
    const { pdf } = await planPdf(corpusDocument('us-28-alt-en-pravda-2025-11-20'), 'Draft');
    expect(await problem(new Uint8Array(pdf.subarray(0, 400)), 'cut.pdf')).toMatch(/PDF/);
  });

  it('invalid bytes, and files that are not what their names say', async () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(await problem(noise, 'noise.pdf')).toMatch(/^not a PDF file .*damaged or renamed$/);
    expect(await problem(noise, 'noise.docx')).toMatch(/^not a DOCX file/);
    expect(await problem(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...noise.subarray(0, 200)]), 'broken.docx')).toMatch(/not a readable zip archive|without word\/document\.xml/);
    expect(await problem(new TextEncoder().encode('1. Ukraine will receive reliable security guarantees.\n'), 'plan.pdf')).toMatch(/named \.pdf but it is plain text/);
    expect(await problem(zipSync({ 'a.txt': new Uint8Array([65]) }), 'archive.docx')).toMatch(/without word\/document\.xml: not a Word document/);
    expect(await problem(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.doc')).toMatch(/old Word \.doc/);
    expect(await problem(new Uint8Array(), 'empty.pdf')).toBe('the file is empty');
  });

  it('a renamed file is read as what it is: a Word file called .pdf', async () => {
    const docx = await planDocx(corpusDocument('us-28-alt-en-pravda-2025-11-20'), 'Draft');
    const imported = await importPlanFile(docx, 'renamed.pdf', CLI_LIMITS);
    expect(imported.format).toBe('docx');
    expect(imported.text).toMatch(/^17\. The United States and Russia/m);
  });
});

describe('the command line', () => {
  it('prints one line naming the file and the problem, exit 1, no stack trace', () => {
    const bomb = join(dir, 'bomb.docx');
    writeFileSync(bomb, zipBomb(200));
    const r = runCli(['show', bomb]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`provenance: ${bomb}: error [file]: word/document.xml unpacks to 200 MB; the limit is 50 MB (a zip bomb?) — save the document again from Word`]);
  });

  it('show --format json prints the extracted text and where each point came from; align and match take the file', async () => {
    const plain = corpusDocument('us-28-alt-en-pravda-2025-11-20');
    const file = join(dir, 'draft.docx');
    writeFileSync(file, await planDocx(plain, plain.title));
    const shown = runCli(['show', file, '--format', 'json']);
    expect(shown.stderr).toBe('');
    const json = JSON.parse(shown.stdout);
    expect(json.imported.format).toBe('docx');
    expect(json.text).toMatch(/^21\. Territories:\n {4}a\) Crimea, Luhansk, and Donetsk/m);
    expect(json.segments.find((s: { id: string }) => s.id === '21.b').from).toMatch(/^paragraph \d+ \(list level 2\)$/);
    const aligned = runCli(['align', 'us-28-alt-en-pravda-2025-11-20', file, '--format', 'json']);
    expect(aligned.status).toBe(0);
    const matched = runCli(['match', file, '--format', 'json']);
    expect(matched.status).toBe(0);
    expect(JSON.parse(matched.stdout).points.length).toBeGreaterThan(5);
  });

  it('translationese and export take a PDF', async () => {
    const plain = corpusDocument('us-28-2025-11-20');
    const file = join(dir, 'draft.pdf');
    writeFileSync(file, (await planPdf(plain, plain.title)).pdf);
    const scored = runCli(['translationese', file, '--format', 'json']);
    expect(scored.status).toBe(0);
    expect(JSON.parse(scored.stdout)[0].input).toBe(file);
    const exported = runCli(['export', file, '--format', 'csv']);
    expect(exported.status).toBe(0);
    expect(exported.stdout.split('\n')[1]).toMatch(/^file-draft,1,"?Ukraine's sovereignty will be confirmed\./);
  });
});
