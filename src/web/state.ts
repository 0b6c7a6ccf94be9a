import type { Corpus } from '../corpus/types.js';

export interface ServerOptions {
  port: number;
  host?: string;
  corpora: string[];
  builtin: boolean;
}

/** Everything a request may read: the corpora loaded once at start-up. */
export interface AppState {
  corpus: Corpus;
  options: ServerOptions;
}
