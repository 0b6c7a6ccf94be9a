// Glossary senses on real corpus text: a word must get the concept of the sense it has there,
// in English and in Russian alike, or a Russian rendering of a point matches other statements
// than its English original (us-28-ru against us-28, a reporter's finding).
import { describe, expect, it } from 'vitest';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { segmentText } from '../../src/corpus/coverage.js';
import { loadGlossary, tokenize } from '../../src/text/index.js';

const corpus = loadCorpus({});
function text(docId: string, segment: string): string {
  const doc = findDocument(corpus, docId)!;
  return segmentText(doc, doc.segments.find((s) => s.id === segment)!);
}
/** word (as written) → its concept, for the words of `phrase` inside `within`. */
function concepts(within: string, phrase: string, lang: string): Record<string, string | undefined> {
  const at = within.indexOf(phrase);
  expect(at, phrase).toBeGreaterThanOrEqual(0);
  const out: Record<string, string | undefined> = {};
  for (const t of tokenize(within, lang)) if (t.start >= at && t.end <= at + phrase.length && !t.stop) out[t.text] = t.concept;
  return out;
}

describe('glossary senses', () => {
  it('gives no stem two concepts: Porter folds "accession" into "access", which row access has', () => {
    const g = loadGlossary();
    for (const side of ['en', 'ru'] as const) {
      for (const [stem, forms] of g.forms[side]) {
        const plain = new Set(forms.filter((f) => f.stems.length === 1 && !f.words && !f.after).map((f) => f.concept));
        expect([...plain], `${side} ${stem}`).toHaveLength(Math.min(plain.size, 1));
      }
    }
    // us-28 11: market access is not EU accession; the London counter-proposal's "accession to the EU" is.
    expect(concepts(text('us-28-2025-11-20', '11'), 'preferential access to the European market', 'en').access).toBe('access');
    expect(concepts(text('us-28-ru-2025-11-20', '11'), 'преференциальный доступ', 'ru')['доступ']).toBe('access');
    expect(concepts(text('eu-2025-04-23-london-counterproposal', 'p11'), 'accession to the EU', 'en').accession).toBe('membership');
  });

  it('reads "measures" alone as measures and "package of measures" / "пакет мер" as the package', () => {
    expect(concepts(text('us-28-2025-11-20', '12'), 'package of measures', 'en')).toEqual({ package: 'package', measures: 'package' });
    expect(concepts(text('us-28-ru-2025-11-20', '12'), 'Пакет мер', 'ru')).toEqual({ Пакет: 'package', мер: 'package' });
    const draft = text('us-2025-11-security-guarantees-draft', 'p3');
    expect(concepts(draft, 'the measures required to restore security', 'en').measures).toBe('measures');
  });

  it('tags "restore"/"восстановление" as reconstruction only when what is rebuilt follows', () => {
    // Restoring security, peace or rights is not rebuilding; Porter gives "restor" for "restore" and "restoration".
    expect(concepts(text('us-2025-11-security-guarantees-draft', 'p3'), 'restore security', 'en').restore).toBeUndefined();
    expect(concepts(text('us-2025-03-11-jeddah', 'p1'), 'restoring durable peace', 'en').restoring).toBeUndefined();
    expect(concepts(text('us-28-2025-11-20', '12'), 'rebuild Ukraine', 'en').rebuild).toBe('reconstruction');
    expect(concepts(text('us-28-ru-2025-11-20', '12'), 'восстановлению Украины', 'ru')['восстановлению']).toBe('reconstruction');
  });

  it('gives the Russian rendering of us-28 2 and 4 the concepts of the English words it renders', () => {
    const en2 = concepts(text('us-28-2025-11-20', '2'), 'will be concluded', 'en');
    const ru2 = concepts(text('us-28-ru-2025-11-20', '2'), 'будет заключено', 'ru');
    expect(en2.concluded).toBe('conclude');
    expect(ru2['заключено']).toBe('conclude');
    const en4 = concepts(text('us-28-2025-11-20', '4'), 'resolve all security issues and create conditions for de-escalation', 'en');
    const ru4 = concepts(text('us-28-ru-2025-11-20', '4'), 'урегулирования всех вопросов безопасности и создания условий для деэскалации', 'ru');
    expect([en4.issues, en4.create, en4.conditions]).toEqual(['issue', 'create', 'condition']);
    expect([ru4['вопросов'], ru4['создания'], ru4['условий']]).toEqual(['issue', 'create', 'condition']);
  });

  it('gives a word inside a name no broader concept: "States" in "United States" is not a state', () => {
    // pravda 17 (arms control) and ua-20 10 (free trade) shared "state" through "United States" alone.
    const words = (t: string, phrase: string) => tokenize(t, 'en').filter((x) => x.start >= t.indexOf(phrase) && x.end <= t.indexOf(phrase) + phrase.length);
    const us = words(text('us-28-alt-en-pravda-2025-11-20', '17'), 'The United States');
    expect(us.filter((t) => !t.stop).map((t) => [t.text, t.concept, t.broader])).toEqual([['United', 'usa', undefined], ['States', 'usa', undefined]]);
    // A term's words keep theirs ("guarantees" in "security guarantees").
    const sg = words(text('ua-20-2025-12-24', '3'), 'security guarantees');
    expect(sg.map((t) => [t.concept, t.broader])).toEqual([['security-guarantee', 'security'], ['security-guarantee', 'guarantee']]);
  });
});
