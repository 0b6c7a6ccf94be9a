// What every corpus-reading subcommand shares: load the corpora named by the
// options, report load problems on stderr, resolve a plan argument.
import { printIssue, reportLoadIssues } from './colour.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { CLI_LIMITS, ImportError, importPlanFile, isImportable, type ImportedPlan } from '../corpus/import/index.js';
import { basename, dirname, join, resolve } from 'node:path';
import { formatIssue } from '../corpus/format-issue.js';
import { loadCorpusAsync } from '../corpus/load-async.js';
import { addDocument, BUILTIN_CORPUS_DIR, findDocument, loadCorpus, type LoadOptions } from '../corpus/load.js';
import { hasFrontMatter } from '../corpus/front-matter.js';
import { hiddenCharacters, parseDraft } from '../corpus/parse-document.js';
import { isCalendarDate, notADate } from '../corpus/schema.js';
import { decodeSource, sizeIssue } from '../corpus/source-text.js';
import type { Corpus, Document } from '../corpus/types.js';
import { UserError } from './errors.js';
import { registerRawText } from './raw-offsets.js';
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
  if (!quiet) reportLoadIssues(corpus.issues, options);
  return corpus;
}


/** Like `openCorpus`, but bulk files (JSON Lines, CSV) are streamed. */
export async function openCorpusAsync(options: CorpusOptions, { quiet = false } = {}): Promise<Corpus> {
  const progress = progressFor(options);
  const corpus = await loadCorpusAsync(loadOptions(options, progress));
  progress.stop();
  if (!quiet) reportLoadIssues(corpus.issues, options);
  return corpus;
}

function loadOptions(options: CorpusOptions, progress: ReturnType<typeof progressFor>): LoadOptions {
  return {
    corpora: options.corpus ?? [],
    builtin: options.builtin !== false,
    onProgress: (p) => progress.update(p.doneBytes, p.totalBytes, `loading ${p.file}`),
  };
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const stemOf = (file: string) => slug(basename(file).replace(/\.[^.]*$/, ''));
const extOf = (file: string) => slug(/\.([^.]*)$/.exec(basename(file))?.[1] ?? '');

/**
 * The id of a file argument: `file-` and its name without extension
 * (`file-plan`). When another file in `args` has that name too, what tells
 * them apart is added: the extension (`plan.docx`, `plan.pdf` → `file-plan-docx`,
 * `file-plan-pdf`), and the folder as well when the extensions are the same.
 */
function fileId(arg: string, args: string[] = []): string {
  const stem = stemOf(arg) || 'draft';
  const same = args.filter((o) => resolve(o) !== resolve(arg) && existsSync(o) && statSync(o).isFile() && (stemOf(o) || 'draft') === stem);
  if (!same.length) return `file-${stem}`;
  const ext = extOf(arg);
  const withExt = ext ? `${stem}-${ext}` : stem;
  if (same.every((o) => extOf(o) !== ext)) return `file-${withExt}`;
  return `file-${slug(basename(dirname(resolve(arg)))) || 'root'}-${withExt}`;
}

/**
 * `--date`: a real calendar day (YYYY-MM-DD) or undefined; anything else is a UserError saying what to write.
 */
export function draftDateOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) {
    throw new UserError(`--date ${notADate(value, '--date 2025-11-20')}`);
  }
  return value;
}

/**
 * For commands whose answer depends on the plan's date (match, export: what is an
 * antecedent and what a later echo): a note when a plan file gave no date (no
 * front matter, no --date) and was dated today, so statements made after a leak
 * do not silently show as its antecedents.
 */
export function noteUndatedDraft(plan: Document): void {
  if (!undatedDrafts.has(plan)) return;
  printIssue({
    severity: 'note',
    file: plan.path,
    field: 'date',
    message: `the draft gives no date, so it is dated today (${plan.date}) and every statement up to today counts as a possible antecedent: give its date with --date YYYY-MM-DD (or a \`date:\` line in front matter) to see which statements came before it`,
  });
}

/** Plan documents read by resolveDocument from files with neither front matter nor --date: dated today. */
const undatedDrafts = new WeakSet<Document>();

/**
 * A plan argument is a corpus id or a path to a file. A file may be a full
 * corpus document or a plain numbered list (a user's own draft). A file's
 * document is added to the corpus so later stages can find it by id. `args`
 * are all the plan arguments of the command, to tell apart files of one
 * name (see fileId). `date` (--date) dates a file without front matter; a corpus
 * document or a file with front matter keeps its own date, and a --date that
 * differs from it is a UserError rather than silently ignored (see ownDate).
 */
