import { describe, expect, it } from 'vitest';
import { initMorphology, morphologyLoadMs, russianLemma, ukrainianStem } from '../../src/text/morph.js';
import { stemWord, tokenize } from '../../src/text/index.js';

describe('Russian lemmas (az, OpenCorpora)', () => {
  it('loads the dictionaries synchronously, once', () => {
    initMorphology();
    initMorphology();
    expect(morphologyLoadMs).toBeGreaterThan(0);
  });

  it('folds the inflections the Porter stemmer split (обмен/обмена/обмену, день/дня/дней)', () => {
    expect(new Set(['обмен', 'обмена', 'обмену', 'обмене'].map(russianLemma))).toEqual(new Set(['обмен']));
    expect(new Set(['день', 'дня', 'дней', 'дню'].map(russianLemma))).toEqual(new Set(['день']));
  });

  it('gives dictionary lemmas for treaty words, ё folded', () => {
    expect(russianLemma('перемирия')).toBe('перемирие');
    expect(russianLemma('огня')).toBe('огонь');
    expect(russianLemma('признает')).toBe('признавать');
    expect(russianLemma('соприкосновения')).toBe('соприкосновение');
    expect(stemWord('вооруженных', 'ru')).toBe(stemWord('вооружённых'.replace(/ё/g, 'е'), 'ru'));
    expect(russianLemma('вооруженных')).not.toMatch(/ё/);
  });

  it('falls back to a stem for words the dictionary lacks, consistently across their forms', () => {
    // "европой" is not in the dictionary; Az's guesser would say "петь".
    expect(russianLemma('европой')).toBe(russianLemma('европа'));
    expect(russianLemma('европой')).not.toBe('петь');
  });

  it('tags the lines of the Russian plan with glossary concepts through the lemmas', () => {
    const toks = tokenize('Между Россией и НАТО при посредничестве США будет организован диалог для урегулирования всех вопросов безопасности', 'ru');
    expect(toks.find((t) => t.text === 'безопасности')?.concept).toBe('security');
    expect(toks.find((t) => t.text === 'посредничестве')?.concept).toBe('mediation');
  });
});

describe('Ukrainian stems (@nlpjs/lang-uk)', () => {
  it('folds case forms of one noun', () => {
    expect(ukrainianStem('україни')).toBe('україн');
    expect(ukrainianStem('україною')).toBe('україн');
    expect(stemWord('безпеки', 'uk')).toBe(ukrainianStem('безпеки'));
  });
});
