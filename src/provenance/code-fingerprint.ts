// What the terms of a text depend on besides the text: the code that derives
// them, the glossary and the libraries and tables that code leans on. Every
// store of derived terms (the bulk index, the in-memory corpus's term cache)
// is keyed by it, so changing any of them rebuilds the store instead of
// trusting terms the code would no longer give.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../corpus/loader-code.js';
import { hashTextCode } from '../text/code-hash.js';
import { GLOSSARY_PATH } from '../text/index.js';

let codeHash: string | undefined;

/**
 * SHA-256 (hex) of the modules that derive terms (src/text, terms, passages,
 * index keys), the glossary, az's and natural's versions (Russian lemmas,
 * Porter stems beyond a–z) and the Unicode version of the JavaScript engine
 * (the tokenizer's \p{L} classes). Computed once per process (~5 ms).
 */
export function codeFingerprint(): string {
  if (codeHash) return codeHash;
  const here = dirname(fileURLToPath(import.meta.url));
  const h = createHash('sha256');
  // Russian terms are lemmas from az's dictionaries, so its version counts too (hashTextCode).
  hashTextCode(h);
  for (const name of readdirSync(here).sort()) {
    // sqlite-index's own layout is versioned by INDEX_FORMAT instead, so tuning its queries keeps the index.
    if (/^(terms|passages|memory-index)\.(ts|js)$/.test(name)) h.update(readFileSync(join(here, name)));
  }
  h.update(readFileSync(GLOSSARY_PATH));
  h.update(`natural ${packageVersion('natural')}\n`);
  h.update(`unicode ${process.versions.unicode ?? ''}\n`);
  codeHash = h.digest('hex');
  return codeHash;
}
