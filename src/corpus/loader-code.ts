// A hash of the loader's own code and of the libraries whose behaviour it
// depends on, for caches of what the loader produced (document summaries,
// bulk files' documents): a change to either makes every such cache stale.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
/** yaml and zod parse and check fields, franc judges languages, csv-parse reads CSV files. */
const LIBRARIES = ['yaml', 'zod', 'franc', 'csv-parse'];

let code: string | undefined;

/**
 * Hex SHA-256 of every file directly in src/corpus (or dist/corpus), with the
 * versions of LIBRARIES. Sub-folders (import/) hold importers, which never run
 * for corpus files. Computed once a process.
 */
export function loaderCodeFingerprint(): string {
  if (code) return code;
  const h = createHash('sha256');
  for (const entry of readdirSync(HERE, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) if (entry.isFile()) h.update(readFileSync(join(HERE, entry.name)));
  for (const pkg of LIBRARIES) h.update(`${pkg}@${packageVersion(pkg)}`);
  code = h.digest('hex');
  return code;
}

/**
 * A package's version from its package.json, found from its resolved entry
 * (csv-parse's `exports` does not expose `csv-parse/package.json`); `?` when
 * it cannot be found.
 */
export function packageVersion(pkg: string): string {
  try {
    const entry = createRequire(import.meta.url).resolve(pkg);
    const marker = `${sep}node_modules${sep}${pkg}${sep}`;
    const at = entry.lastIndexOf(marker);
    if (at < 0) return '?';
    return (JSON.parse(readFileSync(join(entry.slice(0, at + marker.length), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}
