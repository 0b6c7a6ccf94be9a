// `/draft`: a visitor's own numbered draft, pasted or uploaded, compared,
// matched and scored against the loaded corpora. The draft lives only for the
// request: nothing is written to disk and the shipped corpora are untouched.
import express, { type Request, type Router } from 'express';
import multer from 'multer';
import { extname } from 'node:path';
import { formatIssue } from '../../corpus/format-issue.js';
import { importPlanFile, ImportError, isImportable, type ImportLimits, type LineOrigin } from '../../corpus/import/index.js';
import { decodeSource, normaliseSource } from '../../corpus/source-text.js';
import { isCalendarDate, notADate } from '../../corpus/schema.js';
import type { Document } from '../../corpus/types.js';
import { CancelledError, QueueFullError } from '../work-queue.js';
import { inlineAnalyser, type DraftAnalyser } from '../draft-pool.js';
import { HttpError, badRequest } from '../http-errors.js';
import { documentById, downloadFormat } from '../params.js';
import type { AppState } from '../state.js';
import { documentRows } from './overview.js';
import { sendTable } from '../download.js';
import { alignmentExport } from '../tables.js';
import { offsetsInto, provenanceTable } from '../../provenance/index.js';
import { translationeseTable } from '../../style/index.js';
import { provenanceView } from './plan.js';
import { styleView } from './style.js';

/**
 * What a draft's downloaded offsets index: the text as the server read it, where a browser's
 * CR LF line ends (a form sends them) are one LF each, so offsets past the first line are fewer
 * than in the pasted text with CR LF (a second reporter sliced the CR LF text and missed).
 */
const DRAFT_OFFSETS = offsetsInto('the draft as read (each line end one LF: a browser sends CR LF, which counts as one unit here)');

/** Largest draft accepted, pasted or uploaded. The longest real plan is ~20 kB; this leaves room for a long paste. */
export const DRAFT_LIMIT_BYTES = 256 * 1024;
export const DRAFT_LIMIT_LABEL = '256 kB';
export { MAX_DRAFT_POINTS } from '../draft-analysis.js';
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
    const analysis = await analyser(state).analyse({ source, against: against?.id, date }, () => req.socket.destroyed).catch((e: unknown) => {
      if (e instanceof CancelledError) return undefined; // the visitor left: nobody to answer
      throw e instanceof QueueFullError ? new HttpError(503, 'The server is busy analysing other drafts. Try again in a minute.') : e;
    });
    if (!analysis) return;
    if (!analysis.ok && 'status' in analysis) throw new HttpError(analysis.status, analysis.message);
    if (!analysis.ok) {
      res.status(422).render('draft', { plans: planChoices(state), against: againstId, date, draft: source, imported, problems: analysis.problems, result: undefined, limit: DRAFT_LIMIT_LABEL, uploadLimit: UPLOAD_LIMIT_LABEL });
      return;
    }
    const { document, problems, versions, compare, match, style } = analysis;
    if (format) {
      const table = body.table === 'alignment' && compare ? alignmentExport(compare.pairs) : body.table === 'translationese' ? translationeseTable(style) : body.table === 'provenance' ? provenanceTable(match, DRAFT_OFFSETS) : undefined;
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

/** The server's draft analyser, or one on this thread for an app made without (tests). */
const inline = new WeakMap<AppState, DraftAnalyser>();
function analyser(state: AppState): DraftAnalyser {
  if (state.drafts) return state.drafts;
  if (!inline.has(state)) inline.set(state, inlineAnalyser(state.corpus));
  return inline.get(state)!;
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

/**
 * `date` from the form: empty, or a real calendar day YYYY-MM-DD (what `<input type=date>` sends),
 * checked as the CLI's --date is (schema.ts isCalendarDate: 2025-02-30 is none). Throws a 400 HttpError.
 */
function draftDate(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest('The date must be given once, as YYYY-MM-DD.');
  if (!isCalendarDate(value)) throw badRequest(`The date ${notADate(value, '2025-11-20')}.`);
  return value;
}

function bodyFormat(body: Record<string, unknown>) {
  const format = body.format;
  if (format === undefined || format === '') return undefined;
  return downloadFormat({ query: { format } } as unknown as Request);
}