export function resolveDocument(corpus: Corpus, arg: string, { date, args = [] }: { date?: string; args?: string[] } = {}): Document {
  const byId = findDocument(corpus, arg);
  if (byId) return ownDate(byId, date, `${byId.id} is a corpus document`);
  if (existsSync(arg) && statSync(arg).isFile()) {
    // Refuse an oversized file before reading it into memory.
    const imported = importedPlans.get(arg);
    const tooBig = imported ? undefined : sizeIssue(statSync(arg).size, arg);
    if (tooBig) throw new UserError(formatIssue(tooBig));
    const decoded = imported ? { ok: true as const, text: imported.text } : decodeSource(readFileSync(arg), arg);
    if (!decoded.ok) throw new UserError(formatIssue(decoded.issue));
    const id = fileId(arg, args);
    const { document, issues } = parseDraft(decoded.text, { id, file: arg, title: basename(arg), ...(date !== undefined ? { date } : {}) });
    for (const issue of issues.filter((i) => i.severity !== 'error')) printIssue(issue);
    const error = issues.find((i) => i.severity === 'error');
    if (!document || error) throw new UserError(`${formatIssue(error!)}${imported ? ` (in the text extracted from the ${imported.format.toUpperCase()}, which begins ${JSON.stringify(excerpt(imported.text))})` : ''}`);
    // Front matter (a full corpus document) carries its own date: --date and the undated note do not apply.
    const frontMatter = hasFrontMatter(decoded.text);
    if (frontMatter) ownDate(document, date, `${arg} has front matter`);
    if (date === undefined && !frontMatter) undatedDrafts.add(document);
    if (imported) document.imported = { format: imported.format, pages: imported.pages, origins: imported.origins };
    // A file's offsets are reported into the file as given (CRLF, CR, BOM, front matter): see raw-offsets.ts.
    // An imported file's offsets refer to the extracted text, which `show --format json` prints.
    else registerRawText(document, new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync(arg)));
    const existing = findDocument(corpus, document.id);
    if (existing && existing.path !== document.path) document.id = `${document.id}-draft`;
    if (!findDocument(corpus, document.id)) addDocument(corpus, document);
    return document;
  }
  const known = corpus.documents.map((d) => d.id);
  // A shipped document's id while --no-builtin left the shipped corpora out.
  if (!corpus.documents.some((d) => d.builtin) && ['plans', 'statements'].some((sub) => existsSync(join(BUILTIN_CORPUS_DIR, sub, `${arg}.md`)))) {
    throw new UserError(`"${arg}" is a shipped document, and --no-builtin leaves the shipped corpora out: drop --no-builtin, or give the plan as a file`);
  }
  // An id typed with a Cyrillic look-alike, an invisible character or another dash reads right: compare what it shows.
  const shown = idSkeleton(arg);
  const near = known.filter((id) => id.includes(shown) || shown.includes(id)).slice(0, 3);
  const hidden = hiddenCharacters(arg).replace(/^; /, '');
  const hints = [hidden, near.length ? `did you mean ${near.join(', ')}?` : ''].filter(Boolean).join('; ');
  const quoted = JSON.stringify(arg).replace(/[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
  throw new UserError(`no document or file ${quoted}${hints ? ` (${hints})` : ''}; run "provenance list" to see the ids`);
}

/**
 * `doc` when --date is absent or agrees with its own date; else a UserError. Its date decides which
 * statements are antecedents and which later echoes, so a --date that would not be used must not pass
 * silently (a reporter's `match us-28-2025-11-20 --date 2025-01-01` printed the 20 Nov answer unmarked).
 */
function ownDate(doc: Document, date: string | undefined, what: string): Document {
  if (date === undefined || date === doc.date) return doc;
  throw new UserError(`--date ${date} does not apply: ${what} dated ${doc.date}, and its own date decides what counts as an antecedent; drop --date, or give the plan's text as a file without front matter to date it yourself`);
}

/** What an id argument shows: invisible characters left out, Cyrillic look-alikes as Latin letters, any dash as "-". */
function idSkeleton(arg: string): string {
  const latin: Record<string, string> = { а: 'a', с: 'c', е: 'e', о: 'o', р: 'p', х: 'x', у: 'y', і: 'i', к: 'k', м: 'm', т: 't', н: 'h', в: 'b' };
  return arg
    .replace(/[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu, '')
    .replace(/\p{Pd}/gu, '-')
    .toLowerCase()
    .replace(/[асеорхуікмтнв]/g, (c) => latin[c]);
}

/** The start of an extracted text, on one line, for a message. */
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/** Plan text read from PDF, Word and HTML arguments, by argument (see `importPlanArguments`). */
const importedPlans = new Map<string, ImportedPlan>();

/**
 * Read the arguments that are PDF, Word or HTML files (by name or by their
 * first bytes) into plan text, before a command resolves them: importers are
 * asynchronous, `resolveDocument` is not. Other arguments are left alone.
 * Throws UserError naming the file and the problem.
 */
export async function importPlanArguments(args: unknown[]): Promise<void> {
  for (const arg of args.flat()) {
    if (typeof arg !== 'string' || importedPlans.has(arg) || !existsSync(arg) || !statSync(arg).isFile()) continue;
    const size = statSync(arg).size;
    if (size > CLI_LIMITS.maxBytes) {
      if (isImportable(arg, new Uint8Array())) throw new UserError(formatIssue({ severity: 'error', file: arg, field: 'file', message: `the file is ${(size / 1e6).toFixed(1)} MB; the limit is ${CLI_LIMITS.maxBytes / 1e6} MB` }));
      continue; // a plain-text file: resolveDocument reports its size
    }
    const bytes = readFileSync(arg);
    if (!isImportable(arg, bytes)) continue;
    try {
      importedPlans.set(arg, await importPlanFile(bytes, arg, CLI_LIMITS));
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      throw new UserError(formatIssue({ severity: 'error', file: arg, field: 'file', message: e.message }));
    }
  }
}

/** The plan text read from `arg` by `importPlanArguments`, if it was a PDF, Word or HTML file. */
export function importedPlan(arg: string): ImportedPlan | undefined {
  return importedPlans.get(arg);
}

export { printJson } from './output.js';
