// The text layer: normalisation, tokens, sentences, figures, glossary and
// transliteration, shared by alignment, provenance and style.
export { normalizeText, normalizeWord } from './normalize.js';
export { tokenize, contentTokens, type Token } from './tokenize.js';
export { sentences } from './sentences.js';
export { figures, type Figure } from './figures.js';
export { transliterate } from './transliterate.js';
export { loadGlossary, parseGlossary, stemConcept, GLOSSARY_PATH, type Glossary, type GlossaryEntry, type ConceptType } from './glossary.js';
export { numberValue, canonicalNumber } from './numbers.js';
export { stemWord, isStopWord, type Lang } from './stem.js';
