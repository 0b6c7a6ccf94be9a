// The Russian–English lexicon in layers, each pair weighted (LAYER_WEIGHT):
//   glossary   corpora/glossary/ru-en.tsv, curated for treaty and negotiation
//              text (multi-word rows are matched as concepts by the tokenizer;
//              their one-word forms link here too);
//   learned    corpora/glossary/learned-ru-en.tsv, pairs learned from aligned
//              English/Russian plan witnesses (scripts/learn-lexicon.ts);
//   dictionary OpenRussian (data/lexicon/openrussian-ru-en.json, CC BY-SA 4.0,
//              shipped) and Mueller 7 (GPL, read at run time from Debian's
//              mueller7-dict when installed; optional).
// PROVENANCE_LEXICON=glossary,learned,openrussian,mueller7 (any subset, or
// "none") picks layers; the default is all that are present.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGlossary } from '../glossary.js';
import { isAcronym, type Token } from '../lex.js';
import { englishHead, englishStem, russianLemmaOf } from './gloss.js';
import { loadMueller } from './mueller.js';
import { ALL_LAYERS, enabledLayers, type LayerName } from './layers.js';
import { LAYER_WEIGHT, type Layer, type LayerInfo, type LexLink } from './types.js';

export { ALL_LAYERS, enabledLayers, type LayerName } from './layers.js';

export { LAYER_WEIGHT, type Layer, type LayerInfo, type LexLink } from './types.js';
export { loadMueller, russianRenderings } from './mueller.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const OPENRUSSIAN_PATH = resolve(ROOT, 'data/lexicon/openrussian-ru-en.json');
export const LEARNED_PATH = resolve(ROOT, 'corpora/glossary/learned-ru-en.tsv');


export interface Lexicon {
  layers: LayerInfo[];
  /** English stems a Russian lemma translates to, the strongest link per stem. */
  fromRussian(lemma: string): Map<string, LexLink>;
  /** Russian lemmas an English word (normalised form and Porter stem) translates to, the strongest link per lemma. */
  fromEnglish(norm: string, stem: string): Map<string, LexLink>;
}

type Table = Map<string, Map<string, LexLink>>;

function put(table: Table, key: string, other: string, link: LexLink) {
  const row = table.get(key) ?? new Map<string, LexLink>();
  const old = row.get(other);
  if (!old || old.weight < link.weight) row.set(other, link);
  table.set(key, row);
}

/** English headwords a dictionary may list an inflected word under ("withdrawals" → "withdrawal", "agreed" → "agree"). */
export function headwordCandidates(norm: string): string[] {
  const c = [norm];
  if (norm.endsWith('ies')) c.push(`${norm.slice(0, -3)}y`);
  if (norm.endsWith('es')) c.push(norm.slice(0, -2));
  if (norm.endsWith('s') && !norm.endsWith('ss')) c.push(norm.slice(0, -1));
  if (norm.endsWith('ed')) c.push(norm.slice(0, -2), norm.slice(0, -1), norm.slice(0, -3));
  if (norm.endsWith('ing')) c.push(norm.slice(0, -3), `${norm.slice(0, -3)}e`, norm.slice(0, -4));
  return c;
}

