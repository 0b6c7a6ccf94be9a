// Tokens with glossary concepts attached: the form every comparison uses.
import { fold } from './fold.js';
import { formMatches, loadGlossary, stemConcept, type Glossary } from './glossary.js';
import { lexWithFacts, type Lexed, type Token, type WordFacts } from './lex.js';
import { nameConcepts } from './name-concepts.js';
import { nameKey } from './names.js';
import { stemWord } from './stem.js';

export type { Token } from './lex.js';

/**
 * Words, numbers and entities of `text` with offsets into it. Glossary phrases
 * ("security guarantees", "гарантии безопасности") tag every token they cover
 * with the concept; place and body concepts make their tokens entities.
 */
export function tokenize(text: string, language: string, glossary: Glossary = loadGlossary()): Token[] {
  return tokenizeWithFacts(text, language, glossary).tokens;
}

/** tokenize, with the word facts of each token beside it (see lexWithFacts; facts of a tagged token still hold). */
export function tokenizeWithFacts(text: string, language: string, glossary: Glossary = loadGlossary()): Lexed {
  const lexed = lexWithFacts(text, language);
  const { tokens, facts } = lexed;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'number') continue;
    // What follows depends on the word alone (and the glossary), so a word token reads it off its memo entry.
    const f = facts[i];
    if (f !== undefined) tagWord(f, glossary);
    const acronymConcept = f !== undefined && t.text === f.surface ? f.acronymConcept : acronymOf(t.text, glossary);
    if (acronymConcept) {
      tag(t, acronymConcept, glossary);
      continue;
    }
    const side = sideOf(t.lang);
    if (!side) continue;
    const candidates = f !== undefined ? (f.forms as Forms) : glossary.forms[side].get(t.stem);
    if (!candidates) {
      // "Ukrainian-Russian", "украинско-российской": a hyphenated compound whose
      // parts are glossary names is an entity standing for each of them.
      const names = f !== undefined ? f.partNames : partNames(t.norm, t.lang, side, glossary);
      if (names) {
        t.parts = names.slice();
        t.kind = 'entity';
        t.stop = false;
      }
      // A name the glossary knows in another spelling ("Lugansk", "Київ", "Zaporozhye").
      const spelled = t.kind === 'entity' && !t.parts ? (f !== undefined ? spelledName(f, glossary) : nameConcepts(glossary).get(nameKey(t.stem))) : undefined;
      if (spelled) tag(t, spelled, glossary);
      continue;
    }
    let form: (typeof candidates)[number] | undefined;
    for (const c of candidates) {
      if (formMatches(c, tokens, i)) {
        form = c;
        break;
      }
    }
    if (!form) continue;
    for (let k = 0; k < form.stems.length; k++) {
      const token = tokens[i + k];
      tag(token, form.concept, glossary);
      // A word of a name ("States" in "United States", "Union" in "European Union") does not carry its
      // own sense there: only a term's words get a broader concept ("guarantees" in "security guarantees").
      if (form.stems.length > 1 && glossary.byConcept.get(form.concept)?.type === 'term') {
        const alone = stemConcept(glossary.forms[side].get(token.stem));
        if (alone && alone !== form.concept) token.broader = alone;
      }
    }
    i += form.stems.length - 1;
  }
  return lexed;
}

type Forms = ReturnType<Glossary['forms']['en']['get']>;

/**
 * Fills the word's tagging slots (WordFacts.taggedBy …) for this glossary, once:
 * what tokenize derives from one word and a glossary, read then per token.
 */
function tagWord(f: WordFacts, glossary: Glossary): void {
  if (f.taggedBy === glossary) return;
  const side = sideOf(f.lang);
  const forms = side ? glossary.forms[side].get(f.stem) : undefined;
  f.acronymConcept = acronymOf(f.surface, glossary);
  f.forms = forms;
  f.partNames = side && !forms ? partNames(f.norm, f.lang, side, glossary) : undefined;
  f.spelled = undefined;
  f.taggedBy = glossary;
}

/** nameConcepts' concept for the word's name key, looked up on first need (after tagWord). */
function spelledName(f: WordFacts, glossary: Glossary): string | undefined {
  if (f.spelled === undefined) f.spelled = nameConcepts(glossary).get(nameKey(f.stem)) ?? null;
  return f.spelled ?? undefined;
}

/**
 * The glossary side of a language. Its compares run in this order so that an English token runs all
 * three: a compare first reached by the first Cyrillic word of an English corpus had no type feedback
 * and deoptimised tokenize (this runs per token).
 */
function sideOf(lang: Token['lang']): 'en' | 'ru' | undefined {
  return lang === 'ru' || lang === 'uk' ? 'ru' : lang === 'en' ? 'en' : undefined;
}

/** The glossary acronym (NATO, НАТО) a token's surface is, written in capitals; else undefined. */
function acronymOf(text: string, glossary: Glossary): string | undefined {
  const surface = fold(text);
  // A word starting with a lower-case Latin letter is no acronym: skip the lookup (8 % of indexing time).
  const concept = /^[a-z]/.test(surface) ? undefined : glossary.acronyms.get(surface.replace(/\./g, '').toUpperCase().replace(/Ё/g, 'Е'));
  return concept && surface === surface.toUpperCase() ? concept : undefined;
}

/** The glossary names that the parts of a hyphenated word are ("Ukrainian-Russian" → ukraine, russia); undefined when none is. */
function partNames(norm: string, lang: Token['lang'], side: 'en' | 'ru', glossary: Glossary): string[] | undefined {
  if (!norm.includes('-')) return undefined;
  const parts = norm.split('-').map((p) => stemConcept(glossary.forms[side].get(stemWord(p, lang))));
  const names = parts.filter((c): c is string => Boolean(c && glossary.byConcept.get(c)?.type !== 'term'));
  return names.length ? names : undefined;
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
