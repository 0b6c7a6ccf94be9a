// `/draft`: a visitor's own numbered draft, pasted or uploaded, compared,
// matched and scored against the loaded corpora. The draft lives only for the
// request: nothing is written to disk and the shipped corpora are untouched.
import express, { type Request, type Router } from 'express';
import multer from 'multer';
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { formatIssue } from '../../corpus/format-issue.js';
import { importPlanFile, ImportError, isImportable, type ImportLimits, type LineOrigin } from '../../corpus/import/index.js';
import { parseDraft } from '../../corpus/parse-document.js';
import { decodeSource, normaliseSource } from '../../corpus/source-text.js';
import type { Document } from '../../corpus/types.js';
import { CancelledError, QueueFullError, WorkQueue } from '../work-queue.js';
import { HttpError, badRequest } from '../http-errors.js';
import { documentById, downloadFormat } from '../params.js';
import type { AppState } from '../state.js';
import { documentRows } from './overview.js';
import { compareView } from '../compare-view.js';
import { sendTable } from '../download.js';
import { matchResult } from '../provenance-view.js';
import { alignmentExport } from '../tables.js';
import { provenanceTable, type MatchResult } from '../../provenance/index.js';
import { scoreDocument, translationeseTable, type TranslationeseResult } from '../../style/index.js';
import { LruCache } from '../memo.js';
import { provenanceView } from './plan.js';
import { styleView } from './style.js';

/** Largest draft accepted, pasted or uploaded. The longest real plan is ~20 kB; this leaves room for a long paste. */
export const DRAFT_LIMIT_BYTES = 256 * 1024;
export const DRAFT_LIMIT_LABEL = '256 kB';
const DRAFT_ID = 'your-draft';
/**
 * Most points one draft may have on the web: every point is aligned, matched
 * and scored per request, so this bounds the work a visitor can ask for
 * (2,548 points took 23 s and a 17 MB page; 200 take about 1.4 s).
 */
export const MAX_DRAFT_POINTS = 200;
const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text', '']);
/** Drafts as reporters receive them (see src/corpus/import/); the file's first bytes decide how it is read. */
const DOCUMENT_EXTENSIONS = new Set(['.pdf', '.docx', '.html', '.htm']);
/**
 * Limits for an uploaded PDF, Word file or web page: a 28-point plan is a few
 * pages and tens of kB; the extracted text gets the pasted draft's limit.
 */
export const UPLOAD_LIMITS: ImportLimits = { maxBytes: 5_000_000, maxPages: 50, maxUnpackedBytes: 20_000_000, maxTextChars: DRAFT_LIMIT_BYTES, maxMillis: 15_000 };
export const UPLOAD_LIMIT_LABEL = '5 MB and 50 pages';

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: UPLOAD_LIMITS.maxBytes, fieldSize: DRAFT_LIMIT_BYTES, files: 1, fields: 8, parts: 10 },
  fileFilter: (_req, file, accept) => {
    const ext = extname(file.originalname).toLowerCase();
    const textLike = file.mimetype.startsWith('text/') || file.mimetype === 'application/octet-stream';
    if ((textLike && TEXT_EXTENSIONS.has(ext)) || DOCUMENT_EXTENSIONS.has(ext)) accept(null, true);
    else accept(new HttpError(415, 'Upload a plain-text file (.txt or .md), a PDF, a Word file (.docx) or a web page (.html) with numbered points.'));
  },
});

const urlencoded = express.urlencoded({ extended: false, limit: DRAFT_LIMIT_BYTES, parameterLimit: 10 });

/**
 * multer's own errors carry a code (LIMIT_FILE_SIZE → 413 in the error page);
 * a broken multipart body from busboy carries none and would otherwise look
 * like a server fault, so it becomes a 400 here.
 */
const readUpload: express.RequestHandler = (req, res, next) => {
  upload.single('file')(req, res, (err: unknown) => {
    if (!err || err instanceof HttpError || (err as { code?: string }).code) next(err);
    else next(badRequest('The upload could not be read (the form data was cut off or malformed). Try again.'));
  });
};

