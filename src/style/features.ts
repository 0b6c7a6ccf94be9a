// Find every feature span in a text. A span is data with a position, a rule
// id and a reason, like a prose linter's message; counting and scoring happen
// elsewhere. Rules match the text layer's fold (no invisible characters, NFC,
// one space per run, LF line ends); offsets are mapped back into the caller's
// text as given, CRLF included.
import { foldText, originalSpan } from '../text/fold.js';
import { normalizeForStyle } from './normalize.js';
import { FEATURE_RULES, type FeatureRule } from './rules.js';
import { countWords } from './tokens.js';

export interface FeatureSpan {
  /** Feature id from the catalogue (`future-passive`, `calque` …). */
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

/** Every feature span of `text`, sorted by position; one span per rule and place. */
export function findFeatureSpans(text: string): FeatureSpan[] {
  const folded = foldText(text);
  const plain = normalizeForStyle(folded.text);
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
  return spans.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

/** What the classifier sees of a text: how many words, and how many spans of each feature. */
export interface FeatureCounts {
  words: number;
  counts: Record<string, number>;
}

export function countFeatures(text: string, spans: FeatureSpan[] = findFeatureSpans(text)): FeatureCounts {
  const counts: Record<string, number> = Object.fromEntries(FEATURE_RULES.map((r) => [r.id, 0]));
  for (const s of spans) counts[s.rule] += 1;
  return { words: countWords(normalizeForStyle(foldText(text).text)), counts };
}
