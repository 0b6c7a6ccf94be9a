// One table, three serialisations. Every exported table (alignment,
// provenance, translationese) is rows of plain values plus column names, and
// goes out as CSV (RFC 4180, via csv-stringify), JSON or a Markdown table.
// This is the one CSV writer: every CSV the CLI prints and every web download
// goes through `toCsv`, so quoting and formula neutralising hold everywhere.
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | boolean | null | undefined;

export interface ExportTable {
  columns: string[];
  rows: Record<string, Cell>[];
}

export type ExportFormat = 'csv' | 'json' | 'md';

export const EXPORT_FORMATS: ExportFormat[] = ['csv', 'json', 'md'];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/**
 * RFC 4180 CSV with CRLF record ends and a header row. Any field holding a
 * comma, a double quote, CR or LF is quoted (csv-stringify quotes only what
 * contains its own record delimiter, so a bare LF inside a CRLF file needs
 * `quoted_match`). Text cells a spreadsheet would run as a formula are
 * neutralised first (see `neutraliseFormula`).
 */
export function toCsv(table: ExportTable): string {
  return stringify(
    table.rows.map((r) => table.columns.map((c) => csvCell(r[c]))),
    { header: true, columns: table.columns.map(neutraliseFormula), record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}

/**
 * Characters that make Excel, LibreOffice or Google Sheets read a cell as a
 * formula (OWASP "CSV Injection": = + - @ tab CR; full-width ＝ ＋ － ＠ too, as
 * some spreadsheets fold them), also after leading blanks: an import that
 * trims spaces first (LibreOffice's "Trim spaces" option, scripts that strip
 * cells) turns " =HYPERLINK(…)" back into a formula. Blanks are
 * any white space (LF included), space separator or invisible format
 * character (a zero-width space or BOM is as easy to paste as a space), and
 * the controls Python's str.strip() also removes (U+001C–U+001F, NEL).
 */
const FORMULA_START = /^[\s\p{Zs}\p{Cf}\x1c-\x1f\x85]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/u;

/**
 * A text cell made inert for spreadsheets: one leading `'` when it starts with
 * a formula trigger, blanks before it included (OWASP's advice, followed for
 * every such cell, so "-30" becomes "'-30": a spreadsheet shows it as text,
 * not the number). Cells that are JS numbers are our own computed values and
 * are written as numbers.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvCell(v: Cell): string {
  return typeof v === 'string' ? neutraliseFormula(v) : cellText(v);
}

export function toJson(table: ExportTable): string {
  return `${JSON.stringify(table.rows.map((r) => Object.fromEntries(table.columns.map((c) => [c, r[c] ?? null]))), null, 2)}\n`;
}

/**
 * A GitHub-flavoured Markdown table; pipes and line breaks in cells are escaped. Every line end is
 * one (CommonMark ends a line at CR alone too; NEL, U+2028 and U+2029 break it in many viewers).
 */
export function toMarkdown(table: ExportTable): string {
  const esc = (v: Cell) => cellText(v).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, '<br>');
  const head = `| ${table.columns.join(' | ')} |`;
  const rule = `| ${table.columns.map(() => '---').join(' | ')} |`;
  const body = table.rows.map((r) => `| ${table.columns.map((c) => esc(r[c])).join(' | ')} |`);
  return `${[head, rule, ...body].join('\n')}\n`;
}

export function serialize(table: ExportTable, format: ExportFormat): string {
  return format === 'csv' ? toCsv(table) : format === 'json' ? toJson(table) : toMarkdown(table);
}

function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e4) / 1e4);
  return String(v);
}
