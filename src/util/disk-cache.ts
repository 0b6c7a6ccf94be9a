// Small derived data kept between runs as JSON files in one cache folder
// (`.provenance-index/`, gitignored): document summaries, the glossary's name
// keys. Each file is named by a key of everything its value depends on, so a
// stale file is never read, only left to be pruned.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

/** The working copy's cache folder: two levels above both src/util and dist/util. */
export const CACHE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../.provenance-index');

/** How many files of one kind a cache keeps (src/ and dist/ each have their own key, so a few). */
export const CACHE_KEEP = 4;

/**
 * The Map stored as `<prefix><key>.json` in `dir` when there is one, else
 * `build()`, stored there (keeping the newest `keep` files with the prefix).
 * A cache that cannot be read or written is ignored.
 */
export function cachedMap<K, V>(dir: string, prefix: string, key: string, build: () => Map<K, V>, keep = CACHE_KEEP): Map<K, V> {
  const name = `${prefix}${key}.json`;
  const stored = readCache<[K, V][]>(dir, name);
  if (stored) return new Map(stored);
  const map = build();
  writeCache(dir, name, [...map], prefix, keep);
  return map;
}

/** The JSON value stored as `name` in `dir`; undefined when there is none or it cannot be read or parsed. */
export function readCache<T>(dir: string, name: string): T | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * Store `value` as JSON under `name` in `dir`, written to a temporary file and
 * renamed (a reader never sees half a file), then remove all but the newest
 * `keep` files whose names start with `prefix`. Errors are swallowed: a
 * read-only install simply runs without the cache.
 */
export function writeCache(dir: string, name: string, value: unknown, prefix: string, keep: number): void {
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, name);
    // Worker threads share the process's pid (index workers write the glossary caches at once).
    const tmp = `${file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
    const old = readdirSync(dir)
      .filter((n) => n.startsWith(prefix) && n.endsWith('.json'))
      .map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .slice(keep);
    for (const { n } of old) rmSync(join(dir, n), { force: true });
  } catch {
    // Read-only, or another process pruned first: the value is still returned to the caller.
  }
}
