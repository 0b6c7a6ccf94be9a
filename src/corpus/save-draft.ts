// Keep a user's draft: turn it into a corpus file (front matter + numbered
// list), check that the exact text to be written loads as a document, and
// write it atomically into a user corpus folder — never into the shipped
// `corpora/`. The next start lists it like any other document.
import { realpathSync, statSync } from 'node:fs';
import { access, readdir } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { writeFileAtomic } from './atomic-write.js';
import { hasFrontMatter } from './front-matter.js';
import { BUILTIN_CORPUS_DIR } from './load.js';
import { parseDocumentSource, parseDraft } from './parse-document.js';
import { ID_PATTERN } from './schema.js';
import { SIDES, type Corpus, type Document, type LoadIssue, type Side } from './types.js';

/** A folder of saved drafts stops accepting new ones here (a public instance must not fill its disk). */
export const MAX_SAVED_DRAFTS = 500;
/** Titles are one line of text. */
export const MAX_TITLE_CHARS = 200;

export interface DraftToSave {
  /** The pasted draft: a plain numbered list, or a full corpus document with front matter. */
  source: string;
  id: string;
  title: string;
  /** Where the draft came from: every corpus document names at least one source. */
  sourceUrl: string;
  side?: Side;
  /** ISO date; defaults to today. */
  date?: string;
  language?: string;
}

export type SaveOutcome =
  | { ok: true; document: Document; file: string; replaced: boolean }
  | { ok: false; reason: 'invalid' | 'taken' | 'full'; issues: LoadIssue[] };

/** The first `--corpus` folder that exists and lies outside the shipped corpora; saving is off without one. */
export function saveFolder(corpora: string[]): string | undefined {
  const shipped = realpathSync(BUILTIN_CORPUS_DIR);
  for (const path of corpora) {
    let real: string;
    try {
      real = realpathSync(path);
      if (!statSync(real).isDirectory()) continue;
    } catch {
      continue;
    }
    if (real === shipped || real.startsWith(shipped + sep) || shipped.startsWith(real + sep)) continue;
    return real;
  }
  return undefined;
}

/**
 * The corpus file for a draft, or the problems that keep it from being one.
 * A draft that already has front matter is kept as written; otherwise the
 * front matter comes from the form's fields.
 */
export function composeDraftFile(draft: DraftToSave, file: string): { ok: true; text: string; document: Document } | { ok: false; issues: LoadIssue[] } {
  const problems = checkFields(draft, file);
  if (problems.length) return { ok: false, issues: problems };
  let text: string;
  if (hasFrontMatter(draft.source)) {
    text = draft.source.endsWith('\n') ? draft.source : `${draft.source}\n`;
  } else {
    // Parse the bare list first, so its problems carry the draft's own line numbers.
    const bare = parseDraft(draft.source, { id: draft.id, file });
    const errors = bare.issues.filter((i) => i.severity === 'error');
    if (errors.length || !bare.document) return { ok: false, issues: errors };
    const fields = {
      id: draft.id,
      kind: 'plan',
      title: draft.title,
      side: draft.side ?? 'unknown',
      date: draft.date ?? new Date().toISOString().slice(0, 10),
      language: draft.language ?? bare.document.language,
      sources: [draft.sourceUrl],
      notes: 'Saved from the web view by a user; not part of the shipped corpora.',
    };
    // lineWidth 0: no folding, so no value can put a `---` line at the start of a line.
    const yaml = stringify(fields, { lineWidth: 0 });
    text = `---\n${yaml}---\n${bare.document.text}\n`;
  }
  // Check the exact bytes that will be written: what loads now loads after a restart.
  const { document, issues } = parseDocumentSource(text, file);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length || !document) return { ok: false, issues: errors };
  if (document.kind !== 'plan') return { ok: false, issues: [issue(file, 'kind', 'a saved draft is a plan: its front matter must say `kind: plan`')] };
  if (!hasFrontMatter(draft.source) && document.id !== draft.id) return { ok: false, issues: [issue(file, 'id', 'the id did not survive writing the front matter')] };
  return { ok: true, text, document };
}

/**
 * Validate and write one draft into `folder` as `<id>.md`. A document with the
 * same id is replaced only if it is this very file (a new version of the same
 * saved draft); any other holder of the id wins.
 */
