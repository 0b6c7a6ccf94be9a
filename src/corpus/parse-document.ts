// One document from its source text: front matter validated field by field,
// body segmented by kind, language checked. Never throws on bad input: every
// problem becomes a LoadIssue naming the file, the line and the field.
import { readBody } from './body-lines.js';
import { hasElision } from './elision.js';
import { hasFrontMatter, splitFrontMatter, type FrontMatterResult } from './front-matter.js';
import { languageMismatch, lettersOf, otherCyrillicLanguage, undeclaredLanguage } from './language.js';
import { frontMatterSchema, isCalendarDate, KNOWN_FIELDS, type FrontMatterFields } from './schema.js';
import { segmentPlan, segmentReports, type PlanSegmentation } from './segment-plan.js';
import { MAX_FILE_BYTES } from './source-text.js';
import { segmentStatement } from './segment-statement.js';
import { sourceDateIssues } from './source-date.js';
import type { Document, LoadIssue, Segment } from './types.js';

/** More segments than this in one document is refused (the largest real plan has 28 points). */
export const MAX_SEGMENTS = 20_000;

/** Body problems listed one by one before the rest are summed up in one line. */
export const MAX_REPORTED_PROBLEMS = 20;

export interface ParseResult {
  document?: Document;
  issues: LoadIssue[];
}

export interface ParseOptions {
  builtin?: boolean;
  /**
   * `source`'s front matter as splitFrontMatter(source, …) gave it, when the caller has
   * read it already (load.ts reads it to tell a corpus document from a README): YAML
   * parsing was a third of loading the shipped corpora, and was done twice a file.
   */
  frontMatter?: FrontMatterResult & { ok: true };
}

export function parseDocumentSource(source: string, file: string, options: ParseOptions = {}): ParseResult {
  const issues: LoadIssue[] = [];
  const error = (line: number | undefined, field: string, message: string): ParseResult => {
    issues.push({ severity: 'error', file, line, field, message });
    return { issues };
  };

  const fm = options.frontMatter ?? splitFrontMatter(source, file);
  if (!fm.ok) return { issues: [fm.issue] };
  const { data, fieldLines, bodyLine, body } = fm.value;

  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    for (const problem of parsed.error.issues) {
      const field = String(problem.path[0] ?? 'front matter');
      const index = problem.path.length > 1 ? `[${String(problem.path[1])}]` : '';
      const line = fieldLines[field] ?? 2;
      const got = problem.path.length > 1 ? '' : describeValue(data[field]);
      issues.push({ severity: 'error', file, line, field, message: `${field}${index} ${problem.message}${got}` });
    }
    return { issues };
  }
  const fields = parsed.data;
  for (const key of Object.keys(data)) {
    if (!KNOWN_FIELDS.has(key)) {
      issues.push({ severity: 'warning', file, line: fieldLines[key], field: key, message: `unknown field "${key}" is ignored (known: ${[...KNOWN_FIELDS].join(', ')})` });
    }
  }

  const { text, lines } = readBody(body, bodyLine);
  if (text.trim() === '') return error(bodyLine, 'body', 'the body is empty: add the document text after the closing `---`');

  let segments: Segment[];
  if (fields.kind === 'plan' && fields.status === 'reported-only') {
    segments = segmentReports(lines);
  } else if (fields.kind === 'plan') {
    const { segments: segs, problems, notes } = segmentPlan(lines);
    issues.push(...bodyProblems(problems, file));
    if (problems.length) return { issues };
    issues.push(...notes.map((n): LoadIssue => ({ severity: 'note', file, line: n.line, field: 'body', message: n.message })));
    if (!segs.some((s) => s.kind === 'point' || s.kind === 'removed')) {
      return error(bodyLine, 'body', 'a plan needs numbered points (`1. …`); for a text of reported changes set `status: reported-only`');
    }
    const missing = new Set(fields.missing);
    const from = missingFrom(fields);
    for (const s of segs) if (s.kind === 'point' && (missing.has(s.id) || (from !== undefined && Number(s.id) >= from))) s.partial = true;
    markElided(segs, text);
    segments = segs;
  } else {
    segments = segmentStatement(lines);
  }
  if (segments.length > MAX_SEGMENTS) {
    return error(bodyLine, 'body', `${segments.length} segments; the limit is ${MAX_SEGMENTS} per document — split the file`);
  }
  // A passage's own date (`<!-- src: URL date: YYYY-MM-DD -->`) must be a real date: lineage and `later` rely on it.
  for (const s of segments) {
    if (s.date !== undefined && !isCalendarDate(s.date)) return error(s.line, 'src date', `"${s.date}" is not a date: write the passage's date after its URL as date: YYYY-MM-DD`);
  }
  issues.push(...sourceDateIssues(segments, fields.date, file));

  const mismatch = languageMismatch(fields.language, text);
  if (mismatch) issues.push({ severity: 'warning', file, field: 'language', line: fieldLines.language, message: `${fields.id}: ${mismatch}` });

  const document = documentFromFields(fields, text, segments, file, options.builtin ?? false);
  return { document, issues };
}

