// SHA-256 of a file's bytes, computed once a process per version of the file:
// the bulk load cache and the persistent index are both keyed by the corpus
// file's content, and a warm run would otherwise read and hash it twice.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

const digests = new Map<string, { stamp: string; hex: string }>();

/**
 * Hex SHA-256 of `file`'s bytes. Remembered by path with the file's size,
 * inode and modification and change times (ns), so a file rewritten during
 * the process is hashed again. Throws as readFileSync does (ENOENT, EACCES).
 * `onRead` gets the bytes when they had to be read for the digest (not when it
 * was remembered), so a caller that needs them too reads and hashes once.
 */
export function fileDigest(file: string, onRead?: (bytes: Buffer) => void): string {
  const s = statSync(file, { bigint: true });
  const stamp = `${s.size} ${s.ino} ${s.mtimeNs} ${s.ctimeNs}`;
  const known = digests.get(file);
  if (known?.stamp === stamp) return known.hex;
  const bytes = readFileSync(file);
  const hex = createHash('sha256').update(bytes).digest('hex');
  onRead?.(bytes);
  digests.set(file, { stamp, hex });
  return hex;
}