export async function saveDraft(corpus: Corpus, folder: string, draft: DraftToSave): Promise<SaveOutcome> {
  let idOf = draft.id;
  if (hasFrontMatter(draft.source)) {
    const own = parseDocumentSource(draft.source, '<draft>');
    if (!own.document) return { ok: false, reason: 'invalid', issues: own.issues.filter((i) => i.severity === 'error') };
    idOf = own.document.id;
  }
  if (!ID_PATTERN.test(idOf)) {
    return { ok: false, reason: 'invalid', issues: [issue('<draft>', 'id', `id "${idOf.slice(0, 60)}" must use only lowercase letters, digits and single dashes, e.g. my-draft-2025-11-25`)] };
  }
  // The id passed ID_PATTERN (no dots, slashes or separators), so the name stays in the folder.
  const file = join(folder, `${idOf}.md`);
  // One save of a file at a time, so the loaded corpus ends with the version the disk holds.
  return serialized(file, () => writeDraft(corpus, file, draft));
}

async function writeDraft(corpus: Corpus, file: string, draft: DraftToSave): Promise<SaveOutcome> {
  const composed = composeDraftFile(draft, file);
  if (!composed.ok) return { ok: false, reason: 'invalid', issues: composed.issues };
  const { document, text } = composed;

  const holder = corpus.documents.find((d) => d.id === document.id);
  const replaced = holder !== undefined;
  if (holder && !samePath(holder.path, file)) {
    // No server path in the message: it is shown to web visitors.
    return { ok: false, reason: 'taken', issues: [issue(file, 'id', `id "${document.id}" is already used by ${holder.builtin ? 'a shipped document' : 'another document'}: choose another id`)] };
  }
  if (!replaced && (await exists(file))) {
    // A file that did not load (invalid, or a duplicate id) is still someone's work: never overwrite it.
    return { ok: false, reason: 'taken', issues: [issue(file, 'id', `a file for id "${document.id}" already exists but did not load: choose another id`)] };
  }
  if (!replaced) {
    const saved = (await readdir(dirname(file))).filter((n) => n.endsWith('.md')).length;
    if (saved >= MAX_SAVED_DRAFTS) return { ok: false, reason: 'full', issues: [issue(file, 'file', `the folder already holds ${saved} documents; the limit is ${MAX_SAVED_DRAFTS}`)] };
  }
  await writeFileAtomic(file, text);
  document.path = holder?.path ?? file;
  return { ok: true, document, file, replaced };
}

/** Put a saved document into the loaded corpus, replacing its previous version in place. */
export function putDocument(corpus: Corpus, document: Document): void {
  const at = corpus.documents.findIndex((d) => d.id === document.id);
  if (at >= 0) corpus.documents[at] = document;
  else corpus.documents.push(document);
}

function checkFields(draft: DraftToSave, file: string): LoadIssue[] {
  const problems: LoadIssue[] = [];
  if (hasFrontMatter(draft.source)) return problems; // the draft's own front matter is checked by the parser
  if (!draft.title.trim()) problems.push(issue(file, 'title', 'give the draft a title'));
  // One line, no control characters: a title is shown in lists and page headings.
  if (draft.title.length > MAX_TITLE_CHARS || /[\u0000-\u001f\u007f\u2028\u2029]/.test(draft.title)) {
    problems.push(issue(file, 'title', `the title must be one line of at most ${MAX_TITLE_CHARS} characters`));
  }
  if (draft.side !== undefined && !(SIDES as readonly string[]).includes(draft.side)) problems.push(issue(file, 'side', `side must be one of: ${SIDES.join(', ')}`));
  // Named here, by the form's field, rather than by a line of front matter the user never wrote.
  if (!isHttpUrl(draft.sourceUrl)) problems.push(issue(file, 'source_url', 'give the http(s) address the draft was taken from, e.g. https://example.org/page'));
  if (draft.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) problems.push(issue(file, 'date', 'the date must look like 2025-11-20'));
  return problems;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const pending = new Map<string, Promise<unknown>>();

function serialized<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = pending.get(key) ?? Promise.resolve();
  const next = previous.then(run, run);
  const settled = next.catch(() => undefined);
  pending.set(key, settled);
  void settled.then(() => {
    if (pending.get(key) === settled) pending.delete(key);
  });
  return next;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(resolve(p));
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

function issue(file: string, field: string, message: string): LoadIssue {
  return { severity: 'error', file, field, message };
}
