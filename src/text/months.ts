// Month names, full and abbreviated, in English, Russian and Ukrainian, as
// data: "Feb.", "February", "февраля", "лютого" are one month. A month is a
// date part, not a name: it gets the concept `month-N` so it matches across
// spellings and languages and never counts as a changed name.

const MONTHS: { en: RegExp; ru: RegExp; uk: RegExp }[] = [
  { en: /^(january|jan)$/, ru: /^(январ[ьяеюм]|январем|янв)$/, uk: /^(січ(ень|ня|ні|нем)|січ)$/ },
  { en: /^(february|feb)$/, ru: /^(феврал[ьяеюм]|февралем|фев|февр)$/, uk: /^(лют(ий|ого|ому|им)|лют)$/ },
  { en: /^(march|mar)$/, ru: /^(март[аеу]?|мартом|мар)$/, uk: /^(берез(ень|ня|ні|нем)|бер)$/ },
  { en: /^(april|apr)$/, ru: /^(апрел[ьяею]|апрелем|апр)$/, uk: /^(квіт(ень|ня|ні|нем)|квіт)$/ },
  { en: /^(may)$/, ru: /^(ма[йяею]|маем)$/, uk: /^(трав(ень|ня|ні|нем)|трав)$/ },
  { en: /^(june|jun)$/, ru: /^(июн[ьяею]|июнем|июн)$/, uk: /^(черв(ень|ня|ні|нем)|черв)$/ },
  { en: /^(july|jul)$/, ru: /^(июл[ьяею]|июлем|июл)$/, uk: /^(лип(ень|ня|ні|нем)|лип)$/ },
  { en: /^(august|aug)$/, ru: /^(август[аеу]?|августом|авг)$/, uk: /^(серп(ень|ня|ні|нем)|серп)$/ },
  { en: /^(september|sep|sept)$/, ru: /^(сентябр[ьяею]|сентябрем|сент|сен)$/, uk: /^(верес(ень|ня|ні|нем)|вер)$/ },
  { en: /^(october|oct)$/, ru: /^(октябр[ьяею]|октябрем|окт)$/, uk: /^(жовт(ень|ня|ні|нем)|жовт)$/ },
  { en: /^(november|nov)$/, ru: /^(ноябр[ьяею]|ноябрем|нояб|ноя)$/, uk: /^(листопад[аіу]?|листопадом|лист)$/ },
  { en: /^(december|dec)$/, ru: /^(декабр[ьяею]|декабрем|дек)$/, uk: /^(груд(ень|ня|ні|нем)|груд)$/ },
];

/**
 * The month (1–12) a normalised word names, or undefined. English month names
 * count only when capitalised (`capitalised`), since "may", "march" and "dec"
 * are also common words; Russian and Ukrainian month names are lower case.
 * Abbreviations count only when they are written with their full stop or
 * next to a day number (`dated`), so "лист" (a leaf) and "мар" are not months.
 */
export function monthOf(norm: string, lang: 'en' | 'ru' | 'uk' | 'other', capitalised: boolean, dated: boolean): number | undefined {
  const c = monthCandidate(norm, lang, capitalised);
  return c && (!c.needsDate || dated) ? c.month : undefined;
}

/**
 * What monthOf decides from the word alone: the month it may name and whether
 * it needs a date beside it (`dated`) to count. Undefined for nearly every
 * word, so the lexer memoises this per word and looks at the context only for
 * month names.
 */
export function monthCandidate(norm: string, lang: 'en' | 'ru' | 'uk' | 'other', capitalised: boolean): { month: number; needsDate: boolean } | undefined {
  for (let i = 0; i < MONTHS.length; i++) {
    const m = MONTHS[i];
    const hit = lang === 'en' || lang === 'other' ? capitalised && m.en.test(norm) : m.ru.test(norm) || m.uk.test(norm);
    if (!hit) continue;
    // "May" and "March" are also a modal and a verb: as English months they need a day or year beside them.
    const ambiguous = lang !== 'ru' && lang !== 'uk' && (norm === 'may' || norm === 'march');
    const full = !ambiguous && (norm.length > 4 || (lang === 'en' && ['june', 'july'].includes(norm)) || ['май', 'мая', 'мае', 'маю', 'маем', 'июня', 'июля', 'июнь', 'июль', 'марта', 'март'].includes(norm));
    return { month: i + 1, needsDate: !full };
  }
  return undefined;
}
