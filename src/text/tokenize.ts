// Tokens with glossary concepts attached: the form every comparison uses.
import { loadGlossary, type Glossary } from './glossary.js';
import { lexTokens, type Token } from './lex.js';

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
    // A word starting with a lower-case Latin letter is no acronym: skip the lookup (8 % of indexing time).
    const acronymConcept = /^[a-z]/.test(t.text) ? undefined : glossary.acronyms.get(t.text.replace(/\./g, '').toUpperCase().replace(/Ё/g, 'Е'));
    if (acronymConcept && t.text === t.text.toUpperCase()) {
      tag(t, acronymConcept, glossary);
      continue;
    }
    const side = t.lang === 'en' ? 'en' : t.lang === 'ru' || t.lang === 'uk' ? 'ru' : undefined;
    if (!side) continue;
    const candidates = glossary.forms[side].get(t.stem);
    if (!candidates) continue;
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
  return tokens.filter((t) => !t.stop && (t.kind !== 'word' || t.norm.length > 1));
}
