// Drafts as reporters receive them: a PDF, a Word file or a web page turned
// into plan text the loader segments. The format is decided by the file's
// first bytes, not only its name, so a renamed file is read as what it is
// (or refused with a message saying what it is).
import { extname } from 'node:path';
import { ImportError, type ImportedPlan, type ImportFormat, type ImportLimits } from './types.js';

export { CLI_LIMITS, ImportError, type ImportedPlan, type ImportFormat, type ImportLimits, type LineOrigin } from './types.js';

/** Extensions that name a format this folder reads. */
const EXTENSIONS: Record<string, ImportFormat> = { '.pdf': 'pdf', '.docx': 'docx', '.docm': 'docx', '.html': 'html', '.htm': 'html', '.xhtml': 'html' };

/** What the first bytes say a file is. */
export type Sniffed = ImportFormat | 'zip' | 'ole' | 'rtf' | 'text' | 'binary';

export function sniff(bytes: Uint8Array): Sniffed {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  // PDF readers accept up to 1 kB of junk before the header (PDF 32000-1, annex H).
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'zip';
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1')) return 'ole';
  if (head.startsWith('{\\rtf')) return 'rtf';
  const text = head.replace(/^\u00ef\u00bb\u00bf/, '').trimStart().toLowerCase();
  // Not `<!--` alone: a Markdown draft may open with a `<!-- src: URL -->` line.
  if (/^(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*(<!doctype html|<html))/.test(text)) return 'html';
  // Control characters other than tab/CR/LF/FF in the head: not a text file.
  return /[\u0000-\u0008\u000e-\u001a]/.test(head) ? 'binary' : 'text';
}

/** True when the name or the first bytes say this file is for an importer rather than the plain-text loader. */
export function isImportable(name: string, bytes: Uint8Array): boolean {
  const ext = extname(name).toLowerCase();
  const s = sniff(bytes);
  // A text file that starts like a page stays text: HTML is read as HTML only when named so.
  return ext in EXTENSIONS || s === 'pdf' || s === 'zip' || s === 'ole' || s === 'rtf' || (s === 'html' && !TEXT_EXTENSIONS.has(ext));
}

/** Names of plain-text drafts (the loader's own format). */
const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.text']);

/**
 * Turn `bytes` (a file called `name`) into plan text. Throws ImportError
 * with a one-line reason (without the file name) for a file that is too
 * large, damaged, encrypted, a scan without text, or not what its name says.
 */
export async function importPlanFile(bytes: Uint8Array, name: string, limits: ImportLimits): Promise<ImportedPlan> {
  if (bytes.length > limits.maxBytes) {
    throw new ImportError(`the file is ${(bytes.length / 1e6).toFixed(1)} MB; the limit is ${limits.maxBytes / 1e6} MB`);
  }
  if (bytes.length === 0) throw new ImportError('the file is empty');
  const claimed = EXTENSIONS[extname(name).toLowerCase()];
  const found = sniff(bytes);
  switch (found) {
    // Each importer is loaded when a file needs it: their parsers (pdf.js, xmldom, fflate, parse5) took
    // ~60 ms of every command's start-up, though most commands read no PDF, Word or HTML file.
    case 'pdf':
      return (await import('./pdf.js')).importPdf(bytes, limits);
    case 'zip':
    case 'docx':
      return (await import('./docx.js')).importDocx(bytes, limits);
    case 'ole':
      throw new ImportError('an old Word .doc file or a password-protected Office file: save it from Word as .docx without a password');
    case 'rtf':
      throw new ImportError('an RTF file: save it from your word processor as .docx');
    case 'html':
      return (await import('./html.js')).importHtml(decodeText(bytes), limits);
    case 'binary':
      throw new ImportError(`not a ${claimed ? claimed.toUpperCase() : 'PDF, Word or HTML'} file (its first bytes are not one): the file is damaged or renamed`);
    case 'text':
      // A page without a doctype still parses as HTML; a ".pdf" or ".docx" that is text is misnamed.
      if (claimed === 'html') return (await import('./html.js')).importHtml(decodeText(bytes), limits);
      throw new ImportError(`named ${extname(name)} but it is plain text, not a ${claimed?.toUpperCase() ?? 'PDF, Word or HTML'} file: rename it to .txt`);
  }
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Older pages are often Windows-1252; a browser would show them so too.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