/** First point of an open-ended gap (`missing: 10-`, `complete_through: 9`), the earliest if both. */
export function missingFrom(fields: Pick<FrontMatterFields, 'missing' | 'complete_through'>): number | undefined {
  const starts = fields.missing.filter((n) => n.endsWith('-')).map((n) => Number(n.slice(0, -1)));
  if (fields.complete_through !== null && fields.complete_through !== undefined) starts.push(fields.complete_through + 1);
  return starts.length ? Math.min(...starts) : undefined;
}

/** A Document from validated front-matter fields and its segmented body. */
export function documentFromFields(fields: FrontMatterFields, text: string, segments: Segment[], path: string, builtin: boolean): Document {
  return {
    id: fields.id,
    kind: fields.kind,
    title: fields.title,
    side: fields.side,
    speaker: fields.speaker,
    date: fields.date,
    language: fields.language,
    translatedFrom: fields.translated_from,
    sources: fields.sources,
    missing: fields.missing.filter((n) => !n.endsWith('-')),
    missingFrom: missingFrom(fields),
    status: fields.status,
    notes: fields.notes,
    text,
    segments,
    path,
    builtin,
  };
}

export interface DraftOptions {
  id: string;
  title?: string;
  file?: string;
  date?: string;
  language?: string;
  side?: Document['side'];
}

/**
 * A user's own draft: a plain numbered list, with or without front matter.
 * Without front matter the document gets neutral metadata (side `unknown`)
 * and the language its text shows (see `undeclaredLanguage`), unless given.
 */
export function parseDraft(source: string, options: DraftOptions): ParseResult {
  const file = options.file ?? '<pasted>';
  // A pasted draft never went through decodeSource, so it gets the file size limit here.
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > MAX_FILE_BYTES) {
    const mb = (bytes / 1e6).toFixed(1);
    return { issues: [{ severity: 'error', file, line: 1, field: 'body', message: `the draft is ${mb} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB — split it into several drafts` }] };
  }
  if (hasFrontMatter(source)) return parseDocumentSource(source, file);
  const { text, lines } = readBody(source, 1);
  if (text.trim() === '') {
    return { issues: [{ severity: 'error', file, line: 1, field: 'body', message: 'the draft is empty: paste or upload a numbered list of points (`1. …`)' }] };
  }
  const { segments, problems, notes } = segmentPlan(lines);
  const issues: LoadIssue[] = bodyProblems(problems, file);
  if (issues.length) return { issues };
  markElided(segments, text);
  issues.push(...notes.map((n): LoadIssue => ({ severity: 'note', file, line: n.line, field: 'body', message: n.message })));
  if (!segments.some((s) => s.kind === 'point')) {
    return { issues: [{ severity: 'error', file, line: 1, field: 'body', message: 'no numbered points found: start each point on its own line with its number, e.g. "1. The first point"' }] };
  }
  if (segments.length > MAX_SEGMENTS) {
    return { issues: [{ severity: 'error', file, line: 1, field: 'body', message: `${segments.length} segments; the limit is ${MAX_SEGMENTS} per document — split the draft` }] };
  }
  // No front matter: the letters decide (a Russian or Ukrainian list is that language everywhere).
  // The text's letters are read once for all the checks below (otherCyrillicLanguage keeps its answer in them).
  const letters = lettersOf(text);
  const language = options.language ?? undeclaredLanguage(text, letters);
  // A guessed language is declared by no one: only a Cyrillic text in another language is worth a word.
  const other = options.language === undefined ? otherCyrillicLanguage(letters) : undefined;
  const mismatch = other
    ? `the text is neither Russian nor Ukrainian (it has ${other.letters}, which neither writes: ${other.languages}?); it is read as "${language}", the closest language the tool knows`
    : languageMismatch(language, text, letters);
  if (mismatch) issues.push({ severity: 'warning', file, field: 'language', message: `${options.id}: ${mismatch}` });
  const document: Document = {
    id: options.id,
    kind: 'plan',
    title: options.title ?? 'Your draft',
    side: options.side ?? 'unknown',
    speaker: '',
    date: options.date ?? new Date().toISOString().slice(0, 10),
    language,
    translatedFrom: '',
    sources: [],
    missing: [],
    status: 'published',
    notes: '',
    text,
    segments,
    path: file,
    builtin: false,
  };
  return { document, issues };
}

