// English Porter stems (natural's stemmer, ported without regexes: porter.ts) and stop words from `natural`; Russian lemmas from Az.js
// and Ukrainian stems from @nlpjs/lang-uk (src/text/morph.ts). natural's
// top-level import takes seconds (it loads every classifier and tokenizer), so
// only the few modules we need are required, and only on first use: the CLI
// must start fast.
import { createRequire } from 'node:module';
import { russianLemma, ukrainianStem } from './morph.js';
import { porterStem } from './porter.js';

const require = createRequire(import.meta.url);

export type Lang = 'en' | 'ru' | 'uk' | 'other';

let stopLists: { en: Set<string>; ru: Set<string>; uk: Set<string> } | undefined;

// natural's lists lack the auxiliaries and particles that fill plan prose
// ("will", "shall", "не", "будет"); these are added here as data. natural has
// no Ukrainian list: Ukrainian takes the Russian one and the function words it
// lacks that a negation passes over to its verb or object ("не буде розміщувати", "відмова від вступу").
const EXTRA_STOP = {
  en: ['will', 'shall', 'may', 'also', 'its', 'their', 'which', 'this', 'these', 'those', 'such', 'whether', 'upon', 'within', 'without', 'any', 'all', 'be', 'is', 'are', 'not', 'no', 'including', 'following', 'as', 'per'],
  ru: ['не', 'ни', 'он', 'она', 'оно', 'они', 'будет', 'будут', 'быть', 'по', 'к', 'у', 'же', 'это', 'этого', 'этой', 'эти', 'том', 'чтобы', 'при', 'об', 'о', 'со', 'ко', 'то', 'лишь', 'свой', 'своей', 'свои', 'своих', 'свою', 'своего', 'всех', 'всем', 'всеми', 'всей', 'весь', 'вся', 'ее', 'их', 'его', 'также', 'которые', 'которых', 'который', 'которая', 'которое', 'является', 'будучи', 'без', 'для', 'на', 'в', 'из', 'от', 'до', 'и', 'или', 'а', 'но', 'что', 'как'],
  uk: ['від', 'буде', 'будуть', 'бути', 'був', 'була', 'було', 'були', 'є', 'до', 'у', 'в', 'на', 'з', 'із', 'зі', 'що', 'та', 'і', 'й'],
};

function loadStopLists() {
  if (!stopLists) {
    const en: string[] = require('natural/lib/natural/util/stopwords.js').words;
    const ru: string[] = require('natural/lib/natural/util/stopwords_ru.js').words;
    const russian = [...ru, ...EXTRA_STOP.ru].map((w) => w.replace(/ё/g, 'е'));
    stopLists = { en: new Set([...en, ...EXTRA_STOP.en]), ru: new Set(russian), uk: new Set([...russian, ...EXTRA_STOP.uk]) };
  }
  return stopLists;
}

/**
 * The comparison form of an already normalised word: Porter stem (en),
 * dictionary lemma (ru, via Az.js; Porter stem for words not in its
 * dictionary), Snowball-style stem (uk); other languages unchanged.
 */
export function stemWord(norm: string, lang: Lang): string {
  if (lang === 'en') return porterStem(norm);
  if (lang === 'ru') return /\p{Script=Cyrillic}/u.test(norm) ? russianLemma(norm) : norm;
  if (lang === 'uk') return /\p{Script=Cyrillic}/u.test(norm) ? ukrainianStem(norm) : norm;
  return norm;
}

export function isStopWord(norm: string, lang: Lang): boolean {
  if (lang === 'en') return loadStopLists().en.has(norm);
  if (lang === 'ru') return loadStopLists().ru.has(norm);
  if (lang === 'uk') return loadStopLists().uk.has(norm);
  return false;
}
