// npm run learn:lexicon — learn Russian–English word pairs from aligned plan
// witnesses and write corpora/glossary/learned-ru-en.tsv (the `learned` layer).
//
// Input: the gold point pairs of eval/gold/align/us-28-2025-11-20__us-28-ru-2025-11-20.json
// (the only English/Russian pair of witnesses of one plan in the corpus).
// Method (competitive linking, Melamed 2000, on residuals): in each aligned
// pair, drop the content words the other layers (glossary, dictionaries) or a
// shared concept, figure or name already explain; score every remaining
// (Russian lemma, English stem) by Dice over the aligned pairs, break ties by
// relative position (character offset / point length), and link greedily
// one-to-one the pairs that are each other's nearest residual by position
// and whose relative positions differ by at most MAX_SHIFT.
// Caveat: every English/Russian check this corpus allows shares the Russian
// text us-28-ru, so the learned layer is never fully held out (see README).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pointProfiles, tokenKey } from '../src/align/profile.js';
import { crossMatch } from '../src/align/similarity.js';
import { findDocument, loadCorpus } from '../src/corpus/load.js';
import { buildLexicon } from '../src/text/lexicon/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GOLD = join(ROOT, 'eval/gold/align/us-28-2025-11-20__us-28-ru-2025-11-20.json');
const OUT = join(ROOT, 'corpora/glossary/learned-ru-en.tsv');
/** Largest difference of relative positions (0..1) for a learned link; fixed a priori. */
const MAX_SHIFT = 0.15;

const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as { a: string; b: string; pairs: { a: string; b: string }[] };
const corpus = loadCorpus({});
const A = pointProfiles(findDocument(corpus, gold.a)!);
const B = pointProfiles(findDocument(corpus, gold.b)!);
const lexicon = buildLexicon(['glossary', 'openrussian', 'mueller7']);

interface Word {
  key: string;
  form: string;
  pos: number;
}
const residuals: { en: Word[]; ru: Word[]; pair: string }[] = [];
for (const g of gold.pairs) {
  const p = A.find((x) => x.id === g.a);
  const q = B.find((x) => x.id === g.b);
  if (!p || !q) continue;
  const m = crossMatch(p, q, lexicon);
  const left = (profile: typeof p, matched: Map<string, number>, lang: string): Word[] => {
    const seen = new Set<string>();
    return profile.content
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => t.lang === lang && t.kind === 'word' && !t.concept && !matched.has(tokenKey(t)))
      .filter(({ t }) => !seen.has(tokenKey(t)) && Boolean(seen.add(tokenKey(t))))
      .map(({ t }) => ({ key: t.stem, form: t.norm, pos: t.start / Math.max(1, profile.text.length) }));
  };
  residuals.push({ en: left(p, m.a, 'en'), ru: left(q, m.b, 'ru'), pair: `${g.a}→${g.b}` });
}

const count = new Map<string, number>();
const joint = new Map<string, number>();
for (const r of residuals) {
  for (const w of r.en) count.set(`en:${w.key}`, (count.get(`en:${w.key}`) ?? 0) + 1);
  for (const w of r.ru) count.set(`ru:${w.key}`, (count.get(`ru:${w.key}`) ?? 0) + 1);
  for (const e of r.en) for (const x of r.ru) joint.set(`${x.key}\t${e.key}`, (joint.get(`${x.key}\t${e.key}`) ?? 0) + 1);
}

const rows: string[] = [];
for (const r of residuals) {
  const cands = r.ru.flatMap((x) => r.en.map((e) => {
    const c = joint.get(`${x.key}\t${e.key}`) ?? 0;
    const dice = (2 * c) / ((count.get(`ru:${x.key}`) ?? 0) + (count.get(`en:${e.key}`) ?? 0));
    return { x, e, dice, shift: Math.abs(x.pos - e.pos) };
  }));
  cands.sort((u, v) => v.dice - u.dice || u.shift - v.shift);
  const usedR = new Set<string>();
  const usedE = new Set<string>();
  // Mutual nearest by position among the residuals with the best Dice.
  const nearest = (w: Word, others: Word[]) => others.reduce((b, o) => (Math.abs(o.pos - w.pos) < Math.abs(b.pos - w.pos) ? o : b), others[0]);
  for (const c of cands) {
    if (usedR.has(c.x.key) || usedE.has(c.e.key) || c.shift > MAX_SHIFT) continue;
    if (nearest(c.x, r.en) !== c.e || nearest(c.e, r.ru) !== c.x) continue;
    usedR.add(c.x.key);
    usedE.add(c.e.key);
    rows.push([c.x.form, c.e.form, c.dice.toFixed(2), `${gold.a}↔${gold.b} ${r.pair}`].join('\t'));
  }
}
writeFileSync(
  OUT,
  `ru\ten\tdice\tfrom\n# Learned by scripts/learn-lexicon.ts from the gold pairs of ${gold.a} ↔ ${gold.b} (competitive linking on residual words; regenerate, do not edit)\n${rows.join('\n')}\n`,
);
console.log(`${OUT}: ${rows.length} pairs from ${residuals.length} aligned points`);
