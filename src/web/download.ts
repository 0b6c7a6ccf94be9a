// Sending one exported table as a file download.
import type { Response } from 'express';
import { CONTENT_TYPES, serialize, type ExportFormat, type ExportTable } from '../export/table.js';

/** `basename` is built from corpus ids (already validated) and fixed words; anything else is replaced. */
export function sendTable(res: Response, table: ExportTable, format: ExportFormat, basename: string): void {
  const safe = basename.replace(/[^a-z0-9._-]+/gi, '-').slice(0, 150) || 'table';
  res.set('Content-Type', CONTENT_TYPES[format]);
  res.set('Content-Disposition', `attachment; filename="${safe}.${format}"`);
  res.send(serialize(table, format));
}

/** Links for a page's download buttons: the page's own URL with `format` set. */
export function downloadLinks(path: string, query: Record<string, string> = {}): { format: ExportFormat; label: string; href: string }[] {
  const labels: Record<ExportFormat, string> = { csv: 'CSV', json: 'JSON', md: 'Markdown' };
  return (['csv', 'json', 'md'] as ExportFormat[]).map((format) => ({
    format,
    label: labels[format],
    href: `${path}?${new URLSearchParams({ ...query, format }).toString()}`,
  }));
}
