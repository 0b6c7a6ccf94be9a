// What the text layer's output depends on besides its input: its own code and
// the Russian analyser's dictionaries. Keys of derived data (the persistent
// passage index, the glossary's name-key cache) include it.
import type { Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEXT_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * Feed `h` the files of src/text (or dist/text), in name order, and az's
 * version. Files only: src/text/lexicon/ feeds alignment, not tokens or terms.
 */
export function hashTextCode(h: Hash): void {
  for (const e of readdirSync(TEXT_DIR, { withFileTypes: true }).filter((x) => x.isFile()).sort((a, b) => (a.name < b.name ? -1 : 1))) h.update(readFileSync(join(TEXT_DIR, e.name)));
  h.update(`az ${(createRequire(import.meta.url)('az/package.json') as { version: string }).version}\n`);
}
