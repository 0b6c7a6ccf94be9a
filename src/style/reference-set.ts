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
/** `corpora/reference/translationese-un`: UN General Debate, the UN's English of USSR/Russian speeches vs English originals. */
export const REFERENCE_UN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../corpora/reference/translationese-un');

/** The two reference sets: `statements` (Kremlin, MFA, missions vs US/UK statements, 2019–2025) and `un` (UN General Debate, 1946–2023). */
export type ReferenceSetName = 'statements' | 'un';

export interface ReferenceSample extends LabelledText {
  file: string;
  publisher: string;
  url: string;
  /** As given in the index: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, possibly with a note. */
  date: string;
  /** Year parsed from `date`. */
  year: number;
  /** Publisher group for grouped cross-validation (reposts count as their publisher). */
  group: string;
  /** Which reference set the sample comes from. */
  set: ReferenceSetName;
}

/** Both reference sets, statements first: what the shipped model is trained on. */
export function loadReferenceSets(): ReferenceSample[] {
  return [...loadReferenceSet(REFERENCE_DIR, 'statements'), ...loadReferenceSet(REFERENCE_UN_DIR, 'un')];
}

/** Publisher groups: reposts of one publisher's text belong to that publisher. */
export function publisherGroup(publisher: string): string {
  const p = publisher.toLowerCase();
  const rules: [RegExp, string][] = [
    [/kremlin|president of russia/, 'Kremlin'],
    [/russian federation to the un/, 'Russian Mission to the UN'],
    [/russian federation to the osce/, 'Russian Mission/Delegation to the OSCE'],
    [/pravda/, 'Pravda.ru'],
    [/white house/, 'White House'],
    [/department of state/, 'US State Department'],
    [/u\.s\. mission to the osce/, 'US Mission to the OSCE'],
    [/u\.s\. mission to the united nations/, 'US Mission to the UN'],
    [/uk government/, 'UK Government'],
    [/opcw/, 'US delegation to the OPCW'],
    [/congress|senator|house foreign affairs/, 'US Congress'],
  ];
  return rules.find(([re]) => re.test(p))?.[1] ?? publisher;
}


export function loadReferenceSet(dir: string = REFERENCE_DIR, set: ReferenceSetName = 'statements'): ReferenceSample[] {
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
      group: publisherGroup(row.publisher),
      set,
      text,
    };
  });
}