/** Points whose text (sub-items included) carries an elision marker ("[...]", a trailing "…") are partial: see elision.ts. */
function markElided(segments: Segment[], text: string): void {
  for (const s of segments) if (s.kind === 'point' && !s.partial && hasElision(text.slice(s.start, s.end))) s.partial = true;
}

/** Body problems as issues; past the first few, one summary line (a broken paste can have thousands). */
function bodyProblems(problems: PlanSegmentation['problems'], file: string): LoadIssue[] {
  const shown = problems.slice(0, MAX_REPORTED_PROBLEMS).map((p): LoadIssue => ({ severity: 'error', file, line: p.line, field: 'body', message: p.message }));
  const rest = problems.length - shown.length;
  if (rest > 0) {
    shown.push({ severity: 'error', file, line: problems[MAX_REPORTED_PROBLEMS].line, field: 'body', message: `…and ${rest} more problems like these from this line on` });
  }
  return shown;
}

function describeValue(value: unknown): string {
  if (value === undefined) return ' (the field is missing)';
  let shown: string;
  try {
    shown = JSON.stringify(value) ?? String(value);
  } catch {
    shown = Array.isArray(value) ? 'a self-referencing list' : 'a self-referencing value'; // YAML `&a [*a]`
  }
  const hidden = typeof value === 'string' ? hiddenCharacters(value) : '';
  // Invisible characters are written as escapes: "en\u200b" shows why "en" was refused.
  shown = shown.replace(INVISIBLE_ALL, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
  return ` (got ${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}${hidden})`;
}

const INVISIBLE_ALL = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

/**
 * Why a value that reads right was refused: the characters in it a reader cannot tell from the
 * expected ones (invisible, space-like, a dash that is not "-", a Cyrillic or Greek letter among
 * Latin ones), as '; U+200B is an invisible character' (at most three), or ''.
 */
export function hiddenCharacters(value: string): string {
  const latin = /[A-Za-z]/.test(value);
  const notes = new Map<string, string>();
  for (const c of value) {
    const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    if (/[\p{Default_Ignorable_Code_Point}\p{Cf}]/u.test(c)) notes.set(code, `${code} is an invisible character`);
    else if (/\p{Zs}/u.test(c) && c !== ' ') notes.set(code, `${code} is a space-like character, not a space`);
    else if (/\p{Pd}/u.test(c) && c !== '-') notes.set(code, `"${c}" (${code}) is a dash, not the hyphen-minus "-"`);
    else if (latin && /\p{Script=Cyrillic}/u.test(c)) notes.set(code, `"${c}" (${code}) is a Cyrillic letter`);
    else if (latin && /\p{Script=Greek}/u.test(c)) notes.set(code, `"${c}" (${code}) is a Greek letter`);
  }
  return notes.size ? `; ${[...notes.values()].slice(0, 3).join(', ')}` : '';
}
