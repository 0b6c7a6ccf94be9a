// Read the labelled reference set: `index.tsv` (file, label, publisher, url,
// date, chars) and one plain-text file per sample. This is a loader, like the
// corpus loader: the only file-system code of the style module besides the
// model file.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { LabelledText, StyleLabel } from './train.js';

/** `corpora/reference/translationese` (two levels above src/style and dist/style). */
export const REFERENCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../corpora/reference/translationese');

export interface ReferenceSample extends LabelledText {
  file: string;
  publisher: string;
  url: string;
  /** As given in the index: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, possibly with a note. */
  date: string;
  /** Year parsed from `date`. */
  year: number;
}

export function loadReferenceSet(dir: string = REFERENCE_DIR): ReferenceSample[] {
  const indexPath = join(dir, 'index.tsv');
  const rows: Record<string, string>[] = parse(readFileSync(indexPath, 'utf8'), {
    delimiter: '\t',
    columns: true,
    quote: false,
    skip_empty_lines: true,
  });
  return rows.map((row, i) => {
    const line = i + 2;
    for (const field of ['file', 'label', 'publisher', 'date']) {
      if (!row[field]) throw new Error(`${indexPath}:${line}: field "${field}" is empty`);
    }
    if (row.label !== 'translated' && row.label !== 'original') {
      throw new Error(`${indexPath}:${line}: field "label" must be translated or original, not "${row.label}"`);
    }
    const year = Number(/^\d{4}/.exec(row.date)?.[0]);
    if (!Number.isFinite(year)) throw new Error(`${indexPath}:${line}: field "date" has no year: "${row.date}"`);
    const text = readFileSync(join(dir, row.file), 'utf8').replace(/\s+$/, '');
    return {
      id: row.file.replace(/\.txt$/, ''),
      file: row.file,
      label: row.label as StyleLabel,
      publisher: row.publisher,
      url: row.url ?? '',
      date: row.date,
      year,
      text,
    };
  });
}
