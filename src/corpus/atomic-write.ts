// Replace a file so that a reader (or the next start after a crash) sees
// either the old content or the new, never a mix: write a temporary file in the
// same folder, flush it to disk, rename it over the target, flush the folder.
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Temporary files start with a dot and end in `.tmp`, so the corpus loader
 * (which skips dot files and reads only `*.md`) never mistakes one left by a
 * crash for a document.
 */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function writeFileAtomic(target: string, content: string): Promise<void> {
  const temp = tempPathFor(target);
  // `wx`: never follow or reuse an existing file at the temporary name.
  const file = await open(temp, 'wx', 0o644);
  try {
    try {
      await file.writeFile(content, 'utf8');
      await file.sync(); // the data must be on disk before the rename makes it visible
    } finally {
      await file.close();
    }
    await rename(temp, target); // atomic within one file system, which the same folder guarantees
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncFolder(dirname(target));
}

/** Flush the folder entry so the rename itself survives a power cut; not every platform allows it. */
async function syncFolder(folder: string): Promise<void> {
  let dir;
  try {
    dir = await open(folder, 'r');
    await dir.sync();
  } catch {
    // Windows cannot open a folder for fsync; the rename is still atomic there.
  } finally {
    await dir?.close();
  }
}

/** The temporary names `tempPathFor` makes, and nothing else. */
const TEMP_NAME = /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/;

/**
 * Delete temporary files a crash left in `folder` (a kill between write and
 * rename). Only our own names, and only files older than `minAgeMs`, so a save
 * in progress in another process is never touched. Returns the names removed.
 */
export async function removeStaleTemps(folder: string, minAgeMs = 60_000): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!TEMP_NAME.test(name)) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile() || Date.now() - info.mtimeMs < minAgeMs) continue;
    await unlink(path).then(() => removed.push(name), () => undefined);
  }
  return removed;
}
