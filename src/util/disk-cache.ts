// Small derived data kept between runs as files in one cache folder
// (`.provenance-index/`, gitignored): document summaries, the glossary's name
// keys, the in-memory corpus's terms (JSON), the shipped corpora's parsed
// documents (v8.serialize). Each file is named by a key of everything its value depends on, so a
// stale file is never read, only left to be pruned.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
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
 * The value stored as `name` in `dir` by writeSerialized (v8.serialize, with a
 * SHA-256 of it in front); undefined when there is none, or it cannot be read,
 * is damaged or was written by another V8 (whose format may differ).
 */
export function readSerialized(dir: string, name: string): unknown {
  try {
    const bytes = readFileSync(join(dir, name));
    const head = `${SERIALIZED_MAGIC}${process.versions.v8}\n`;
    if (bytes.toString('latin1', 0, head.length) !== head) return undefined;
    const digest = bytes.subarray(head.length, head.length + 32);
    const payload = bytes.subarray(head.length + 32);
    if (!createHash('sha256').update(payload).digest().equals(digest)) return undefined;
    return deserialize(payload);
  } catch {
    return undefined;
  }
}

/**
 * Store `value` (structured-clonable: plain objects, arrays, strings, numbers,
 * undefined) as `name` in `dir` for readSerialized, like writeCache (any file
 * name: pruning keeps the newest `keep` whose names start with `prefix`).
 * JSON would drop undefined fields and key order of absent ones; a reader
 * gets back exactly what was stored.
 */
export function writeSerialized(dir: string, name: string, value: unknown, prefix: string, keep: number): void {
  let payload: Buffer;
  try {
    payload = serialize(value);
  } catch {
    return;
  }
  const head = Buffer.from(`${SERIALIZED_MAGIC}${process.versions.v8}\n`, 'latin1');
  writeCacheBytes(dir, name, Buffer.concat([head, createHash('sha256').update(payload).digest(), payload]), prefix, keep);
}

const SERIALIZED_MAGIC = 'plan-provenance v8 ';

/**
 * Store `value` as JSON under `name` in `dir`, written to a temporary file and
 * renamed (a reader never sees half a file), then remove all but the newest
 * `keep` files whose names start with `prefix`. Errors are swallowed: a
 * read-only install simply runs without the cache.
 */
export function writeCache(dir: string, name: string, value: unknown, prefix: string, keep: number): void {
  writeCacheBytes(dir, name, JSON.stringify(value), prefix, keep);
}

/** writeCache's file handling for any content (see there). */
function writeCacheBytes(dir: string, name: string, data: string | Uint8Array, prefix: string, keep: number): void {
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, name);
    // Worker threads share the process's pid (index workers write the glossary caches at once).
    const tmp = `${file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, file);
    const old = readdirSync(dir)
      .filter((n) => n.startsWith(prefix) && !n.endsWith('.tmp'))
      .map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .slice(keep);
    for (const { n } of old) rmSync(join(dir, n), { force: true });
  } catch {
    // Read-only, or another process pruned first: the value is still returned to the caller.
  }
}
