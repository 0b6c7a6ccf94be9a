// The shipped kremlin archive's JSON Lines, for tests that build bulk files from real records.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The archive, relative to the project root (where vitest runs). */
export const KREMLIN_BULK = 'data/bulk/kremlin-en-2000-2020.jsonl.gz';

let lines: string[] | undefined;

/** Every non-empty line of the archive, in file order (read once per test file). */
export function kremlinLines(): string[] {
  return (lines ??= gunzipSync(readFileSync(resolve(import.meta.dirname, '../..', KREMLIN_BULK))).toString('utf8').split('\n').filter(Boolean));
}
