// Check a document's declared language against franc's guess. Only the
// languages in play are considered, and only on text long enough to judge:
// franc's trigram model is unreliable on a sentence or two.
import { franc } from 'franc';

const FRANC_TO_ISO1: Record<string, string> = { eng: 'en', rus: 'ru', ukr: 'uk' };
const CHECKED = new Set(Object.values(FRANC_TO_ISO1));

/** Shorter texts are not judged. */
export const MIN_LANGUAGE_CHARS = 200;

/** franc's guess as an ISO 639-1 code, or undefined when the text is too short to judge. */
export function guessLanguage(text: string): string | undefined {
  if (text.length < MIN_LANGUAGE_CHARS) return undefined;
  const code = franc(text, { only: Object.keys(FRANC_TO_ISO1), minLength: MIN_LANGUAGE_CHARS });
  return FRANC_TO_ISO1[code];
}

/** A warning message when the declared language disagrees with the text, else undefined. */
export function languageMismatch(declared: string, text: string): string | undefined {
  if (!CHECKED.has(declared)) return undefined;
  const guess = guessLanguage(text);
  if (guess && guess !== declared) {
    return `declared language "${declared}" but the text reads as "${guess}": check the language field`;
  }
  return undefined;
}
