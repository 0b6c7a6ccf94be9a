// Where a file derived from a corpus file is kept (its persistent index, its
// load cache): beside the file when that folder is writable, so it travels
// and is removed with the data; else in a folder of the current user's under
// the system's temporary folder, under a name that encodes the file's full
// path.
import { createHash } from 'node:crypto';
import { accessSync, constants, lstatSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * `<file><suffix>` when the file's folder is writable, else
 * `<tmp>/plan-provenance-index-<uid>/<hash of file>-<name><suffix>` (see
 * userTempFolder). Throws an Error naming both folders when neither can be
 * written.
 */
export function derivedPath(file: string, suffix: string): string {
  try {
    accessSync(dirname(file), constants.W_OK);
    return `${file}${suffix}`;
  } catch {
    return join(userTempFolder(file), `${createHash('sha256').update(file).digest('hex').slice(0, 16)}-${basename(file)}${suffix}`);
  }
}

let folder: string | undefined;

/**
 * The current user's folder for derived files under the temporary folder,
 * made private (0700). A folder of that name that is not ours alone (another
 * user made it, or it is a symbolic link, or others may write or read it) is
 * never used: files there could be read or replaced. A fresh random folder is
 * used instead, for this process only, and removed when it ends.
 */
function userTempFolder(file: string): string {
  if (folder) return folder;
  const uid = process.getuid?.();
  const named = join(tmpdir(), uid === undefined ? 'plan-provenance-index' : `plan-provenance-index-${uid}`);
  try {
    mkdirSync(named, { recursive: true, mode: 0o700 });
    // lstat: a symbolic link planted under our name is not followed.
    const info = lstatSync(named);
    if (!info.isDirectory() || (uid !== undefined && (info.uid !== uid || (info.mode & 0o077) !== 0))) throw new Error('not ours alone');
    accessSync(named, constants.W_OK);
    return (folder = named);
  } catch {
    try {
      folder = mkdtempSync(`${named}-`);
      // Random, so never found again: removed when the process ends rather than left behind each run.
      const made = folder;
      process.once('exit', () => rmSync(made, { recursive: true, force: true }));
      return folder;
    } catch (e) {
      throw new Error(
        `cannot keep the index of ${file}: its folder is read-only and the temporary folder ${tmpdir()} cannot be written either (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); make one of them writable, or set TMPDIR to a writable folder`,
      );
    }
  }
}
