// The Russian→English domain glossary (corpora/glossary/ru-en.tsv): one row per
// concept, English and Russian forms in plain dictionary spelling. Stems and
// lemmas are computed here with the same stemmer and analyser the tokenizer
// uses, so a row matches every inflection they fold together (`вооружённых`,
// `вооруженные`).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_DIR, cachedMap } from '../util/disk-cache.js';
import { hashTextCode } from './code-hash.js';
import { isAcronym, lexTokens } from './lex.js';

/** Two levels above both src/text and dist/text. */
export const GLOSSARY_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../corpora/glossary/ru-en.tsv');

export type ConceptType = 'term' | 'place' | 'body' | 'person';

export interface GlossaryEntry {
  concept: string;
  type: ConceptType;
  en: string[];
  ru: string[];
  note: string;
  /** 1-based line in the TSV file. */
  line: number;
  /**
   * Forms written `=word` in the file (listed plain in `en`/`ru` too): they tag
   * a word only in that inflection, not every word of its stem. A stem with
   * several senses must not map to one concept unconditionally: Porter gives
   * "station" for "stations" (polling, power, space stations) and "stationed"
   * (troops) alike, so troop-deployment lists "=stationed".
   */
  exact: string[];
  /**
   * Forms written `word>ctx,ctx` (listed plain in `en`/`ru`): they tag the word only when one of
   * the context words follows within FORM_CONTEXT_WINDOW tokens, without tagging the context:
   * "number>armed,army,forces" is personnel in "the number of the Armed Forces", not in "a number
   * of points". Form → its context words.
   */
  context: Map<string, string[]>;
}

/** Tokens after a conditional form (`word>ctx,…`) searched for one of its context words. */
export const FORM_CONTEXT_WINDOW = 5;

/** A form as matched against tokens: a run of stems, or one acronym (matched by exact upper-case surface). */
export interface Form {
  stems: string[];
  concept: string;
  /** For a form written `=word`: the folded words (Token.norm) the tokens must have, not just their stems. */
  words?: string[];
  /** For a form written `word>ctx,…`: stems of which one must follow within FORM_CONTEXT_WINDOW tokens (not tagged). */
  after?: string[];
}

/** True when `form` (of the forms under `tokens[i]`'s stem) matches the tokens from `i` on. */
export function formMatches(form: Form, tokens: readonly { stem: string; norm: string }[], i: number): boolean {
  // Loops rather than every() with a closure: this runs for every token whose stem starts a glossary form.
  const { stems, words, after } = form;
  if (i + stems.length > tokens.length) return false;
  for (let k = 0; k < stems.length; k++) if (tokens[i + k].stem !== stems[k]) return false;
  if (words) for (let k = 0; k < words.length; k++) if (tokens[i + k]?.norm !== words[k]) return false;
  if (!after) return true;
  const from = i + stems.length;
  for (let k = from; k < Math.min(tokens.length, from + FORM_CONTEXT_WINDOW); k++) if (after.includes(tokens[k].stem)) return true;
  return false;
}

/** The concept a stem has on its own (a one-word form that is not inflection-bound), if any. */
export function stemConcept(forms: Form[] | undefined): string | undefined {
  return forms?.find((f) => f.stems.length === 1 && !f.words && !f.after)?.concept;
}

export interface Glossary {
  entries: GlossaryEntry[];
  byConcept: Map<string, GlossaryEntry>;
  /** Per side ('en' | 'ru'): first stem → forms starting with it, longest first. */
  forms: { en: Map<string, Form[]>; ru: Map<string, Form[]> };
  /** Acronyms (NATO, НАТО, ЕС) by upper-case letters, for both languages. */
  acronyms: Map<string, string>;
}

const TYPES: ConceptType[] = ['term', 'place', 'body', 'person'];

/** How one side's stemmed forms are made: `build()` stems them (the default), or a cache gives them (loadGlossary). */
type FormsOf = (side: 'en' | 'ru', build: () => Map<string, Form[]>) => Map<string, Form[]>;

