// Find every feature span in a text. A span is data with a position, a rule
// id and a reason, like a prose linter's message; counting and scoring happen
// elsewhere. Rules match the text layer's fold (no invisible characters, NFC,
// one space per run, LF line ends), then the style view: quotes and dashes
// normalised and names, ideology, dates and numbers masked (mask.ts), both
// length-keeping; offsets are mapped back into the caller's text as given,
// CRLF included.
import { foldText, originalSpan } from '../text/fold.js';
import { maskForStyle } from './mask.js';
import { normalizeForStyle } from './normalize.js';
import { tag, taggerSpans, TAGGER_FEATURES } from './pos.js';
import { FEATURE_RULES, featureCatalogue, type FeatureRule } from './rules.js';
import { countWords } from './tokens.js';

export interface FeatureSpan {
  /** Feature id from the catalogue (`future-passive`, `fw-the`, `pos-DET_NOUN` …). */
  rule: string;
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)` of the original text. */
  text: string;
  /** Why this span counts: the row's note. */
  reason: string;
}

/** Start of a sentence, a line, or a list item ("3. ", "- ", "a) "). */
const SENTENCE_START = '(?<=^[ \\t]*(?:(?:[-*]|\\(?[a-z0-9]{1,3}[.)])[ \\t]+)?|[.!?:;]["\')\\]]?\\s+)';

interface CompiledRow {
  rule: string;
  regex: RegExp;
  note: string;
}

function compile(rules: FeatureRule[]): CompiledRow[] {
  return rules.flatMap((rule) =>
    rule.rows.map((row) => ({
      rule: rule.id,
      regex: new RegExp(rule.sentenceInitial ? SENTENCE_START + row.pattern : row.pattern, 'gim'),
      note: row.note,
    })),
  );
}

const COMPILED = compile(FEATURE_RULES);
const TAGGER_NAMES = new Map(TAGGER_FEATURES.map((f) => [f.id, f.name]));

/** What features see of a text: normalised and masked, same length as `text`. */
export function styleView(text: string): string {
  return maskForStyle(normalizeForStyle(text));
}

/** Every feature span of `text`, sorted by position; one span per rule and place. */
export function findFeatureSpans(text: string): FeatureSpan[] {
  const folded = foldText(text);
  const plain = styleView(folded.text);
  const seen = new Set<string>();
  const spans: FeatureSpan[] = [];
  for (const row of COMPILED) {
    for (const m of plain.matchAll(row.regex)) {
      if (m[0].length === 0) continue;
      const [start, end] = originalSpan(folded, m.index!, m.index! + m[0].length);
      const key = `${row.rule}:${start}:${end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      spans.push({ rule: row.rule, start, end, text: text.slice(start, end), reason: row.note });
    }
  }
  for (const s of taggerSpans(plain, tag(plain))) {
    const [start, end] = originalSpan(folded, s.start, s.end);
    spans.push({ ...s, start, end, text: text.slice(start, end), reason: TAGGER_NAMES.get(s.rule) ?? s.rule });
  }
  return spans.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

/** What the classifier sees of a text: how many words, and how many spans of each feature. */
export interface FeatureCounts {
  words: number;
  counts: Record<string, number>;
}

export const FEATURE_IDS: readonly string[] = featureCatalogue().map((f) => f.id);

export function countFeatures(text: string, spans: FeatureSpan[] = findFeatureSpans(text)): FeatureCounts {
  const counts: Record<string, number> = Object.fromEntries(FEATURE_IDS.map((id) => [id, 0]));
  for (const s of spans) counts[s.rule] += 1;
  return { words: countWords(normalizeForStyle(foldText(text).text)), counts };
}
