// Mueller's English–Russian dictionary (7th edition, 46,007 headwords), read
// at run time from Debian's `mueller7-dict` package when it is installed.
// The data is GPL-2+: nothing read from it is ever written into this
// repository; it lives in memory only, for the process that read it.
//
// dictd format: `.index` has one line per headword, `headword TAB offset TAB
// length`, both numbers in base 64 (A–Z a–z 0–9 + /, big-endian); `.dict.dz`
// is dictzip, which gunzips as plain gzip; an entry is the byte range
// [offset, offset + length) of the unpacked data.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { russianLemmaOf } from './gloss.js';
import { isStopWord } from '../stem.js';

export const MUELLER_DIR = process.env.PROVENANCE_MUELLER_DIR ?? '/usr/share/dictd';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function b64(s: string): number {
  let n = 0;
  for (const c of s) n = n * 64 + B64.indexOf(c);
  return n;
}

export interface Mueller {
  headwords: number;
  loadMs: number;
  /** Russian translations of an English headword: one entry per Russian word or phrase head, with its lemma. */
  lookup(headword: string): { form: string; lemma: string }[];
}

/** Russian renderings in one entry: the leading Cyrillic items of each numbered sense, before any English example. */
export function russianRenderings(entry: string): string[] {
  const body = entry
    .split('\n')
    .slice(1)
    .join(' ')
    .replace(/\[[^\]]*\]/g, ' ') // transcription
    .replace(/\([^)]*\)/g, ' ') // notes
    .replace(/_[\p{L}.]+\.?/gu, ' '); // labels: _n. _воен. _attr.
  const out: string[] = [];
  for (const sense of body.split(/\d+[.)]/)) {
    for (const item of sense.split(/[;,]/)) {
      const text = item.replace(/\s+/g, ' ').trim();
      if (!text) continue;
      if (/\p{Script=Latin}/u.test(text)) break; // an example starts: the rest of this sense is phrases
      if (!/^[\p{Script=Cyrillic}\- ]+$/u.test(text)) continue;
      const words = text.split(' ').filter((w) => !isStopWord(w.toLowerCase().replace(/ё/g, 'е'), 'ru'));
      // One word, or the head of a two-word phrase ("вывод войск" → "вывод").
      if (words.length >= 1 && words.length <= 2) out.push(words[0]);
    }
  }
  return out;
}

let cached: Mueller | null | undefined;

/** The installed dictionary, or null when `mueller7-dict` is not installed. Throws when its files exist but cannot be read. */
export function loadMueller(dir = MUELLER_DIR): Mueller | null {
  if (cached !== undefined && dir === MUELLER_DIR) return cached;
  const indexPath = `${dir}/mueller7.index`;
  const dictPath = `${dir}/mueller7.dict.dz`;
  if (!existsSync(indexPath) || !existsSync(dictPath)) return (cached = null);
  const t0 = performance.now();
  const index = new Map<string, [number, number][]>();
  for (const line of readFileSync(indexPath, 'utf8').split('\n')) {
    const [head, off, len] = line.split('\t');
    if (!len || !/^[a-z]/i.test(head)) continue;
    const key = head.toLowerCase();
    const list = index.get(key) ?? [];
    list.push([b64(off), b64(len)]);
    index.set(key, list);
  }
  const data = gunzipSync(readFileSync(dictPath));
  const seen = new Map<string, { form: string; lemma: string }[]>();
  const m: Mueller = {
    headwords: index.size,
    loadMs: performance.now() - t0,
    lookup(headword) {
      const key = headword.toLowerCase();
      const hit = seen.get(key);
      if (hit) return hit;
      const out: { form: string; lemma: string }[] = [];
      for (const [off, len] of index.get(key) ?? []) {
        for (const form of russianRenderings(data.subarray(off, off + len).toString('utf8'))) {
          const lemma = russianLemmaOf(form);
          if (!out.some((x) => x.lemma === lemma)) out.push({ form, lemma });
        }
      }
      seen.set(key, out);
      return out;
    },
  };
  if (dir === MUELLER_DIR) cached = m;
  return m;
}
