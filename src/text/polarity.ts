import type { Token } from './lex.js';

// Negation is content: "Ukraine will join NATO" and "Ukraine will not join
// NATO" say opposite things. The cue words are data here; the tokenizer keeps
// them out of the stop list, and `polarityChanges` reports a pair whose
// negations differ. Sources: the closed class of English negators (not, no,
// never, none, nor, neither, without, cannot and the n't clitic), Russian
// не/ни/нет/без/никогда/нельзя, Ukrainian не/ні/немає/без/ніколи/не можна.

const CUES = {
  en: new Set(['not', 'no', 'never', 'neither', 'nor', 'none', 'nobody', 'nothing', 'nowhere', 'without', 'cannot', 'non']),
  ru: new Set(['не', 'ни', 'нет', 'без', 'никогда', 'нельзя', 'ничего', 'никто', 'никакие', 'никаких', 'никакой', 'никакого', 'никаким', 'никакая']),
  uk: new Set(['не', 'ні', 'немає', 'нема', 'без', 'ніколи', 'ніщо', 'ніхто', 'жоден', 'жодна', 'жодне', 'жодні', 'жодних', 'жодного', 'жодної', 'жодним']),
};

/** True when a normalised word is a negation cue in its language ("n't" forms included: "won't", "don't"). */
export function isNegation(norm: string, lang: string): boolean {
  if (lang === 'ru') return CUES.ru.has(norm) || CUES.uk.has(norm);
  if (lang === 'uk') return CUES.uk.has(norm) || CUES.ru.has(norm);
  return CUES.en.has(norm) || /n't$/.test(norm);
}

/** A negation in a text: the cue token and the content word it negates (the next one in its clause), if any. */
export interface NegationCue {
  cue: Token;
  head?: Token;
}

/**
 * The negations of a token list. "nor" after "neither" is the same negation;
 * the head is the first content token (not a stop word, not another cue)
 * within the next four tokens.
 */
export function negationCues(tokens: Token[]): NegationCue[] {
  const out: NegationCue[] = [];
  let neither = false;
  tokens.forEach((t, i) => {
    if (!t.negation) return;
    if (t.norm === 'neither') neither = true;
    else if (t.norm === 'nor' && neither) return;
    let head: Token | undefined;
    for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
      const x = tokens[k];
      if (x.negation || x.stop) continue;
      head = x;
      break;
    }
    out.push({ cue: t, ...(head ? { head } : {}) });
  });
  return out;
}
