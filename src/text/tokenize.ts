// Tokens with glossary concepts attached: the form every comparison uses.
import { fold } from './fold.js';
import { loadGlossary, type Glossary } from './glossary.js';
import { lexTokens, type Token } from './lex.js';
import { nameKey } from './names.js';
import { stemWord } from './stem.js';

export type { Token } from './lex.js';

/**
 * Words, numbers and entities of `text` with offsets into it. Glossary phrases
 * ("security guarantees", "гарантии безопасности") tag every token they cover
 * with the concept; place and body concepts make their tokens entities.
 */
export function tokenize(text: string, language: string, glossary: Glossary = loadGlossary()): Token[] {
  const tokens = lexTokens(text, language);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'number') continue;
    const surface = fold(t.text);
    // A word starting with a lower-case Latin letter is no acronym: skip the lookup (8 % of indexing time).
    const acronymConcept = /^[a-z]/.test(surface) ? undefined : glossary.acronyms.get(surface.replace(/\./g, '').toUpperCase().replace(/Ё/g, 'Е'));
    if (acronymConcept && surface === surface.toUpperCase()) {
      tag(t, acronymConcept, glossary);
      continue;
    }
    const side = t.lang === 'en' ? 'en' : t.lang === 'ru' || t.lang === 'uk' ? 'ru' : undefined;
    if (!side) continue;
    const candidates = glossary.forms[side].get(t.stem);
    if (!candidates) {
      namedParts(t, side, glossary);
      // A name the glossary knows in another spelling ("Lugansk", "Київ", "Zaporozhye").
      const spelled = t.kind === 'entity' && !t.parts ? nameConcepts(glossary).get(nameKey(t.stem)) : undefined;
      if (spelled) tag(t, spelled, glossary);
      continue;
    }
    const form = candidates.find((f) => f.stems.every((s, k) => tokens[i + k]?.stem === s));
    if (!form) continue;
    for (let k = 0; k < form.stems.length; k++) {
      const token = tokens[i + k];
      tag(token, form.concept, glossary);
      if (form.stems.length > 1) {
        const alone = glossary.forms[side].get(token.stem)?.find((f) => f.stems.length === 1)?.concept;
        if (alone && alone !== form.concept) token.broader = alone;
      }
    }
    i += form.stems.length - 1;
  }
  return tokens;
}

const nameConceptCache = new WeakMap<Glossary, Map<string, string>>();

/**
 * Name keys (names.ts) of the glossary's one-word place, body and person
 * forms in both languages → concept, so a spelling the glossary does not
 * list still finds its row. A key two concepts share is dropped (ambiguous).
 */
function nameConcepts(glossary: Glossary): Map<string, string> {
  let map = nameConceptCache.get(glossary);
  if (map) return map;
  map = new Map();
  const clash = new Set<string>();
  for (const e of glossary.entries) {
    if (e.type === 'term') continue;
    for (const [side, forms] of [['en', e.en], ['ru', e.ru]] as const) {
      for (const form of forms) {
        if (/\s/.test(form) || form === form.toUpperCase()) continue;
        const key = nameKey(stemWord(form.toLowerCase().replace(/ё/g, 'е'), side));
        if (key.length < 3) continue;
        if (map.has(key) && map.get(key) !== e.concept) clash.add(key);
        map.set(key, e.concept);
      }
    }
  }
  for (const k of clash) map.delete(k);
  nameConceptCache.set(glossary, map);
  return map;
}

/**
 * "Ukrainian-Russian", "украинско-российской": a hyphenated compound whose
 * parts are glossary names is an entity standing for each of them.
 */
function namedParts(t: Token, side: 'en' | 'ru', glossary: Glossary) {
  if (!t.norm.includes('-')) return;
  const parts = t.norm.split('-').map((p) => glossary.forms[side].get(stemWord(p, t.lang))?.find((f) => f.stems.length === 1)?.concept);
  const names = parts.filter((c): c is string => Boolean(c && glossary.byConcept.get(c)?.type !== 'term'));
  if (!names.length) return;
  t.parts = names;
  t.kind = 'entity';
  t.stop = false;
}

function tag(token: Token, concept: string, glossary: Glossary) {
  token.concept = concept;
  const type = glossary.byConcept.get(concept)?.type;
  if (type === 'place' || type === 'body' || type === 'person') {
    token.kind = 'entity';
    token.stop = false;
  }
}

/** Tokens that carry content: non-stop words, numbers and entities. */
export function contentTokens(tokens: Token[]): Token[] {
  return tokens.filter(isContent);
}

/** The test of contentTokens, for one token (a caller walking the tokens anyway needs no filtered copy). */
export function isContent(t: Token): boolean {
  return !t.stop && (t.kind !== 'word' || t.norm.length > 1);
}
