// Publishers differ in quote and dash characters (curly vs straight
// apostrophes, en vs em dashes). That is a house-style confound, not
// translationese, so every feature sees the text through this mapping.
// Each replacement is one UTF-16 unit for one, so offsets found in the
// normalised text are offsets into the original text too.

const SAME_LENGTH: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '`': "'", '\u00b4': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ', '\u2009': ' ', '\u200a': ' ',
  '\u2026': '.',
};

const PATTERN = new RegExp(`[${Object.keys(SAME_LENGTH).join('')}]`, 'g');

/** The text with quotes, dashes and odd spaces made plain; same length as the input. */
export function normalizeForStyle(text: string): string {
  return text.replace(PATTERN, (c) => SAME_LENGTH[c]);
}
