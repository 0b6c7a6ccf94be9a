// Scoring real documents: offsets, length-awareness, language, and that
// swapping named entities leaves the score nearly unchanged.
import { describe, expect, it } from 'vitest';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { loadReferenceSet } from '../../src/style/reference-set.js';
import { readModel } from '../../src/style/model-file.js';
import { rankResults, scoreDocument, scoreProse, scoreText, translationeseTable } from '../../src/style/score.js';

const corpus = loadCorpus();
const doc = (id: string) => {
  const d = findDocument(corpus, id);
  if (!d) throw new Error(`missing corpus document ${id}`);
  return d;
};

describe('scoreDocument on us-28-2025-11-20', () => {
  const plan = doc('us-28-2025-11-20');
  const results = scoreDocument(plan, { bySegment: true });

  it('gives the document and every point a score, an interval and a label', () => {
    expect(results[0].segment).toBeNull();
    const points = plan.segments.filter((s) => s.kind === 'point').map((s) => s.id);
    expect(results.slice(1).map((r) => r.segment)).toEqual(points);
    for (const r of results) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.interval!.low).toBeLessThanOrEqual(r.score!);
      expect(r.interval!.high).toBeGreaterThanOrEqual(r.score!);
      expect(['translated', 'original', 'undecided', 'out of range']).toContain(r.label);
    }
  });

  it('every feature span slices the document text to its flagged words', () => {
    for (const r of results) {
      for (const f of r.features) expect(plan.text.slice(f.start, f.end)).toBe(f.text);
    }
    const point1 = plan.segments.find((s) => s.id === '1')!;
    const p1 = results.find((r) => r.segment === '1')!;
    expect(p1.features.find((f) => f.name === 'future-passive')?.text).toBe('will be confirmed');
    expect(p1.features.every((f) => f.start >= point1.start && f.end <= point1.end)).toBe(true);
  });

  it('every point is out of range (most are shorter than any reference text), never decided', () => {
    const model = readModel();
    const points = results.filter((r) => r.segment);
    for (const r of points) expect(r).toMatchObject({ judgeable: false, label: 'out of range', decided: false });
    const short = points.filter((r) => r.words < model.minWords);
    expect(short.length).toBeGreaterThan(points.length / 2);
    for (const r of short) expect(r.note).toMatch(/^out of range: \d+ words; every reference text has at least \d+/);
  });

  it('the whole plan, a numbered list of short points, is out of the reference sets\' (prose) range', () => {
    expect(results[0]).toMatchObject({ label: 'out of range', decided: false, judgeable: false });
    expect(results[0].note).toMatch(/a list of \d+ short points; the reference texts are continuous prose/);
  });

  it('the interval of a short point is wider than the whole document\'s', () => {
    const whole = results[0].interval!;
    const widths = results.slice(1).map((r) => r.interval!.high - r.interval!.low);
    expect(Math.min(...widths)).toBeGreaterThan(whole.high - whole.low);
  });

  it('is deterministic', () => {
    expect(scoreDocument(plan, { bySegment: true })).toEqual(results);
  });
});

describe('decided labels', () => {
  it('a label is decided only when the whole interval is past the held-out threshold', () => {
    const model = readModel();
    for (const s of loadReferenceSet().slice(0, 20)) {
      const r = scoreText(s.text);
      expect(r.judgeable).toBe(true);
      const past = r.interval!.low >= model.decision.translatedFrom || r.interval!.high <= model.decision.originalTo;
      expect(r.decided).toBe(past);
      expect(r.label).toBe(!past ? 'undecided' : r.interval!.low >= model.decision.translatedFrom ? 'translated' : 'original');
      // The shipped model's thresholds lie outside [0, 1] (none passed the held-out check): then the note says so in words.
      const never = model.decision.translatedFrom > 1 && model.decision.originalTo < 0;
      if (!past) expect(r.note).toMatch(never ? /^undecided: with this model no threshold was right often enough on held-out texts/ : /^undecided: a decided label needs the 90% interval/);
      expect(r.note).not.toMatch(/2\.00|-1\.00/);
    }
  });

  it('a bulleted prose text is out of range', () => {
    const text = loadReferenceSet().find((s) => s.id === 'tr-019')!.text;
    const sentences = text.split(/(?<=\.) /).slice(0, 8);
    const [r] = scoreProse(sentences.map((x) => `- ${x}`).join('\n'), { input: 'list' });
    expect(r.label).toBe('out of range');
  });
});

