// One table, three serialisations. Every exported table (alignment,
// provenance, translationese) is rows of plain values plus column names, and
// goes out as CSV (RFC 4180, via csv-stringify), JSON or a Markdown table.
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

export function toCsv(table: ExportTable): string {
  return stringify(
    table.rows.map((r) => table.columns.map((c) => cellText(r[c]))),
    { header: true, columns: table.columns, record_delimiter: 'windows', quoted_match: /^[=+\-@]/ },
  );
}

export function toJson(table: ExportTable): string {
  return `${JSON.stringify(table.rows.map((r) => Object.fromEntries(table.columns.map((c) => [c, r[c] ?? null]))), null, 2)}\n`;
}

/** A GitHub-flavoured Markdown table; pipes and line breaks in cells are escaped. */
export function toMarkdown(table: ExportTable): string {
  const esc = (v: Cell) => cellText(v).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
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
