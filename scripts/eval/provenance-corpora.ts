// The two corpus settings the provenance eval and training use: the shipped
// statements alone, and with the bulk Kremlin archive (6,807 en.kremlin.ru
// pages) added as `--corpus` would add it. PROVENANCE_BULK names another copy
// of the archive (e.g. ../shared/bulk/kremlin-en-2000-2020.jsonl.gz).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { MemoryPassageIndex } from '../../src/provenance/index.js';
import { openPassageIndex } from '../../src/provenance/open-index.js';
import type { PassageIndex } from '../../src/provenance/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BULK_PATH = process.env.PROVENANCE_BULK ? resolve(process.env.PROVENANCE_BULK) : resolve(ROOT, 'data/bulk/kremlin-en-2000-2020.jsonl.gz');

export interface Setting {
  name: string;
  corpus: Corpus;
  index: PassageIndex;
  /** The bulk file, when the setting has one. */
  bulk?: string;
  close(): void;
}

export function shippedSetting(): Setting {
  const corpus = loadCorpus({});
  return { name: 'shipped statements', corpus, index: MemoryPassageIndex.fromDocuments(corpus.documents), close() {} };
}

/** Undefined when the archive file is not there. */
export function bulkSetting(): Setting | undefined {
  if (!existsSync(BULK_PATH)) return undefined;
  const corpus = loadCorpus({ corpora: [BULK_PATH] });
  const opened = openPassageIndex(corpus);
  return { name: `+ bulk Kremlin archive (${opened.index.size} passages)`, corpus, index: opened.index, bulk: BULK_PATH, close: () => opened.close() };
}
