// The draft form takes a PDF, a Word file or a web page: the extracted text
// is shown for the visitor to check; a broken or hostile file is a one-line
// 422 (or 413), never a crash or a stack trace.
import { zipSync } from 'fflate';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDocument, planDocx, planHtml, planPdf } from '../import/fixtures.js';
import { startApp, type RunningApp } from './helpers.js';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

async function upload(bytes: Uint8Array, name: string, type = 'application/octet-stream'): Promise<{ status: number; html: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  form.append('against', 'us-28-2025-11-20');
  const res = await fetch(`${app.url}/draft`, { method: 'POST', body: form });
  return { status: res.status, html: await res.text() };
}

const plain = corpusDocument('us-28-alt-en-pravda-2025-11-20');

describe('uploading a draft as a reporter received it', () => {
  it.each([
    ['draft.docx', async () => planDocx(plain, plain.title), 'DOCX'],
    ['draft.pdf', async () => (await planPdf(plain, plain.title)).pdf, 'PDF, 2 pages'],
    ['draft.html', async () => Buffer.from(planHtml(plain, plain.title)), 'HTML'],
  ])('%s: the extracted text is shown and analysed', async (name, make, label) => {
    const { status, html } = await upload(await make(), name);
    expect(status).toBe(200);
    expect(html).toContain(`Text extracted from <strong>${name}</strong> (${label})`);
    // The text box holds the extracted plan text, numbers rebuilt.
    expect(html).toMatch(/<textarea[^>]*>[^<]*17\. The United States and Russia will agree to extend the nuclear non-proliferation/);
    expect(html).toContain('21. Territories:\n    a) Crimea, Luhansk, and Donetsk');
    expect(html).toMatch(/Your draft, as read: 6 points/);
    // Each point says where in the file it starts.
    expect(html).toMatch(/<span class="from legend">\((page 1, line \d+|paragraph 3 \(list level 1\)|body &gt; main\[1\] &gt; ol\[1\] &gt; li\[1\])\)<\/span>/);
  });

  it('a scanned PDF without text, an encrypted PDF, a renamed or broken file: a 422 naming the file and the problem', async () => {
    const pdf = async (build: (d: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}) => {
      const d = new PDFDocument({ size: 'A7', ...options });
      const chunks: Buffer[] = [];
      d.on('data', (c: Buffer) => chunks.push(c));
      const done = new Promise((r) => d.on('end', r));
      build(d);
      d.end();
      await done;
      return Buffer.concat(chunks);
    };
    const cases: [Uint8Array, string, RegExp][] = [
      [await pdf((d) => d.rect(5, 5, 50, 50).fill('#000')), 'scan.pdf', /scan\.pdf: the PDF has no text layer \(a scan or a picture of text\?\)/],
      [await pdf((d) => d.text('1. Ukraine will receive reliable security guarantees.'), { userPassword: 'x' }), 'locked.pdf', /locked\.pdf: the PDF is password-protected/],
      [new TextEncoder().encode('1. Ukraine will receive reliable security guarantees.'), 'plan.docx', /plan\.docx: named \.docx but it is plain text/],
      [new Uint8Array(2000).map((_, i) => (i * 31) % 256), 'noise.pdf', /noise\.pdf: not a PDF file/],
      [zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document') }), 'cut.docx', /cut\.docx: word\/document\.xml is not well-formed XML/],
    ];
    for (const [bytes, name, message] of cases) {
      const { status, html } = await upload(bytes, name);
      expect(status, name).toBe(422);
      expect(html).toMatch(message);
      expect(html).not.toMatch(/\bat [\w.]+ \(|node_modules/);
    }
  });

  it('a PDF over the page limit, a file over the size limit', async () => {
    const d = new PDFDocument({ size: 'A7' });
    const chunks: Buffer[] = [];
    d.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => d.on('end', r));
    for (let i = 1; i < 60; i++) d.addPage();
    d.end();
    await done;
    const long = await upload(Buffer.concat(chunks), 'long.pdf');
    expect(long.status).toBe(422);
    expect(long.html).toContain('long.pdf: the PDF has 60 pages; the limit is 50');
    const big = await upload(new Uint8Array(6_000_000).fill(0x25), 'big.pdf');
    expect(big.status).toBe(413);
  });
});
