// The web view: loads and indexes the corpora once at start-up, then serves
// server-rendered EJS pages. Requests never re-read files.
import express from 'express';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIssue } from '../corpus/format-issue.js';
import { loadCorpus } from '../corpus/load.js';
import { summarizeDocument } from '../corpus/summary.js';
import type { Corpus } from '../corpus/types.js';

const VIEWS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../views');

export interface ServerOptions {
  port: number;
  host?: string;
  corpora: string[];
  builtin: boolean;
}

export interface AppState {
  corpus: Corpus;
  options: ServerOptions;
}

export function createApp(state: AppState): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  app.get('/', (_req, res) => {
    res.render('overview', { documents: state.corpus.documents.map(summarizeDocument), issues: state.corpus.issues.map(formatIssue) });
  });
  return app;
}

export async function startServer(options: ServerOptions): Promise<import('node:http').Server> {
  const corpus = loadCorpus({ corpora: options.corpora, builtin: options.builtin });
  for (const issue of corpus.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  const app = createApp({ corpus, options });
  return new Promise((resolveServer, reject) => {
    const server = app.listen(options.port, options.host ?? '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      process.stdout.write(`plan-provenance: serving ${corpus.documents.length} documents at http://${options.host ?? '127.0.0.1'}:${port}/\n`);
      resolveServer(server);
    });
    server.on('error', reject);
  });
}
