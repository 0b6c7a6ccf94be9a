import { describe, expect, it } from 'vitest';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { segmentText } from '../../src/corpus/coverage.js';
import { contentTokens, figures, loadGlossary, normalizeText, parseGlossary, sentences, tokenize, transliterate } from '../../src/text/index.js';

const corpus = loadCorpus({});
function point(docId: string, id: string) {
  const doc = findDocument(corpus, docId)!;
  const seg = doc.segments.find((s) => s.id === id)!;
  return { doc, text: segmentText(doc, seg) };
}

describe('tokenize', () => {
  it('gives offsets that slice back to each token, on every shipped plan', () => {
    for (const doc of corpus.documents.filter((d) => d.kind === 'plan')) {
      for (const t of tokenize(doc.text, doc.language)) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
    }
  });

  it('reads 600,000 / 600 000 / 600 thousand / 600 тыс. as one value', () => {
    expect(tokenize('600,000', 'en')[0]).toMatchObject({ kind: 'number', norm: '600000' });
    expect(tokenize('600 000', 'ru')[0]).toMatchObject({ kind: 'number', norm: '600000', text: '600 000' });
    expect(tokenize('600 thousand', 'en')[0]).toMatchObject({ kind: 'number', norm: '600000' });
    expect(tokenize('600 тыс. человек', 'ru')[0]).toMatchObject({ kind: 'number', norm: '600000', text: '600 тыс.' });
    expect(tokenize('$100 billion', 'en')[0].norm).toBe('100000000000');
  });

  it('folds ё and inflection into one Russian stem', () => {
    const [a] = tokenize('вооружённых сил', 'ru');
    const [b] = tokenize('вооруженные силы', 'ru');
    expect(a.stem).toBe(b.stem);
    expect(a.concept).toBe('armed-forces');
    expect(b.concept).toBe('armed-forces');
  });

  it('marks acronyms and mid-sentence names as entities, stop words as stop, negation as a cue', () => {
    const toks = tokenize('Ukraine agrees to enshrine in its constitution that it will not join NATO', 'en');
    expect(toks.find((t) => t.text === 'NATO')).toMatchObject({ kind: 'entity', concept: 'nato', stop: false });
    expect(toks.find((t) => t.text === 'Ukraine')).toMatchObject({ kind: 'entity', concept: 'ukraine' });
    expect(toks.find((t) => t.text === 'to')!.stop).toBe(true);
    expect(contentTokens(toks).map((t) => t.norm)).toEqual(['ukraine', 'agrees', 'enshrine', 'constitution', 'join', 'nato']);
    // Negation is kept as a cue (it changes the key of the word it negates, see align/profile.ts).
    expect(toks.find((t) => t.text === 'not')).toMatchObject({ negation: true });
  });
});

describe('glossary across languages', () => {
  it('makes point 6 of the Russian and English 28-point texts share concepts and the figure', () => {
    const en = point('us-28-2025-11-20', '6');
    const ru = point('us-28-ru-2025-11-20', '6');
    const concepts = (text: string, lang: string) => new Set(tokenize(text, lang).map((t) => t.concept).filter(Boolean));
    const shared = [...concepts(en.text, 'en')].filter((c) => concepts(ru.text, 'ru').has(c));
    expect(shared).toEqual(expect.arrayContaining(['armed-forces', 'ukraine', 'limit', 'personnel']));
    expect(figures(en.text, 'en').map((f) => [f.value, f.unit])).toEqual([[600000, 'persons']]);
    expect(figures(ru.text, 'ru').map((f) => [f.value, f.unit])).toEqual([[600000, 'persons']]);
  });

  it('matches NATO and НАТО in point 8', () => {
    const ru = tokenize(point('us-28-ru-2025-11-20', '8').text, 'ru');
    expect(ru.find((t) => t.text === 'НАТО')).toMatchObject({ concept: 'nato', kind: 'entity' });
  });

  it('loads the shipped glossary, and names the line of a bad row', () => {
    expect(loadGlossary().byConcept.get('withdraw')!.ru).toContain('вывод');
    expect(() => parseGlossary('concept\ttype\ten\tru\tnote\nbad id\tterm\tx\tу\t\n', 'g.tsv')).toThrow(/g\.tsv:2: field "concept"/);
  });
});

describe('other helpers', () => {
  it('normalises quotes, dashes and spaces', () => {
    expect(normalizeText('Ukraine\u2019s  U.S.\u2013Russian')).toBe("Ukraine's U.S.-Russian");
  });
  it('splits the real point 2 into its two sentences', () => {
    const { text } = point('us-28-2025-11-20', '2');
    const spans = sentences(text, 'en');
    expect(spans).toHaveLength(2);
    expect(text.slice(spans[1].start, spans[1].end)).toMatch(/^All ambiguities/);
  });
  it('transliterates names', () => {
    expect(transliterate('Зеленский')).toBe('Zelenskiy');
    expect(transliterate('Кинбурнская коса')).toBe('Kinburnskaya kosa');
  });
});

describe('a text set in capitals', () => {
  it('reads its words as words, not acronyms: stems, stop words and negation as in ordinary case (kremlin record "INCOMPLETE APPLICATIONS WILL NOT BE ACCEPTED.")', () => {
    const caps = tokenize('INCOMPLETE APPLICATIONS WILL NOT BE ACCEPTED.', 'en');
    const plain = tokenize('Incomplete applications will not be accepted.', 'en');
    expect(caps.map((t) => [t.stem, t.stop, t.kind, Boolean(t.negation)])).toEqual(plain.map((t) => [t.stem, t.stop, t.kind === 'entity' ? 'word' : t.kind, Boolean(t.negation)]));
    // Offsets and surfaces stay the text's own.
    expect(caps.map((t) => t.text)).toEqual(['INCOMPLETE', 'APPLICATIONS', 'WILL', 'NOT', 'BE', 'ACCEPTED']);
  });

  it("finds the glossary's names in a title set in capitals (the Russian draft treaty with NATO of 17 Dec 2021)", () => {
    const draft = findDocument(loadCorpus(), 'ru-2021-12-17-draft-nato')!;
    const p1 = draft.segments.find((s) => s.id === 'p1')!;
    const tokens = tokenize(draft.text.slice(p1.start, p1.end), draft.language);
    // "… THE RUSSIAN FEDERATION AND MEMBER STATES OF THE NORTH ATLANTIC TREATY ORGANIZATION": read as acronyms,
    // only AGREEMENT, RUSSIAN and MEMBER found a concept; read as words, the multi-word names are found too.
    const concept = (word: string) => tokens.find((t) => t.text === word)!.concept;
    expect([concept('RUSSIAN'), concept('FEDERATION'), concept('NORTH'), concept('ATLANTIC'), concept('SECURITY')]).toEqual(['russia', 'russia', 'nato', 'nato', 'security']);
    expect(tokens.find((t) => t.text === 'SECURITY')!.kind).toBe('word');
  });

  it('leaves prose with a few acronyms alone ("NATO, US and EU" are acronyms there)', () => {
    const t = tokenize('Ukraine will not join NATO; the US and the EU agree.', 'en');
    expect(t.find((x) => x.text === 'NATO')!.kind).toBe('entity');
  });
});