/** Build the lexicon from the chosen layers; throws an Error naming the file and line of a bad row. */
export function buildLexicon(names: LayerName[] = enabledLayers()): Lexicon {
  const ru2en: Table = new Map();
  const en2ru: Table = new Map();
  const layers: LayerInfo[] = [];
  // `ruIsLemma`: a dictionary headword is already a lemma; running 45,000 of
  // them through the analyser would cost seconds at start-up.
  const link = (ruForm: string, enForm: string, layer: Layer, source: string, ruIsLemma = false) => {
    const ru = ruIsLemma ? ruForm : russianLemmaOf(ruForm);
    const en = englishStem(enForm);
    if (!ru || !en) return;
    const l: LexLink = { ru, en, ruForm, enForm, layer, source, weight: LAYER_WEIGHT[layer] };
    put(ru2en, ru, en, l);
    put(en2ru, en, ru, l);
  };

  if (names.includes('glossary')) {
    const t0 = performance.now();
    let n = 0;
    for (const e of loadGlossary().entries) {
      if (e.type !== 'term') continue; // names and bodies already match by transliteration or acronym
      // An inflection- or context-bound form (`=stationed`, `number>army`) links through its concept only: a pair keyed by its stem would link every sense.
      const bound = (f: string) => e.exact.includes(f) || e.context.has(f);
      const ruWords = e.ru.filter((f) => !/\s/.test(f) && !isAcronym(f) && !bound(f));
      const enWords = e.en.filter((f) => !/\s/.test(f) && !isAcronym(f) && !bound(f));
      for (const r of ruWords) for (const en of enWords) (link(r, en, 'glossary', 'glossary'), n++);
    }
    layers.push({ name: 'glossary', layer: 'glossary', source: 'corpora/glossary/ru-en.tsv', licence: 'MIT (this project)', size: n, loadMs: performance.now() - t0 });
  }
  if (names.includes('learned') && existsSync(LEARNED_PATH)) {
    const t0 = performance.now();
    let n = 0;
    const lines = readFileSync(LEARNED_PATH, 'utf8').split(/\r?\n/);
    lines.forEach((line, i) => {
      if (!line.trim() || line.startsWith('#') || i === 0) return;
      const [ru, en, , from] = line.split('\t');
      if (!ru || !en) throw new Error(`${LEARNED_PATH}:${i + 1}: field "${ru ? 'en' : 'ru'}" is empty`);
      link(ru, en, 'learned', `learned:${from ?? ''}`);
      n++;
    });
    layers.push({ name: 'learned', layer: 'learned', source: 'corpora/glossary/learned-ru-en.tsv (scripts/learn-lexicon.ts)', licence: 'MIT (this project; learned from corpus texts)', size: n, loadMs: performance.now() - t0 });
  }
  // OpenRussian is read whole (JSON, ~50 ms) but its glosses are reduced to
  // English stems per Russian lemma on first use: doing all 45,000 up front
  // costs seconds.
  let openRussian: Record<string, string[]> | undefined;
  if (names.includes('openrussian') && existsSync(OPENRUSSIAN_PATH)) {
    const t0 = performance.now();
    openRussian = (JSON.parse(readFileSync(OPENRUSSIAN_PATH, 'utf8')) as { entries: Record<string, string[]> }).entries;
    layers.push({ name: 'openrussian', layer: 'dictionary', source: 'data/lexicon/openrussian-ru-en.json (OpenRussian)', licence: 'CC BY-SA 4.0 (data/lexicon/NOTICE)', size: Object.keys(openRussian).length, loadMs: performance.now() - t0 });
  }
  const mueller = names.includes('mueller7') ? loadMueller() : null;
  if (mueller) {
    layers.push({ name: 'mueller7', layer: 'dictionary', source: '/usr/share/dictd/mueller7.* (Debian mueller7-dict, read at run time)', licence: 'GPL-2+ (never shipped)', size: mueller.headwords, loadMs: mueller.loadMs });
  }

  const fromEnglishCache = new Map<string, Map<string, LexLink>>();
  const fromRussianCache = new Map<string, Map<string, LexLink>>();
  return {
    layers,
    fromRussian(lemma) {
      const hit = fromRussianCache.get(lemma);
      if (hit) return hit;
      const out = new Map(ru2en.get(lemma) ?? []);
      for (const g of (openRussian && Object.hasOwn(openRussian, lemma) ? openRussian[lemma] : [])) {
        const head = englishHead(g);
        if (!head) continue;
        const en = englishStem(head);
        if (!out.has(en)) out.set(en, { ru: lemma, en, ruForm: lemma, enForm: head, layer: 'dictionary', source: 'openrussian', weight: LAYER_WEIGHT.dictionary });
      }
      fromRussianCache.set(lemma, out);
      return out;
    },
    fromEnglish(norm, stem) {
      const key = `${norm}\t${stem}`;
      const hit = fromEnglishCache.get(key);
      if (hit) return hit;
      const out = new Map(en2ru.get(stem) ?? []);
      if (mueller) {
        for (const head of headwordCandidates(norm)) {
          const found = mueller.lookup(head);
          for (const { form, lemma } of found) {
            if (!out.has(lemma)) out.set(lemma, { ru: lemma, en: stem, ruForm: form, enForm: head, layer: 'dictionary', source: 'mueller7', weight: LAYER_WEIGHT.dictionary });
          }
          if (found.length) break;
        }
      }
      fromEnglishCache.set(key, out);
      return out;
    },
  };
}

let cached: { key: string; lexicon: Lexicon } | undefined;

/** The lexicon for the layers PROVENANCE_LEXICON enables, built once per process (per layer choice). */
export function loadLexicon(names: LayerName[] = enabledLayers()): Lexicon {
  const key = names.join(',');
  if (cached?.key !== key) cached = { key, lexicon: buildLexicon(names) };
  return cached.lexicon;
}

/**
 * Whether one token renders the other across English and Russian/Ukrainian,
 * by the lexicon's links (Russian lemma → English stems, English word →
 * Russian lemmas), for `polarityChanges` across languages. Tokens of one
 * language, or of other languages, never link here.
 */
export function translationLink(lexicon: Lexicon = loadLexicon()): (x: Token, y: Token) => boolean {
  return (x, y) => {
    const [en, ru] = x.lang === 'en' && (y.lang === 'ru' || y.lang === 'uk') ? [x, y] : y.lang === 'en' && (x.lang === 'ru' || x.lang === 'uk') ? [y, x] : [undefined, undefined];
    if (!en || !ru) return false;
    return lexicon.fromRussian(ru.stem).has(en.stem) || lexicon.fromEnglish(en.norm, en.stem).has(ru.stem);
  };
}
