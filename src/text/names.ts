// Names are not spelling. "Luhansk"/"Lugansk", "Kyiv"/"Kiev",
// "Zaporizhzhia"/"Zaporizhia"/"Zaporozhye", "Kharkiv"/"Kharkov",
// "Odesa"/"Odessa", "Zelensky"/"Zelenskyy"/"Зеленский" are one name each.
// `nameKey` is a skeleton of a name that survives the usual romanisation
// differences (Ukrainian vs Russian forms, BGN/PCGN vs Library of Congress vs
// scientific, English traditional spellings):
//   1. Cyrillic is transliterated (transliterate.ts), diacritics dropped;
//   2. consonant spellings of one sound are one letter: shch/sch/sh → s,
//      tch/ch → c, ts/tz → c, zh → j, kh/gh/h/g → h (Ukrainian г is h,
//      Russian г is g: Luhansk/Lugansk), ph → f, w → v, x → ks, q → k;
//   3. every run of vowels (a e i o u y, and the soft/hard signs already
//      dropped) is one vowel slot: Ukrainian i for Russian o/e (Kharkiv/
//      Kharkov, Lviv/Lvov), ie/e, ia/ya/ye, iy/y/yy endings;
//   4. doubled letters are one (Odessa, Zaporizhzhia);
//   5. a final vowel slot is dropped (Dnipro/Dnepr, Zaporozhye/Zaporizhzhia).
// Names whose forms differ beyond spelling (Mykolaiv/Nikolaev,
// Artemivsk/Bakhmut) need a glossary row, and get one.
import { transliterate } from './transliterate.js';

/** The skeleton key of a normalised (lower-case) name, Latin or Cyrillic. */
export function nameKey(norm: string): string {
  // The tokenizer asks for the key of every entity token: remembered per name (bounded).
  let key = keys.get(norm);
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(norm, (key = freshNameKey(norm)));
  }
  return key;
}

const keys = new Map<string, string>();
const MAX_KEYS = 100_000;

function freshNameKey(norm: string): string {
  let s = transliterate(norm.toLowerCase())
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '');
  s = s
    .replace(/shch|sch|sh/g, 's')
    .replace(/tch|ch/g, 'c')
    .replace(/ts|tz/g, 'c')
    .replace(/zh/g, 'j')
    .replace(/kh|gh|g/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/x/g, 'ks')
    .replace(/q/g, 'k')
    .replace(/[aeiouy]+/g, 'a')
    .replace(/(.)\1+/g, '$1');
  // A one-slot name ("Ia") keeps its vowel; otherwise a final vowel slot goes.
  return s.length > 2 ? s.replace(/a$/, '') : s;
}
