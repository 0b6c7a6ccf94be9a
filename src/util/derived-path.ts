// Where a file derived from a corpus file is kept (its persistent index, its
// load cache): beside the file when that folder is writable, so it travels
// and is removed with the data; else in the system's temporary folder, under
// a name that encodes the file's full path.
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * `<file><suffix>` when the file's folder is writable, else
 * `<tmp>/plan-provenance-index/<hash of file>-<name><suffix>`.
 * Throws only if the temporary folder cannot be made.
 */
export function derivedPath(file: string, suffix: string): string {
  try {
    accessSync(dirname(file), constants.W_OK);
    return `${file}${suffix}`;
  } catch {
    const dir = join(tmpdir(), 'plan-provenance-index');
    mkdirSync(dir, { recursive: true });
    return join(dir, `${createHash('sha256').update(file).digest('hex').slice(0, 16)}-${basename(file)}${suffix}`);
  }
}
