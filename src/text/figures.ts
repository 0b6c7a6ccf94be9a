// Figures: numbers with their value and, when the text names it, their unit.
import { lexTokens } from './lex.js';
import { UNITS } from './numbers.js';

export interface Figure {
  value: number;
  text: string;
  start: number;
  end: number;
  unit?: string;
}

function unitOf(word: string | undefined, side: 'en' | 'ru'): string | undefined {
  if (!word) return undefined;
  return UNITS.find((u) => u[side].some((prefix) => word.startsWith(prefix)))?.unit;
}

export function figures(text: string, language: string): Figure[] {
  // Every figure has a digit: text without one needs no lexing (most passages; it was a second lexing pass per passage).
  if (!/\d/.test(text)) return [];
  const tokens = lexTokens(text, language);
  const out: Figure[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'number') return;
    const side = t.lang === 'en' || t.lang === 'other' ? 'en' : 'ru';
    let unit: string | undefined;
    if (t.text.endsWith('%')) unit = '%';
    else if (/^[$]/.test(t.text)) unit = 'USD';
    else if (/^€/.test(t.text)) unit = 'EUR';
    else {
      // The unit is the next word, when it follows the figure directly.
      const next = tokens[i + 1];
      if (next && next.kind !== 'number' && /^[\s\u00a0]*$/.test(text.slice(t.end, next.start))) unit = unitOf(next.norm, side);
    }
    out.push({ value: t.value!, text: t.text, start: t.start, end: t.end, ...(unit ? { unit } : {}) });
  });
  return out;
}
