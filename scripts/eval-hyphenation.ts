// How well the line-end hyphen rules (src/corpus/import/hyphenation.ts) do on
// the English documents of the shipped corpus, which were not used to write
// them: every distinct hyphenated word broken at its hyphen should keep it;
// every cut of a distinct lower-case word of 7+ letters (3+ letters each
// side) should be joined. The text's own vocabulary (rule 1) is left out: it
// would find most words written unbroken elsewhere in the same text.
//   npx tsx scripts/eval-hyphenation.ts
import { keepHyphen, vocabularyOf } from '../src/corpus/import/hyphenation.js';
import { loadCorpus } from '../src/corpus/load.js';

const docs = loadCorpus().documents.filter((d) => d.language === 'en');
const none = vocabularyOf([]);
const compounds = new Set<string>();
const words = new Set<string>();
for (const d of docs) {
  // Whole tokens only: URL slugs and transliterations inside links are not words.
  for (const m of d.text.matchAll(/(?<=^|[\s("“‘])(\p{L}{2,}-\p{L}{2,})(?=[\s,.;:)"”’]|$)/gu)) compounds.add(m[1]);
  for (const m of d.text.matchAll(/(?<![\p{L}-])(\p{Ll}{7,})(?![\p{L}-])/gu)) words.add(m[1]);
}
const joined = [...compounds].filter((c) => {
  const [left, right] = c.split('-');
  return !keepHyphen(left, right, none);
});
let cuts = 0;
const kept: string[] = [];
for (const w of words) {
  for (let k = 3; k <= w.length - 3; k++) {
    cuts++;
    if (keepHyphen(w.slice(0, k), w.slice(k), none)) kept.push(`${w.slice(0, k)}-${w.slice(k)}`);
  }
}
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
console.log(`${docs.length} English documents`);
console.log(`hyphenated words kept: ${compounds.size - joined.length}/${compounds.size} (${pct(compounds.size - joined.length, compounds.size)}); wrongly joined: ${joined.join(', ') || 'none'}`);
console.log(`cut words joined: ${cuts - kept.length}/${cuts} (${pct(cuts - kept.length, cuts)}); wrongly kept: ${kept.join(', ') || 'none'}`);
