// A flate bomb inside a PDF: a content stream or font of a few kB that
// inflates to gigabytes. pdf.js inflates a stream whole, in memory, so the
// streams it would read for text are inflated here first, a piece at a time,
// and the file is refused once they add up to more than the budget. Images
// are skipped: pdf.js does not decode them for text.
import { Unzlib } from 'fflate';
import { ImportError } from './types.js';

/** Compressed bytes pushed at a time: one push yields at most ~1,032 times this (deflate's maximum ratio). */
const PIECE = 16 * 1024;

/**
 * Throw ImportError when the PDF's FlateDecode streams (images aside) inflate
 * to more than `maxBytes` in all. Streams that do not inflate (encrypted,
 * damaged) are left to pdf.js. Memory: at most ~17 MB of output at a time.
 */
export function checkStreamSizes(bytes: Uint8Array, maxBytes: number): void {
  const text = new TextDecoder('latin1').decode(bytes);
  const streamKeyword = /\bstream\r?\n/g;
  let total = 0;
  for (let m = streamKeyword.exec(text); m; m = streamKeyword.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const dict = text.slice(Math.max(0, m.index - 400), m.index);
    const ownDict = dict.slice(dict.lastIndexOf('obj') + 1);
    streamKeyword.lastIndex = end;
    if (!/\/FlateDecode|\/Fl\b/.test(ownDict) || /\/Subtype\s*\/Image/.test(ownDict)) continue;
    total += inflatedSize(bytes.subarray(start, end), maxBytes - total);
    if (total > maxBytes) {
      throw new ImportError(`the PDF's compressed streams unpack to more than ${maxBytes / 1e6} MB (a compression bomb?) — print it to a new PDF and try again`);
    }
  }
}

/** Bytes `data` inflates to, counting no further than just past `budget`; 0 when it does not inflate. */
function inflatedSize(data: Uint8Array, budget: number): number {
  let size = 0;
  const inflater = new Unzlib((chunk) => {
    size += chunk.length;
  });
  try {
    for (let i = 0; i < data.length && size <= budget; i += PIECE) inflater.push(data.subarray(i, i + PIECE), i + PIECE >= data.length);
  } catch {
    // Not zlib data, or cut short: pdf.js decides what to make of it.
  }
  return size;
}
