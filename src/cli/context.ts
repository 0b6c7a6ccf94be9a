// What every corpus-reading subcommand shares: load the corpora named by the
// options, report load problems on stderr, resolve a plan argument.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { formatIssue } from '../corpus/format-issue.js';
import { loadCorpusAsync } from '../corpus/load-async.js';
import { addDocument, findDocument, loadCorpus, type LoadOptions } from '../corpus/load.js';
import { parseDraft } from '../corpus/parse-document.js';
import { decodeSource, sizeIssue } from '../corpus/source-text.js';
import type { Corpus, Document } from '../corpus/types.js';
import { UserError } from './errors.js';
import { registerRawText } from './raw-offsets.js';
import { hasFrontMatter } from '../corpus/front-matter.js';
import { progressFor } from './progress.js';

export interface CorpusOptions {
  corpus?: string[];
  builtin?: boolean;
  /** `--format json` keeps stderr free of progress bars. */
  format?: string;
}

export function openCorpus(options: CorpusOptions, { quiet = false } = {}): Corpus {
  const progress = progressFor(options);
  const corpus = loadCorpus(loadOptions(options, progress));
  progress.stop();
  if (!quiet) for (const issue of corpus.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  return corpus;
}

/** Like `openCorpus`, but bulk files (JSON Lines, CSV) are streamed. */
export async function openCorpusAsync(options: CorpusOptions, { quiet = false } = {}): Promise<Corpus> {
  const progress = progressFor(options);
  const corpus = await loadCorpusAsync(loadOptions(options, progress));
  progress.stop();
  if (!quiet) for (const issue of corpus.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  return corpus;
}

function loadOptions(options: CorpusOptions, progress: ReturnType<typeof progressFor>): LoadOptions {
  return {
    corpora: options.corpus ?? [],
    builtin: options.builtin !== false,
    onProgress: (p) => progress.update(p.doneBytes, p.totalBytes, `loading ${p.file}`),
  };
}

/**
 * A plan argument is a corpus id or a path to a file. A file may be a full
 * corpus document or a plain numbered list (a user's own draft). A file's
 * document is added to the corpus so later stages can find it by id.
 */
export function resolveDocument(corpus: Corpus, arg: string): Document {
  const byId = findDocument(corpus, arg);
  if (byId) return byId;
  if (existsSync(arg) && statSync(arg).isFile()) {
    // Refuse an oversized file before reading it into memory.
    const tooBig = sizeIssue(statSync(arg).size, arg);
    if (tooBig) throw new UserError(formatIssue(tooBig));
    const decoded = decodeSource(readFileSync(arg), arg);
    if (!decoded.ok) throw new UserError(formatIssue(decoded.issue));
    const id = `file-${basename(arg).replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'draft'}`;
    const { document, issues } = parseDraft(decoded.text, { id, file: arg, title: basename(arg) });
    for (const issue of issues.filter((i) => i.severity === 'warning')) process.stderr.write(`${formatIssue(issue)}\n`);
    const error = issues.find((i) => i.severity === 'error');
    if (!document || error) throw new UserError(formatIssue(error!));
    // A plain-text draft's offsets are reported into the file as given (CRLF, BOM): see raw-offsets.ts.
    if (!hasFrontMatter(decoded.text)) registerRawText(document, new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync(arg)));
    const existing = findDocument(corpus, document.id);
    if (existing && existing.path !== document.path) document.id = `${document.id}-draft`;
    if (!findDocument(corpus, document.id)) addDocument(corpus, document);
    return document;
  }
  const known = corpus.documents.map((d) => d.id);
  const near = known.filter((id) => id.includes(arg) || arg.includes(id)).slice(0, 3);
  throw new UserError(`no document or file "${arg}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; run "provenance list" to see the ids`);
}

export { printJson } from './output.js';
