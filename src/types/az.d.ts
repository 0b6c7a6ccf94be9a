// The part of Az.js (npm `az`, MIT; OpenCorpora dictionaries, CC BY-SA) this
// project uses. The package ships no types.
declare module 'az' {
  interface AzTag {
    /** Part of speech (OpenCorpora grammeme: NOUN, VERB, ADJF, PRTF, …). */
    POST?: string;
  }
  interface AzParse {
    word: string;
    tag: AzTag;
    score: number;
    /** Which analyser produced the parse: 'Dictionary' for a dictionary word, else a guesser ('SuffixKnown', 'PrefixKnown', …). */
    parser?: string;
    normalize(keepPOS?: boolean): AzParse;
  }
  interface AzMorph {
    (word: string, config?: Record<string, unknown>): AzParse[];
    init(path: string, callback: (err: Error | null) => void): void;
  }
  interface AzStatic {
    Morph: AzMorph;
    /** File loader the dictionaries are read through (replaceable). */
    load(url: string, responseType: 'json' | 'arraybuffer', callback: (err: Error | null, data?: unknown) => void): void;
  }
  const Az: AzStatic;
  export = Az;
}
