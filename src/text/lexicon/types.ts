// Shapes shared by the lexicon layers.

/** Where a translation pair comes from, strongest first (see LAYER_WEIGHT). */
export type Layer = 'glossary' | 'learned' | 'dictionary';

/**
 * How much a link of each layer counts when two words in different languages
 * are matched (1 = like the same word in one language). Fixed a priori in this
 * order (curated > learned > dictionary), not tuned: a curated row was checked
 * for this domain, a learned pair was seen in aligned plan text, a dictionary
 * sense may be one of many.
 */
export const LAYER_WEIGHT: Record<Layer, number> = { glossary: 1, learned: 0.85, dictionary: 0.7 };

/** One translation pair as the comparison uses it. */
export interface LexLink {
  /** Russian lemma (ё folded), as `stemWord(norm, 'ru')` gives it. */
  ru: string;
  /** English Porter stem, as `stemWord(norm, 'en')` gives it. */
  en: string;
  /** Readable forms for evidence ("перемирие", "ceasefire"). */
  ruForm: string;
  enForm: string;
  layer: Layer;
  /** Which resource: "glossary", "learned:us-28…", "openrussian", "mueller7". */
  source: string;
  weight: number;
}

/** A layer as loaded: its name, source, size and load time (ms). */
export interface LayerInfo {
  name: string;
  layer: Layer;
  source: string;
  licence: string;
  /** Pairs (or, for lazily read dictionaries, headwords) available. */
  size: number;
  loadMs: number;
}
