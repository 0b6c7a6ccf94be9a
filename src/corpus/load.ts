// Load corpus folders: every `*.md` file below them (README.md and SOURCES.md
// are documentation, not documents). A bad file is reported and skipped; the
// rest of the corpus still loads.
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addBulkFileSync, isBulkFile } from './bulk-file.js';
import { hasFrontMatter, splitFrontMatter, type FrontMatterResult } from './front-matter.js';
import { cachedMarkdownFiles } from './markdown-cache.js';
import { parseDocumentSource } from './parse-document.js';
import { decodeSource, sizeIssue } from './source-text.js';
import type { Corpus, Document, LoadIssue } from './types.js';

/** The shipped corpora folder (two levels above both src/corpus and dist/corpus). */
export const BUILTIN_CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../corpora');

const NOT_DOCUMENTS = new Set(['readme.md', 'sources.md']);

export interface LoadOptions {
  /** Extra corpus folders or files (`--corpus`). */
  corpora?: string[];
  /** Include the shipped corpora (default true; `--no-builtin` sets false). */
  builtin?: boolean;
  /** Told how far reading a bulk file (JSON Lines, CSV) has got. */
  onProgress?: (progress: LoadProgress) => void;
  /** Use and keep bulk files' load caches (`<file>.load-cache`, bulk-cache.ts; default true). The benchmark turns them off to time a plain load. */
  bulkCache?: boolean;
}

export interface LoadProgress {
  /** The bulk file being read, as shown in messages. */
  file: string;
  doneBytes: number;
  totalBytes: number;
}

export function loadCorpus(options: LoadOptions = {}): Corpus {
  const corpus: Corpus = { documents: [], issues: [] };
  const sources: { path: string; builtin: boolean }[] = [];
  if (options.builtin !== false) sources.push({ path: BUILTIN_CORPUS_DIR, builtin: true });
  for (const p of options.corpora ?? []) sources.push({ path: resolve(p), builtin: false });
  for (const source of sources) addPath(corpus, source.path, source.builtin, { onProgress: options.onProgress, bulkCache: options.bulkCache });
  return corpus;
}

/** Add one folder (recursively) or one Markdown file to a corpus, in place. */
export function addPath(corpus: Corpus, path: string, builtin: boolean, { onProgress, bulkCache }: Pick<LoadOptions, 'onProgress' | 'bulkCache'> = {}): void {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    corpus.issues.push({ severity: 'error', file: path, field: 'corpus', message: 'no such file or folder: check the --corpus path' });
    return;
  }
  // A JSON Lines or CSV file holds many statements (see bulk-file.ts).
  if (!isDir && isBulkFile(path)) {
    const shown = displayPath(path);
    return addBulkFileSync(corpus, path, { shown, builtin, cache: bulkCache, onProgress: onProgress && ((doneBytes, totalBytes) => onProgress({ file: shown, doneBytes, totalBytes })) });
  }
  const files = isDir ? markdownFiles(path, corpus) : [path];
  // Parsed through the cache of parsed Markdown files (markdown-cache.ts) when every file can be read.
  const outcomes = cachedMarkdownFiles(files, { builtin, inFolder: isDir }, readMarkdownFile) ?? files.map((file) => readMarkdownFile(file, { builtin, inFolder: isDir }));
  for (const outcome of outcomes) addOutcome(corpus, outcome);
}

/**
 * Parse one Markdown file into the corpus. `inFolder`: the file was found by
 * walking a folder, so a Markdown file without front matter is somebody's
 * README or notes, skipped with a note (a file named on its own must be a document).
 */
export function addFile(corpus: Corpus, file: string, builtin: boolean, { inFolder = false } = {}): Document | undefined {
  return addOutcome(corpus, readMarkdownFile(file, { builtin, inFolder }));
}

/** What reading one Markdown file gives, before it joins a corpus: its document, if any, and its issues in order. */
export interface FileOutcome {
  document?: Document;
  issues: LoadIssue[];
}

/** Add a file's issues and then its document (unless its id is taken: addDocument) to the corpus; the document if added. */
function addOutcome(corpus: Corpus, { document, issues }: FileOutcome): Document | undefined {
  corpus.issues.push(...issues);
  if (!document) return undefined;
  return addDocument(corpus, document) ? document : undefined;
}

/**
 * Read and parse one Markdown file (addFile's work, without the corpus): its
 * document and issues. `bytes`: the file's contents when the caller has read
 * them already (markdown-cache.ts, after checking the size). Never throws.
 */
export function readMarkdownFile(file: string, { builtin, inFolder }: { builtin: boolean; inFolder: boolean }, bytes?: Uint8Array): FileOutcome {
  const shown = displayPath(file);
  if (!bytes) {
    try {
      // Check the size before reading: a stray multi-gigabyte file must not be read into memory.
      const tooBig = sizeIssue(statSync(file).size, shown);
      if (tooBig) return { issues: [tooBig] };
      bytes = readFileSync(file);
    } catch (e) {
      return { issues: [{ severity: 'error', file: shown, field: 'file', message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})` }] };
    }
  }
  const decoded = decodeSource(bytes, shown);
  if (!decoded.ok) return { issues: [decoded.issue] };
  // Front matter that parses is read once, for this check and for the document.
  const frontMatter = inFolder && hasFrontMatter(decoded.text) ? splitFrontMatter(decoded.text, shown) : undefined;
  const foreign = inFolder ? notCorpusDocument(frontMatter) : undefined;
  if (foreign) {
    return { issues: [{ severity: 'note', file: shown, field: 'front matter', message: `${foreign}, so not a corpus document (a README, notes or a web page?): skipped. To load it, give it corpus front matter (see corpora/README.md)` }] };
  }
  return parseDocumentSource(decoded.text, shown, { builtin, ...(frontMatter?.ok ? { frontMatter } : {}) });
}

/**
 * Why a Markdown file found in a corpus folder is not meant as a corpus
 * document, or undefined if it is (or may be: then its problems are errors).
 * No front matter at all, or front matter with none of the fields every
 * corpus document has (`id`, `kind`, `sources`: a static-site page's `layout`/`title`).
 * `fm`: splitFrontMatter of the file's text, undefined when it has no front matter.
 */
function notCorpusDocument(fm: FrontMatterResult | undefined): string | undefined {
  if (!fm) return 'no front matter';
  if (!fm.ok) return undefined;
  return ['id', 'kind', 'sources'].some((k) => k in fm.value.data) ? undefined : 'front matter without id, kind or sources';
}

/** Add a parsed document unless its id is taken; the first document keeps the id. */
export function addDocument(corpus: Corpus, document: Document): boolean {
  const clash = corpus.documents.find((d) => d.id === document.id);
  if (clash) {
    const issue: LoadIssue = {
      severity: 'error',
      file: document.path,
      line: 2,
      field: 'id',
      message: `duplicate id "${document.id}" (already used by ${clash.path}): give this document another id`,
    };
    corpus.issues.push(issue);
    return false;
  }
  corpus.documents.push(document);
  return true;
}

function markdownFiles(dir: string, corpus: Corpus): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 8) return; // symlink loops and absurd nesting
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      // An unreadable sub-folder is one problem, not the end of the corpus.
      corpus.issues.push({ severity: 'error', file: displayPath(d), field: 'corpus', message: `cannot read the folder (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md') && !NOT_DOCUMENTS.has(entry.name.toLowerCase())) out.push(full);
    }
  };
  walk(dir, 0);
  return out;
}

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

export function findDocument(corpus: Corpus, id: string): Document | undefined {
  return corpus.documents.find((d) => d.id === id);
}
