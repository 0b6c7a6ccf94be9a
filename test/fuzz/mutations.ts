// Byte- and line-level mutations of the REAL corpus files, as fast-check
// arbitraries. No mutation writes new prose: each one cuts, repeats, re-encodes
// or sprinkles single characters into text that already exists in corpora/.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';

export const CORPORA = resolve(import.meta.dirname, '../../corpora');

export interface RealFile {
  name: string;
  bytes: Buffer;
}

export function realFiles(): RealFile[] {
  const out: RealFile[] = [];
  for (const folder of ['plans', 'statements']) {
    for (const name of readdirSync(join(CORPORA, folder)).sort()) {
      if (!name.endsWith('.md') || name === 'SOURCES.md' || name === 'README.md') continue;
      out.push({ name: `${folder}/${name}`, bytes: readFileSync(join(CORPORA, folder, name)) });
    }
  }
  return out;
}

/** Single characters a PDF or chat-app paste brings along (not words). */
export const ODD_CHARS = [
  '\u{1F600}', '\u{1F1FA}\u{1F1E6}', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', // emoji, flag, ZWJ sequence
  '\u202E', '\u202B', '\u200F', '\u05D0', '\u0627', // right-to-left overrides and letters
  '\u200B', '\u00A0', '\u2028', '\u2029', '\uFEFF', '\u00AD', // invisible and separators
  '\uD800', '\uDFFF', // lone surrogates
  '\u0301', '\t', '\r', '\v', '\f',
];

/** Latin letters and their Cyrillic look-alikes, both ways. */
const HOMOGLYPHS: [string, string][] = [['a', 'а'], ['e', 'е'], ['o', 'о'], ['p', 'р'], ['c', 'с'], ['x', 'х'], ['y', 'у'], ['i', 'і'], ['A', 'А'], ['B', 'В'], ['E', 'Е'], ['H', 'Н'], ['K', 'К'], ['M', 'М'], ['T', 'Т']];

export type Mutation = (text: string) => string;
export type ByteMutation = (bytes: Buffer) => Buffer;

const lines = (t: string) => t.split('\n');
const fmEnd = (t: string) => Math.max(4, t.indexOf('\n---', 3));

/** Text-level mutations, each a function of the original file's text. */
export const textMutation: fc.Arbitrary<Mutation> = fc.oneof(
  // truncated anywhere, or inside the front matter
  fc.nat().map((n): Mutation => (t) => t.slice(0, n % (t.length + 1))),
  fc.nat().map((n): Mutation => (t) => t.slice(0, n % fmEnd(t))),
  // front-matter field given a value of the wrong type
  fc.tuple(fc.constantFrom('id', 'kind', 'title', 'side', 'date', 'language', 'sources', 'missing', 'status', 'notes', 'translated_from', 'speaker'),
    fc.constantFrom('42', '[1, 2]', '{a: 1}', 'null', 'true', '~', '""', '2025-13-45', '-1', '[[[]]]', '&x [*x]', '!!binary AAAA', '"\\u0000"', '|\n  block'))
    .map(([field, value]): Mutation => (t) => t.replace(new RegExp(`^${field}:.*$`, 'm'), `${field}: ${value}`)),
  // a line removed, duplicated or moved
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('drop', 'dup', 'move')).map(([i, j, op]): Mutation => (t) => {
    const ls = lines(t);
    const a = i % ls.length;
    const b = j % ls.length;
    if (op === 'drop') ls.splice(a, 1);
    else if (op === 'dup') ls.splice(b, 0, ls[a]);
    else ls.splice(b, 0, ...ls.splice(a, 1));
    return ls.join('\n');
  }),
  // line ends, BOM
  fc.constant<Mutation>((t) => t.replace(/\n/g, '\r\n')),
  fc.constant<Mutation>((t) => t.replace(/\n/g, '\r')),
  fc.constant<Mutation>((t) => `\uFEFF${t}`),
  fc.constant<Mutation>((t) => `\uFEFF\uFEFF${t}`),
  // odd characters sprinkled at random places
  fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ODD_CHARS, '\u0000')), { minLength: 1, maxLength: 8 }).map((edits): Mutation => (t) => {
    let s = t;
    for (const [at, ch] of edits) {
      const k = at % (s.length + 1);
      s = s.slice(0, k) + ch + s.slice(k);
    }
    return s;
  }),
  // Latin/Cyrillic homoglyphs swapped throughout
  fc.subarray(HOMOGLYPHS, { minLength: 1 }).map((pairs): Mutation => (t) => {
    let s = t;
    for (const [lat, cyr] of pairs) s = s.split(lat).join(cyr);
    return s;
  }),
  // indentation: every body line pushed deeper and deeper
  fc.integer({ min: 1, max: 200 }).map((step): Mutation => (t) => {
    const end = fmEnd(t) + 4;
    return t.slice(0, end) + t.slice(end).split('\n').map((l, k) => ' '.repeat((k * step) % 5000) + l).join('\n');
  }),
  // the front matter fence doubled, dropped or garbled
  fc.constantFrom<Mutation>((t) => t.replace(/^---\n/, ''), (t) => t.replace('\n---\n', '\n'), (t) => `---\n${t}`, (t) => t.replace(/^---/, '--- ---'), (t) => t.replace(/\n---\n/, '\n...\n')),
);

/** Byte-level mutations: invalid UTF-8, NUL, random flips. */
export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom([0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80], [0x00]))
    .map(([at, seq]): ByteMutation => (b) => {
      const k = at % (b.length + 1);
      return Buffer.concat([b.subarray(0, k), Buffer.from(seq), b.subarray(k)]);
    }),
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 16 }).map((flips): ByteMutation => (b) => {
    const c = Buffer.from(b);
    for (const [at, v] of flips) c[at % c.length] = v;
    return c;
  }),
);
