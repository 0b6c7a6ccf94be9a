import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGlossary, tokenize } from '../../src/text/index.js';
import { buildLexicon, enabledLayers, headwordCandidates, loadMueller, OPENRUSSIAN_PATH, russianRenderings } from '../../src/text/lexicon/index.js';

const glossary = loadGlossary();

// Forms another row takes over, each for a reason outside the glossary.
const KNOWN = new Map([
  ['en access', 'Porter stems "accession" (membership) and "access" alike'],
  ['en G8', 'the tokenizer splits letter+digit acronyms ("G", "8")'],
  ['en G-8', 'the tokenizer splits letter+digit acronyms ("G", "8")'],
  ['en G7', 'the tokenizer splits letter+digit acronyms ("G", "7")'],
  ['en G-7', 'the tokenizer splits letter+digit acronyms ("G", "7")'],
  ['ru G8', 'the tokenizer splits letter+digit acronyms ("G", "8")'],
  ['ru G7', 'the tokenizer splits letter+digit acronyms ("G", "7")'],
]);

describe('glossary rows', () => {
  // Every form of every row must tag its own concept (or, inside a longer
  // form of another row, carry it as the broader concept) in its language.
  for (const e of glossary.entries) {
    it(`${e.concept}: every English and Russian form tags "${e.concept}"`, () => {
      for (const [side, forms] of [['en', e.en], ['ru', e.ru]] as const) {
        for (const form of forms) {
          if (KNOWN.has(`${side} ${form}`)) continue;
          // A context-bound form ("number>army") is tried before its first context word.
          const context = e.context.get(form);
          const toks = tokenize(context ? `${form} ${context[0]}` : form, side);
          const concepts = toks.flatMap((t) => [t.concept, t.broader]);
          expect(concepts, `${side} "${form}"`).toContain(e.concept);
        }
      }
    });
  }

  it('maps a word with several senses only in the inflection or context that has one ("=stationed", "station>troops")', () => {
    const concepts = (text: string, lang = 'en') => tokenize(text, lang).map((t) => t.concept ?? '-');
    // Kremlin archive senses of the stem "station": polling, radio, power stations; a processing plant.
    expect(concepts('polling stations')).not.toContain('troop-deployment');
    expect(concepts('radio station')).not.toContain('power-plant');
    expect(concepts('a processing plant')).not.toContain('power-plant');
    expect(concepts('European fighter jets will be stationed in Poland')).toContain('troop-deployment');
    expect(concepts('NATO agrees not to station troops in Ukraine')).toContain('troop-deployment');
    expect(concepts('Zaporizhzhia nuclear power plant')).toContain('power-plant');
    expect(concepts('The number of the Armed Forces will be limited')).toContain('personnel');
    expect(concepts('The final number of points')).not.toContain('personnel');
    expect(concepts('by three people familiar with')).not.toContain('personnel');
    // The context word keeps its own concept.
    expect(tokenize('not to station troops', 'en').find((t) => t.text === 'troops')?.concept).toBe('forces');
    expect(concepts('железнодорожная станция', 'ru')).not.toContain('power-plant');
  });

  it('links treaty vocabulary across the languages in inflected text', () => {
    const concept = (text: string, lang: string, word: string) => tokenize(text, lang).find((t) => t.text === word)?.concept;
    expect(concept('о прекращении огня', 'ru', 'прекращении')).toBe('ceasefire');
    expect(concept('a bilateral ceasefire', 'en', 'ceasefire')).toBe('ceasefire');
    expect(concept('прекращения применения оружия', 'ru', 'оружия')).toBe('ceasefire');
    expect(concept('вдоль линии соприкосновения', 'ru', 'соприкосновения')).toBe('line-of-contact');
    expect(concept('along the line of contact', 'en', 'contact')).toBe('line-of-contact');
    expect(concept('отвод тяжелых вооружений', 'ru', 'отвод')).toBe('withdraw');
    expect(concept('отвод тяжелых вооружений', 'ru', 'вооружений')).toBe('heavy-weapons');
    expect(concept('обмен пленными по принципу «всех на всех»', 'ru', 'пленными')).toBe('prisoner');
    expect(concept('обмен пленными по принципу «всех на всех»', 'ru', 'всех')).toBe('all-for-all');
    expect(concept('an all-for-all exchange', 'en', 'exchange')).toBe('exchange');
    expect(concept('об особом статусе', 'ru', 'статусе')).toBe('special-status');
    expect(concept('снятие санкций', 'ru', 'санкций')).toBe('sanctions-relief');
    expect(concept('амнистии', 'ru', 'амнистии')).toBe('amnesty');
  });
});

describe('lexicon layers', () => {
  const lex = buildLexicon(['glossary', 'learned', 'openrussian']);

  it('names its layers with source and licence; OpenRussian ships with its notice', () => {
    expect(lex.layers.map((l) => l.name)).toEqual(['glossary', 'learned', 'openrussian']);
    expect(lex.layers.find((l) => l.name === 'openrussian')!.licence).toMatch(/CC BY-SA 4\.0/);
    expect(existsSync(OPENRUSSIAN_PATH.replace('openrussian-ru-en.json', 'NOTICE'))).toBe(true);
    expect(readFileSync(OPENRUSSIAN_PATH, 'utf8')).toMatch(/Badestrand\/russian-dictionary/);
  });

  it('weights curated pairs above dictionary pairs', () => {
    const glossaryLink = lex.fromRussian('перемирие').get('ceasefir');
    expect(glossaryLink).toMatchObject({ layer: 'glossary', weight: 1 });
    const dict = lex.fromRussian('получить').get('receiv');
    expect(dict).toMatchObject({ layer: 'dictionary', source: 'openrussian' });
    expect(dict!.weight).toBeLessThan(glossaryLink!.weight);
  });

  it('reads the learned pairs from their file', () => {
    expect(lex.fromRussian('включить').get('includ')).toMatchObject({ layer: 'learned' });
  });

  it('parses PROVENANCE_LEXICON, rejecting unknown layer names', () => {
    expect(enabledLayers('glossary, openrussian')).toEqual(['glossary', 'openrussian']);
    expect(enabledLayers('none')).toEqual([]);
    expect(() => enabledLayers("muller")).toThrow(/"muller" is not one of/);
  });

  it('finds dictionary headwords for inflected English words', () => {
    expect(headwordCandidates('withdrawals')).toContain('withdrawal');
    expect(headwordCandidates('agreed')).toContain('agree');
  });
});

describe('Mueller 7 (read at run time when installed)', () => {
  it('keeps the leading Russian renderings of each sense, not the examples', () => {
    // Shape of a dictd entry (headword line, transcription, numbered senses); words invented for the test.
    const entry = 'word\n   [wɜ:d] _n.\n   1) слово; обещание; word of honour честное слово\n   2) _воен. пароль, отзыв\n';
    expect(russianRenderings(entry)).toEqual(['слово', 'обещание', 'пароль', 'отзыв']);
  });

  const mueller = loadMueller();
  it.skipIf(!mueller)('links truce and withdrawal to their Russian renderings', () => {
    expect(mueller!.lookup('truce').map((x) => x.lemma)).toContain('перемирие');
    expect(mueller!.lookup('withdrawal').map((x) => x.lemma)).toContain('отход');
  });
});
