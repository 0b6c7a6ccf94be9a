// One record of a bulk statement file (JSON Lines or CSV) as a statement
// Document. The fields follow the text-reuse convention — id, text, date, side,
// speaker, language, source, optional title and translated_from — and are
// validated with the same rules as Markdown front matter, so a bad record gets
// the same messages, located by the line of the bulk file.
import { readBody } from './body-lines.js';
import { languageMismatch, scriptLetters } from './language.js';
import { documentFromFields, MAX_SEGMENTS, type ParseResult } from './parse-document.js';
import { frontMatterSchema } from './schema.js';
import { segmentStatement } from './segment-statement.js';
import { normaliseSource } from './source-text.js';
import type { Document, LoadIssue } from './types.js';

/** The columns a bulk record may have; `text`, `id`, `date`, `side`, `language`, `source` are required. */
export const BULK_FIELDS = ['id', 'text', 'date', 'side', 'speaker', 'language', 'source', 'title', 'translated_from'] as const;
const KNOWN = new Set<string>(BULK_FIELDS);

/**
 * franc reads up to 2,048 characters per call (~0.8 ms): on a bulk file of
 * thousands of pages that is seconds. Latin against Cyrillic script already
 * tells English from Russian or Ukrainian for free, so franc is asked only to
 * tell Cyrillic languages apart, and only on the opening of the text.
 */
const LANGUAGE_SAMPLE_CHARS = 600;
const CYRILLIC_LANGUAGES = new Set(['ru', 'uk']);

export interface RecordContext {
  /** The file as shown in messages. */
  file: string;
  /** 1-based line where the record starts. */
  line: number;
  builtin: boolean;
}

/** Names of fields a record has that bulk files do not use (reported once per file by the caller). */
export function unknownFields(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((k) => !KNOWN.has(k));
}

export function recordToDocument(record: unknown, ctx: RecordContext): ParseResult {
  const { file, line } = ctx;
  const fail = (field: string, message: string): ParseResult => ({
    issues: [{ severity: 'error', file, line, field, message: `${message}; the line is skipped` }],
  });
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return fail('record', 'must be one JSON object per line, e.g. {"id": "...", "text": "...", ...}');
  }
  const r = record as Record<string, unknown>;
  if (typeof r.text !== 'string') return fail('text', `text ${r.text === undefined ? 'is missing' : 'must be a string'}: give the statement's text`);

  // Map the record onto front-matter fields so the same schema (and messages) apply.
  const data: Record<string, unknown> = {
    id: r.id,
    kind: 'statement',
    title: r.title === undefined || r.title === null || r.title === '' ? r.id : r.title,
    side: r.side,
    speaker: r.speaker,
    date: r.date,
    language: r.language,
    translated_from: r.translated_from,
    sources: r.source === undefined || r.source === null || r.source === '' ? undefined : [r.source],
  };
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    const raw = String(problem.path[0] ?? 'record');
    const field = raw === 'sources' ? 'source' : raw;
    const value = raw === 'sources' ? r.source : r[field];
    const got = value === undefined ? ' (the field is missing)' : ` (got ${clip(JSON.stringify(value) ?? String(value))})`;
    const message = raw === 'sources' ? 'source must be an http(s) URL naming where the text was taken from' : `${field} ${problem.message}`;
    const more = parsed.error.issues.length > 1 ? ` — and ${parsed.error.issues.length - 1} more problem(s) on this line` : '';
    return fail(field, `${message}${got}${more}`);
  }
  const fields = parsed.data;

  const normalised = normaliseSource(r.text, file);
  if (!normalised.ok) return fail('text', normalised.issue.message);
  const { text, lines } = readBody(normalised.text, line);
  if (text.trim() === '') return fail('text', 'text is empty: give the statement\'s text');
  const segments = segmentStatement(lines);
  if (segments.length > MAX_SEGMENTS) return fail('text', `${segments.length} passages; the limit is ${MAX_SEGMENTS} per document — split the record`);
  // Every passage of a record sits on the record's line of the bulk file.
  for (const s of segments) {
    s.line = line;
    s.source = fields.sources[0];
  }

  const issues: LoadIssue[] = [];
  const mismatch = checkLanguage(fields.language, text.slice(0, LANGUAGE_SAMPLE_CHARS));
  if (mismatch) issues.push({ severity: 'warning', file, line, field: 'language', message: `${fields.id}: ${mismatch}` });

  // A bulk record is always a published statement: kind, missing, status and notes are fixed.
  const document = documentFromFields({ ...fields, kind: 'statement', missing: [], status: 'published', notes: '' }, text, segments, file, ctx.builtin);
  return { document, issues };
}

function checkLanguage(declared: string, sample: string): string | undefined {
  const { latin, cyrillic } = scriptLetters(sample);
  if (latin + cyrillic < 50) return undefined; // too little text to judge
  const script = cyrillic > latin * 2 ? 'Cyrillic' : latin > cyrillic * 2 ? 'Latin' : 'mixed';
  if (declared === 'en' && script === 'Cyrillic') return `declared language "en" but the text is in Cyrillic script: check the language field`;
  if (CYRILLIC_LANGUAGES.has(declared) && script === 'Latin') return `declared language "${declared}" but the text is in Latin script: check the language field`;
  return CYRILLIC_LANGUAGES.has(declared) ? languageMismatch(declared, sample) : undefined;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
