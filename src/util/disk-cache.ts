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
  return new Map(cachedEntries(dir, prefix, key, () => [...build()], keep));
}

/**
 * The Set stored as `<prefix><key>.json` in `dir` when there is one whose
 * every entry passes `isEntry`, else `build()`, stored there; as cachedMap.
 */
export function cachedSet<T>(dir: string, prefix: string, key: string, build: () => Set<T>, isEntry: (x: unknown) => x is T, keep = CACHE_KEEP): Set<T> {
  return new Set(cachedEntries(dir, prefix, key, () => [...build()], keep, (xs) => xs.every(isEntry)));
}

/** The array stored as `<prefix><key>.json` in `dir`, else `build()`, stored there. */
function cachedEntries<T>(dir: string, prefix: string, key: string, build: () => T[], keep: number, valid: (xs: unknown[]) => boolean = () => true): T[] {
  const name = `${prefix}${key}.json`;
  const stored = readCache<unknown>(dir, name);
  if (Array.isArray(stored) && valid(stored)) return stored as T[];
  const entries = build();
  writeCache(dir, name, entries, prefix, keep);
  return entries;
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