/** Parse the TSV text; throws an Error naming the line and field of the first bad row. */
export function parseGlossary(source: string, file = GLOSSARY_PATH, formsOf: FormsOf = (_side, build) => build()): Glossary {
  const entries: GlossaryEntry[] = [];
  const lines = source.split(/\r?\n/);
  const header = lines[0].split('\t').map((h) => h.trim());
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}:1: header lacks column "${name}"`);
    return i;
  };
  const [ci, ti, ei, ri, ni] = ['concept', 'type', 'en', 'ru', 'note'].map(col);
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i];
    if (!raw.trim() || raw.startsWith('#')) continue;
    const cells = raw.split('\t');
    const concept = (cells[ci] ?? '').trim();
    const type = (cells[ti] ?? '').trim() as ConceptType;
    const split = (s: string | undefined) => (s ?? '').split('|').map((x) => x.trim()).filter(Boolean);
    if (!/^[a-z0-9-]+$/.test(concept)) throw new Error(`${file}:${i + 1}: field "concept": "${concept}" is not a lowercase id`);
    if (!TYPES.includes(type)) throw new Error(`${file}:${i + 1}: field "type": "${type}" is not one of ${TYPES.join(', ')}`);
    const enRaw = split(cells[ei]);
    const ruRaw = split(cells[ri]);
    if (!enRaw.length || !ruRaw.length) throw new Error(`${file}:${i + 1}: field "${enRaw.length ? 'ru' : 'en'}" is empty`);
    const plain = (f: string) => (f.startsWith('=') ? f.slice(1) : f).split('>')[0].trim();
    const exact = [...enRaw, ...ruRaw].filter((f) => f.startsWith('=')).map(plain);
    const context = new Map([...enRaw, ...ruRaw].filter((f) => f.includes('>')).map((f) => [plain(f), f.split('>')[1].split(',').map((w) => w.trim()).filter(Boolean)]));
    for (const [form, words] of context) if (!words.length) throw new Error(`${file}:${i + 1}: form "${form}>" lists no context words after ">"`);
    entries.push({ concept, type, en: enRaw.map(plain), ru: ruRaw.map(plain), note: (cells[ni] ?? '').trim(), line: i + 1, exact, context });
  }
  const byConcept = new Map<string, GlossaryEntry>();
  const acronyms = new Map<string, string>();
  for (const entry of entries) {
    if (byConcept.has(entry.concept)) throw new Error(`${file}:${entry.line}: field "concept": "${entry.concept}" is defined twice`);
    byConcept.set(entry.concept, entry);
    for (const side of ['en', 'ru'] as const) {
      for (const form of entry[side]) if (isAcronym(form) && !/\s/.test(form)) acronyms.set(form.replace(/\./g, '').toUpperCase().replace(/Ё/g, 'Е'), entry.concept);
    }
  }
  const build = (side: 'en' | 'ru') => {
    const forms = new Map<string, Form[]>();
    for (const entry of entries) {
      for (const form of entry[side]) {
        if (isAcronym(form) && !/\s/.test(form)) continue;
        const toks = lexTokens(form, side);
        const stems = toks.map((t) => t.stem);
        if (!stems.length) continue;
        const list = forms.get(stems[0]) ?? [];
        const after = entry.context.get(form)?.flatMap((w) => lexTokens(w, side).map((t) => t.stem));
        list.push({ stems, concept: entry.concept, ...(entry.exact.includes(form) ? { words: toks.map((t) => t.norm) } : {}), ...(after ? { after } : {}) });
        list.sort((a, b) => b.stems.length - a.stems.length);
        forms.set(stems[0], list);
      }
    }
    return forms;
  };
  // The Russian forms are lemmatised on first use: that loads the Russian
  // analyser (~0.5 s), which English-only work never needs.
  let ru: Map<string, Form[]> | undefined;
  const forms = {
    en: formsOf('en', () => build('en')),
    get ru() {
      ru ??= formsOf('ru', () => build('ru'));
      return ru;
    },
  };
  return { entries, byConcept, forms, acronyms };
}

let cached: Glossary | undefined;

/**
 * The shipped glossary, read and stemmed once per process. Its stemmed forms come from the disk
 * cache when one matches (see cachedForms), so neither side is stemmed again in every process and
 * index worker: ~40 ms for the English side, and for the Russian side ~70 ms of lemmas on top of
 * loading the Russian analyser (measured 30 Nov 2026), which the first Cyrillic word of an English
 * corpus then needs only for that word.
 */
export function loadGlossary(): Glossary {
  if (!cached) {
    const source = shippedSource();
    cached = parseGlossary(source, GLOSSARY_PATH, (side, build) => cachedForms(source, side, build));
  }
  return cached;
}

let shipped: string | undefined;

/** The shipped glossary file's text, read once a process. */
function shippedSource(): string {
  return (shipped ??= readFileSync(GLOSSARY_PATH, 'utf8'));
}

/**
 * One side's forms of the glossary `source` from the cache in `cacheDir` when one matches, else
 * `build()` stored there. A cache that cannot be read or written is ignored (the forms are then built).
 */
export function cachedForms(source: string, side: 'en' | 'ru', build: () => Map<string, Form[]>, cacheDir = CACHE_DIR): Map<string, Form[]> {
  return cachedMap(cacheDir, `glossary-forms-${side}-`, glossaryCacheKey(source), build);
}

const keys = new Map<string, string>();

/**
 * A key for what is derived from the glossary `source` (default: the shipped
 * glossary's): the glossary, the text layer's code and the analyser
 * (code-hash.ts), and natural (Porter stems beyond a–z and of unknown Russian
 * words). Kept per source: the text layer's code is hashed once a process.
 */
export function glossaryCacheKey(source = shippedSource()): string {
  let key = keys.get(source);
  if (key === undefined) {
    const h = createHash('sha256');
    h.update(source);
    hashTextCode(h);
    h.update(`natural ${(createRequire(import.meta.url)('natural/package.json') as { version: string }).version}\n`);
    keys.set(source, (key = h.digest('hex').slice(0, 32)));
  }
  return key;
}