/** Default version to compare a draft with: the first published English plan by date. */
function defaultVersion(state: AppState): Document | undefined {
  return state.corpus.documents
    .filter((d) => d.kind === 'plan' && d.status === 'published' && d.language === 'en')
    .sort((a, b) => a.date.localeCompare(b.date))[0];
}

function planChoices(state: AppState) {
  return state.corpus.documents.filter((d) => d.kind === 'plan' && d.status === 'published').map((d) => ({ id: d.id, title: d.title }));
}

export function draftRoutes(router: Router, state: AppState): void {
  router.get('/draft', (_req, res) => {
    res.render('draft', { plans: planChoices(state), against: defaultVersion(state)?.id, draft: '', problems: [], result: undefined, limit: DRAFT_LIMIT_LABEL, uploadLimit: UPLOAD_LIMIT_LABEL });
  });

  router.post('/draft', readUpload, urlencoded, async (req, res) => {
    const { source, imported } = await draftSource(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const againstId = typeof body.against === 'string' && body.against ? body.against : defaultVersion(state)?.id;
    const against = againstId ? documentById(state.corpus, againstId, 'plan') : undefined;
    const date = draftDate(body.date);
    const format = bodyFormat(body);
    const analysis = await analyses.run(() => analyseDraft(state, source, against, date), () => req.socket.destroyed).catch((e: unknown) => {
      if (e instanceof CancelledError) return undefined; // the visitor left: nobody to answer
      throw e instanceof QueueFullError ? new HttpError(503, 'The server is busy analysing other drafts. Try again in a minute.') : e;
    });
    if (!analysis) return;
    if (!analysis.ok) {
      res.status(422).render('draft', { plans: planChoices(state), against: againstId, date, draft: source, imported, problems: analysis.problems, result: undefined, limit: DRAFT_LIMIT_LABEL, uploadLimit: UPLOAD_LIMIT_LABEL });
      return;
    }
    const { document, problems, versions, compare, match, style } = analysis;
    if (format) {
      const table = body.table === 'alignment' && compare ? alignmentExport(compare.pairs) : body.table === 'translationese' ? translationeseTable(style) : body.table === 'provenance' ? provenanceTable(match) : undefined;
      if (!table) throw badRequest('Choose which table to download: alignment, provenance or translationese.');
      sendTable(res, table, format, `${String(body.table)}-your-draft`);
      return;
    }
    res.render('draft', {
      plans: planChoices(state),
      against: against?.id,
      date,
      draft: source,
      imported,
      problems,
      limit: DRAFT_LIMIT_LABEL,
      uploadLimit: UPLOAD_LIMIT_LABEL,
      result: { doc: document, rows: documentRows(document), against, from: imported && originsBySegment(document, imported.origins) },
      compare: compare && { versions, view: compare },
      provenance: provenanceView(state.corpus, document, match),
      style: styleView(document, style),
    });
  });
}

type DraftAnalysis =
  | { ok: false; problems: string[] }
  | { ok: true; document: Document; problems: string[]; versions: Document[]; compare?: ReturnType<typeof compareView>; match: MatchResult; style: TranslationeseResult[] };

/** Draft analyses, one at a time in arrival order (see work-queue.ts). */
const analyses = new WorkQueue(200);

/** Analyses of recent drafts, by content: a download re-posts the draft it was shown with. */
const recent = new LruCache<DraftAnalysis>(16);

/** Parse the draft, then compare it with `against`, match it and score it. Nothing is added to the corpus. */
function analyseDraft(state: AppState, source: string, against: Document | undefined, date: string | undefined): DraftAnalysis {
  const key = createHash('sha256').update(`${against?.id ?? ''}\u0000${date ?? ''}\u0000${source}`).digest('hex');
  const cached = recent.get(key);
  if (cached) return cached;
  const { document, issues } = parseDraft(source, { id: DRAFT_ID, title: 'Your draft', file: '<pasted>', date });
  const problems = issues.map(formatIssue);
  if (!document || issues.some((i) => i.severity === 'error')) return { ok: false, problems };
  if (document.kind !== 'plan') throw new HttpError(422, 'A draft is a plan: a numbered list of points (front matter, if any, must say `kind: plan`).');
  const points = document.segments.filter((s) => s.kind === 'point').length;
  if (points > MAX_DRAFT_POINTS) {
    return { ok: false, problems: [`<pasted>: error [body]: the draft has ${points} points; the web view compares, matches and scores at most ${MAX_DRAFT_POINTS} at a time (the longest real plan has 28) — split it, or use the command line`] };
  }
  document.id = DRAFT_ID;
  document.builtin = false;
  document.path = '<pasted>';
  const versions = against ? [against, document] : [];
  const analysis: DraftAnalysis = {
    ok: true,
    document,
    problems,
    versions,
    compare: against ? compareView(state.corpus, versions) : undefined,
    match: matchResult(state.corpus, document),
    style: scoreDocument(document, { bySegment: true, input: DRAFT_ID }),
  };
  recent.set(key, analysis);
  return analysis;
}

/** An uploaded PDF, Word file or web page, as shown above the text extracted from it. */
export interface ImportedUpload {
  name: string;
  format: string;
  pages?: number;
  /** Where each line of the extracted text came from (page and line, paragraph, element). */
  origins: LineOrigin[];
}

/**
 * The uploaded file if there is one, else the pasted text; both normalised
 * like a corpus file. A PDF, Word file or web page becomes its extracted plan
 * text, which the page then shows in the text box for the visitor to check.
 */
async function draftSource(req: Request): Promise<{ source: string; imported?: ImportedUpload }> {
  const file = (req as Request & { file?: Express.Multer.File }).file;
  if (file && file.size > 0) {
    const name = uploadName(file.originalname);
    if (isImportable(file.originalname, file.buffer)) {
      try {
        const plan = await importPlanFile(file.buffer, file.originalname, UPLOAD_LIMITS);
        return { source: plan.text, imported: { name, format: plan.format.toUpperCase(), pages: plan.pages, origins: plan.origins } };
      } catch (e) {
        if (e instanceof ImportError) throw new HttpError(422, `${name}: ${e.message}`);
        throw e;
      }
    }
    if (file.size > DRAFT_LIMIT_BYTES) throw new HttpError(413, `The draft is too large: the limit is ${DRAFT_LIMIT_LABEL} of text. Paste a shorter text or split it.`);
    const decoded = decodeSource(file.buffer, 'uploaded file');
    if (!decoded.ok) throw new HttpError(422, formatIssue(decoded.issue));
    return { source: decoded.text };
  }
  const pasted = (req.body as Record<string, unknown> | undefined)?.draft;
  if (pasted === undefined || pasted === '') throw badRequest('Paste a numbered draft into the text box, or choose a text file to upload.');
  if (typeof pasted !== 'string') throw badRequest('The draft must be sent once, as text.');
  const normalised = normaliseSource(pasted, 'pasted text');
  if (!normalised.ok) throw new HttpError(422, formatIssue(normalised.issue));
  return { source: normalised.text };
}

/** For each segment of a draft read from a file, where in the file it starts (`page 2, line 14`). */
function originsBySegment(document: Document, origins: LineOrigin[]): Record<string, string> {
  const byLine = new Map(origins.map((o) => [o.line, o.where]));
  return Object.fromEntries(document.segments.flatMap((s) => (byLine.has(s.line) ? [[s.id, byLine.get(s.line)!]] : [])));
}

/** The uploaded file's name as shown back: no folders, no control characters, not too long. */
function uploadName(original: string): string {
  const base = original.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '');
  return base.length > 80 ? `${base.slice(0, 77)}...` : base || 'uploaded file';
}

/** `date` from the form: empty, or an ISO date (what `<input type=date>` sends). */
function draftDate(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw badRequest('The date must be a calendar date, YYYY-MM-DD.');
  return value;
}

function bodyFormat(body: Record<string, unknown>) {
  const format = body.format;
  if (format === undefined || format === '') return undefined;
  return downloadFormat({ query: { format } } as unknown as Request);
}
