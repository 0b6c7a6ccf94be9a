// The parts of a zip archive (a .docx) a reader needs, unpacked within a byte
// budget: a zip bomb is refused from its directory before anything is
// inflated, and fflate inflates an entry into a buffer of its declared size,
// so an entry lying about its size is cut short, not grown.
import { unzipSync } from 'fflate';
import { ImportError } from './types.js';

/**
 * Unpack the entries named in `wanted` (missing ones are absent from the result).
 * Throws ImportError when the archive cannot be read or the wanted entries
 * would unpack to more than `maxBytes`.
 */
export function readZipEntries(bytes: Uint8Array, wanted: string[], maxBytes: number): Map<string, Uint8Array> {
  const names = new Set(wanted);
  let declared = 0;
  let tooBig: { name: string; size: number } | undefined;
  let entries;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (!names.has(file.name)) return false;
        declared += file.originalSize;
        if (declared > maxBytes) tooBig = { name: file.name, size: file.originalSize };
        return !tooBig && (file.compression === 0 || file.compression === 8);
      },
    });
  } catch (e) {
    throw new ImportError(`not a readable zip archive (${(e as Error).message}): the file is damaged or not a Word document`);
  }
  if (tooBig) {
    throw new ImportError(`${tooBig.name} unpacks to ${(tooBig.size / 1e6).toFixed(0)} MB; the limit is ${maxBytes / 1e6} MB (a zip bomb?) — save the document again from Word`);
  }
  return new Map(Object.entries(entries));
}
