// Mask what is not style before any feature sees it. The reference sets pair
// Russian speakers with English-speaking ones, so names ("the Soviet Union",
// "New Zealand"), ideology ("imperialist circles", "democracy") and dates
// separate the classes without saying anything about translation. A model
// that can see them learns who is speaking, not how the English was made.
//
// Masking is length-preserving (one UTF-16 unit for one), so spans found in
// the masked text are offsets into the caller's text. A masked word becomes
// "xxxx" ("Xxxx" when it was capitalised), every digit becomes "0".
//
// What is masked:
// - every word in MASKED_WORDS (countries, capitals and regions, demonyms,
//   ideological and topical vocabulary, months and weekdays), in any case;
// - proper names: a capitalised word that does not start a sentence, an
//   all-capitals word (NATO, USSR), a single capital letter with a full stop
//   (U.S., J. Smith), and a sentence-initial capitalised word followed by
//   another capitalised word ("United States", "Vladimir Putin"), unless it
//   is a function word ("The United Nations" keeps "The");
// - digits (years, dates, numbers, paragraph numbers).
// "I" is never masked.
import { FUNCTION_WORDS } from './function-words.js';

/** Countries, capitals, regions, demonyms, ideology and topic words, months: lower case, one word each. */
export const MASKED_WORDS: ReadonlySet<string> = new Set(
  `afghanistan albania algeria angola argentina armenia australia austria azerbaijan bangladesh belarus byelorussia
  belgium bolivia bosnia brazil britain bulgaria cambodia kampuchea cameroon canada chile china colombia congo croatia
  cuba cyprus czechoslovakia denmark egypt england estonia ethiopia finland france georgia germany ghana greece grenada
  guatemala haiti hungary india indonesia iran iraq ireland israel italy japan jordan kazakhstan kenya korea kosovo
  kuwait kyrgyzstan laos latvia lebanon libya lithuania macedonia mexico moldova mongolia montenegro morocco mozambique
  myanmar namibia nepal netherlands holland nicaragua nigeria norway pakistan palestine panama peru philippines poland
  portugal qatar romania russia rwanda scotland serbia slovakia slovenia somalia spain sudan sweden switzerland syria
  taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine uzbekistan venezuela vietnam yemen
  yugoslavia zaire zambia zimbabwe zealand ussr usa
  europe asia africa america americas atlantic pacific arctic balkans caucasus crimea donbas donbass
  kiev kyiv moscow washington london dublin canberra wellington geneva vienna paris berlin brussels beijing tokyo
  helsinki minsk istanbul jerusalem gaza
  russian russians soviet soviets american americans british briton britons english irish australian australians
  zealander zealanders ukrainian ukrainians german germans french chinese japanese korean koreans israeli israelis
  palestinian palestinians arab arabs syrian syrians iranian iraqi afghan afghans cuban polish czech hungarian
  vietnamese indian pakistani turkish greek cypriot serb serbs serbian croat croatian bosnian georgian armenian
  belarusian byelorussian kazakh baltic balkan crimean european europeans asian african africans latin
  western westerners eastern euro-atlantic transatlantic commonwealth
  soviet socialist socialists socialism communist communists communism capitalist capitalists capitalism
  imperialist imperialists imperialism colonial colonialism colonialist colonialists neocolonialism neo-colonialism
  neo-colonialist revolutionary revolution revolutions bourgeois fascist fascists fascism nazi nazis nazism neo-nazi
  neo-nazis neo-nazism marxist marxism leninist leninism proletarian proletariat zionist zionism apartheid racist
  racism militarist militarism militaristic reactionary reactionaries hegemonism hegemonist hegemony detente
  democracy democracies democratic democrat democrats freedom freedoms liberty tyranny tyrant dictator dictators
  dictatorship totalitarian authoritarian terrorism terrorist terrorists extremism extremist extremists
  nuclear disarmament missile missiles weapons weapon arms aggression aggressor aggressors
  pandemic coronavirus covid climate
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday`
    .split(/\s+/)
    .filter(Boolean),
);

const WORD = /[A-Za-z]+/g;

/**
 * The text with non-style words masked (see the file comment); same length as
 * the input, so every offset into the result is an offset into `text`.
 */
export function maskForStyle(text: string): string {
  const chars = text.replace(/[0-9]/g, '0').split('');
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, word: m[0] }));
  words.forEach((w, i) => {
    if (shouldMask(text, w, words[i + 1])) {
      for (let k = w.start; k < w.end; k++) chars[k] = k === w.start && /[A-Z]/.test(text[k]) ? 'X' : 'x';
    }
  });
  return chars.join('');
}

interface WordAt {
  start: number;
  end: number;
  word: string;
}

function shouldMask(text: string, w: WordAt, next: WordAt | undefined): boolean {
  const lower = w.word.toLowerCase();
  // "May" the month vs "may" the verb: only the capitalised form is a month.
  if (lower === 'may' || lower === 'march') return w.word[0] === 'M' && !sentenceInitial(text, w.start);
  if (MASKED_WORDS.has(lower)) return true;
  if (w.word === 'I' || !/^[A-Z]/.test(w.word)) return false;
  if (w.word.length >= 2 && w.word === w.word.toUpperCase()) return true;
  if (w.word.length === 1 && text[w.end] === '.') return true;
  if (!sentenceInitial(text, w.start)) return true;
  if (FUNCTION_WORDS.has(lower)) return false;
  return !!next && /^[A-Z]/.test(next.word) && text.slice(w.end, next.start).trim() === '' && !sentenceInitial(text, next.start);
}

/** At the start of the text, of a line or list item ("3. ", "- ", "a) "), or after sentence punctuation (and an optional closing quote or bracket). */
function sentenceInitial(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (/^\s*(?:(?:[-*\u2022\u2013\u2014]|\(?[0-9a-z]{1,3}[.)])\s+)?["'(\[\u201c\u2018]*$/i.test(text.slice(lineStart, at))) return true;
  let i = at - 1;
  while (i >= 0 && /["'(\[\u201c\u2018]/.test(text[i])) i--;
  if (i < 0 || !/\s/.test(text[i])) return false;
  while (i >= 0 && /\s/.test(text[i])) i--;
  while (i >= 0 && /["'\u201d\u2019)\]]/.test(text[i])) i--;
  return i >= 0 && /[.!?:;\u2026]/.test(text[i]);
}