describe('documents that cannot be scored', () => {
  it('a Russian-language document is not applicable', () => {
    const [r] = scoreDocument(doc('us-28-ru-2025-11-20'));
    expect(r).toMatchObject({ score: null, label: 'not applicable', judgeable: false });
    expect(r.note).toMatch(/English only/);
  });

  it('a Russian document whose language field says "en" is not applicable either (was scored 0.73 on 0 words, ranked first)', () => {
    const ru = doc('us-28-ru-2025-11-20');
    const [r] = scoreDocument({ ...ru, language: 'en' });
    expect(r).toMatchObject({ score: null, label: 'not applicable', judgeable: false });
    expect(r.note).toMatch(/reads as "ru" though its language field says "en"/);
    // An English document with a Russian quotation (Cyrillic the minority) is still scored.
    const en = doc('us-28-2025-11-20');
    const quoted = { ...en, text: `${en.text}\n${ru.text.slice(0, 300)}` };
    expect(scoreDocument(quoted)[0].score).not.toBeNull();
  });
});

describe('ranking and export', () => {
  it('ranks documents most translation-like first and keeps not-applicable ones last', () => {
    const ids = ['us-28-ru-2025-11-20', 'us-28-2025-11-20', 'us-28-alt-en-2025-11-21', 'us-28-alt-en-pravda-2025-11-20'];
    const results = ids.flatMap((id) => scoreDocument(doc(id)));
    const ranked = rankResults(results);
    const scores = ranked.filter((r) => r.score !== null).map((r) => r.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(ranked.at(-1)!.input).toBe('us-28-ru-2025-11-20');
    const table = translationeseTable(results);
    expect(table.rows.map((r) => r.input)).toEqual(ranked.map((r) => r.input));
    expect(table.rows[0].rank).toBe(1);
  });
});

describe('style only: named entities and numbers do not carry the decision', () => {
  // Swap every country, person, organisation and date in a real text for others.
  const SWAPS: [RegExp, string][] = [
    [/\bRussian Federation\b/g, 'Argentine Republic'],
    [/\bRussians\b/g, 'Chileans'],
    [/\bRussian\b/g, 'Chilean'],
    [/\bRussia\b/g, 'Chile'],
    [/\bUkrainians\b/g, 'Peruvians'],
    [/\bUkrainian\b/g, 'Peruvian'],
    [/\bUkraine\b/g, 'Peru'],
    [/\bUnited States\b/g, 'Andean Community'],
    [/\bAmerican\b/g, 'Bolivian'],
    [/\bEuropean\b/g, 'African'],
    [/\bEurope\b/g, 'Africa'],
    [/\bNATO\b/g, 'ASEAN'],
    [/\bPutin\b/g, 'Gomez'],
    [/\bTrump\b/g, 'Lopez'],
    [/\bsanctions\b/g, 'tariffs'],
    [/\bMoscow\b/g, 'Lima'],
    [/\bKiev|Kyiv\b/g, 'Quito'],
    [/\bWashington\b/g, 'Bogota'],
    [/\b(19|20)\d\d\b/g, '1987'],
  ];
  const swap = (text: string) => SWAPS.reduce((t, [re, to]) => t.replace(re, to), text);

  it('on a statement from the corpus (ru-2025-11-21-putin-plan)', () => {
    const text = doc('ru-2025-11-21-putin-plan').text;
    const swapped = swap(text);
    expect(swapped).not.toBe(text);
    const a = scoreText(text);
    const b = scoreText(swapped);
    expect(Math.abs(a.score! - b.score!)).toBeLessThan(0.02);
  });

  it('on every translated reference text (largest change under 0.02)', () => {
    const changes = loadReferenceSet()
      .filter((s) => s.label === 'translated')
      .map((s) => Math.abs(scoreText(s.text).score! - scoreText(swap(s.text)).score!));
    expect(Math.max(...changes)).toBeLessThan(0.02);
  });

  it('straight and curly apostrophes score the same (publisher house style)', () => {
    const text = loadReferenceSet().find((s) => s.id === 'or-033')!.text;
    expect(text).toContain("'");
    expect(scoreText(text.replace(/'/g, '\u2019')).score).toBe(scoreText(text).score);
  });
});
