// What every importer (PDF, DOCX, HTML) hands back: plan text in the numbered
// list format the loader segments, and where each line of it came from.

export type ImportFormat = 'pdf' | 'docx' | 'html';

/**
 * One block of the document as the author saw it, in reading order.
 * - `paragraph`: unnumbered text (titles, preamble, banners, continuations);
 * - `item`: a list item at `level` (0 = a plan point), with the number or
 *   letter the author saw (`marker`, e.g. `14`, `b`), or none for a bullet.
 */
export interface Block {
  kind: 'paragraph' | 'item';
  level: number;
  /** `decimal` shows as `14.`, `letter` as `b)`, `bullet` and anything else as `-`. */
  style?: 'decimal' | 'letter' | 'bullet';
  marker?: string;
  /** One line of text: inner line breaks already joined. */
  text: string;
  /** Where it came from, e.g. `page 2, line 14`, `paragraph 12`, `body > ol[1] > li[3]`. */
  where: string;
}

/** Where one line of the plan text came from. */
export interface LineOrigin {
  /** 1-based line in the plan text. */
  line: number;
  where: string;
}

export interface ImportedPlan {
  format: ImportFormat;
  /** Plan text: `1. …` points, indented `a) …` / `- …` sub-items, preamble paragraphs. */
  text: string;
  origins: LineOrigin[];
  /** Pages read (PDF only). */
  pages?: number;
}

/** Limits an importer enforces before and while it reads; callers pick them (the web view is stricter). */
export interface ImportLimits {
  /** Most bytes of the file itself. */
  maxBytes: number;
  /** Most pages a PDF may have. */
  maxPages: number;
  /** Most bytes a DOCX's parts, or a PDF's compressed streams (images aside), may unpack to, added up. */
  maxUnpackedBytes: number;
  /** Most characters of extracted text. */
  maxTextChars: number;
  /** Most milliseconds reading a PDF's pages may take (a timer: pdf.js's thread is ended when it fires, inside a page too). */
  maxMillis: number;
}

export const CLI_LIMITS: ImportLimits = { maxBytes: 20_000_000, maxPages: 500, maxUnpackedBytes: 50_000_000, maxTextChars: 2_000_000, maxMillis: 120_000 };

/** The problem with one file, as one line without the file name (the caller adds it). */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
