import type { Corpus } from '../corpus/types.js';
import type { DraftAnalyser } from './draft-pool.js';

export interface ServerOptions {
  port: number;
  host?: string;
  corpora: string[];
  builtin: boolean;
  /** Worker threads analysing drafts (0: on the server's thread). Default: one per core, at most 4. */
  draftThreads?: number;
  /** Told how far building a bulk file's index has got (passages), before the server listens; stopped when the index is open. */
  indexProgress?: { update(done: number, total: number, label: string): void; stop(): void };
}

/** Everything a request may read: the corpora loaded once at start-up. */
export interface AppState {
  corpus: Corpus;
  options: ServerOptions;
  /** Where drafts are analysed; absent: on the server's thread (draft-pool.ts). */
  drafts?: DraftAnalyser;
}
