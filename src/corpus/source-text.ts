// Turn raw file bytes into text we can trust: strict UTF-8, no BOM, LF line
// ends, no NUL. Each problem becomes a located message instead of garbled text.
import type { LoadIssue } from './types.js';

/** Files above this size are refused: the largest real document is ~20 kB. */
export const MAX_FILE_BYTES = 2_000_000;

export type DecodeResult = { ok: true; text: string } | { ok: false; issue: LoadIssue };

export function decodeSource(bytes: Uint8Array, file: string): DecodeResult {
  const tooBig = sizeIssue(bytes.length, file);
  if (tooBig) return { ok: false, issue: tooBig };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = lineOfByte(bytes, at);
    return fail(file, line, `invalid UTF-8 at byte ${at}: save the file as UTF-8`);
  }
  return normaliseSource(text, file);
}

/** The error for a file over the size limit, or undefined; callers can check before reading. */
export function sizeIssue(byteLength: number, file: string): LoadIssue | undefined {
  if (byteLength <= MAX_FILE_BYTES) return undefined;
  const mb = (byteLength / 1e6).toFixed(1);
  return { severity: 'error', file, field: 'file', message: `file is ${mb} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB per document — split it into several files` };
}

/**
 * Unicode's other line ends (UAX #14, Unicode §5.8): NEL and LINE SEPARATOR end a line like LF,
 * PARAGRAPH SEPARATOR ends a paragraph (a blank line). A draft saved with them is a list of lines too.
 */
const OTHER_LINE_END = /\r\n?|[\u0085\u2028\u2029]/g;

/** Strip a BOM, turn CRLF/CR, NEL and U+2028 into LF and U+2029 into a blank line, and refuse NUL characters. */
export function normaliseSource(text: string, file: string): DecodeResult {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(OTHER_LINE_END, (end) => (end === '\u2029' ? '\n\n' : '\n'));
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    return fail(file, line, 'contains a NUL character (binary data?): remove it or save the file as plain text');
  }
  return { ok: true, text };
}

function fail(file: string, line: number | undefined, message: string): DecodeResult {
  return { ok: false, issue: { severity: 'error', file, line, field: 'file', message } };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Binary search on prefixes would mis-handle split sequences; a linear scan of
  // sequence lengths is simple and fast enough for files under the size limit.
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try {
      decoder.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return i;
}

function lineOfByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
