// `/draft`: a visitor's own numbered draft, pasted or uploaded, compared,
// matched and scored against the loaded corpora. The draft lives only for the
// request: nothing is written to disk and the shipped corpora are untouched.
import express, { type Request, type Router } from 'express';
import multer from 'multer';
import { extname } from 'node:path';
import { formatIssue } from '../../corpus/format-issue.js';
import { decodeSource, normaliseSource } from '../../corpus/source-text.js';
import type { Document } from '../../corpus/types.js';
import { CancelledError, QueueFullError } from '../work-queue.js';
import { inlineAnalyser, type DraftAnalyser } from '../draft-pool.js';
import { HttpError, badRequest } from '../http-errors.js';
import { documentById, downloadFormat } from '../params.js';
import type { AppState } from '../state.js';
import { documentRows } from './overview.js';
import { sendTable } from '../download.js';
import { alignmentExport } from '../tables.js';
import { provenanceTable } from '../../provenance/index.js';
import { translationeseTable } from '../../style/index.js';
import { provenanceView } from './plan.js';
import { styleView } from './style.js';

/** Largest draft accepted, pasted or uploaded. The longest real plan is ~20 kB; this leaves room for a long paste. */
export const DRAFT_LIMIT_BYTES = 256 * 1024;
export const DRAFT_LIMIT_LABEL = '256 kB';
export { MAX_DRAFT_POINTS } from '../draft-analysis.js';
const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text', '']);

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: DRAFT_LIMIT_BYTES, fieldSize: DRAFT_LIMIT_BYTES, files: 1, fields: 8, parts: 10 },
  fileFilter: (_req, file, accept) => {
    const textLike = file.mimetype.startsWith('text/') || file.mimetype === 'application/octet-stream';
    if (textLike && TEXT_EXTENSIONS.has(extname(file.originalname).toLowerCase())) accept(null, true);
    else accept(new HttpError(415, 'Upload a plain-text file (.txt or .md) with one numbered point per line.'));
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
    res.render('draft', { plans: planChoices(state), against: defaultVersion(state)?.id, draft: '', problems: [], result: undefined, limit: DRAFT_LIMIT_LABEL });
  });

  router.post('/draft', readUpload, urlencoded, async (req, res) => {
    const source = draftSource(req);
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
      res.status(422).render('draft', { plans: planChoices(state), against: againstId, date, draft: source, problems: analysis.problems, result: undefined, limit: DRAFT_LIMIT_LABEL });
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
      problems,
      limit: DRAFT_LIMIT_LABEL,
      result: { doc: document, rows: documentRows(document), against },
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

/** The uploaded file if there is one, else the pasted text; both normalised like a corpus file. */
function draftSource(req: Request): string {
  const file = (req as Request & { file?: Express.Multer.File }).file;
  if (file && file.size > 0) {
    const decoded = decodeSource(file.buffer, 'uploaded file');
    if (!decoded.ok) throw new HttpError(422, formatIssue(decoded.issue));
    return decoded.text;
  }
  const pasted = (req.body as Record<string, unknown> | undefined)?.draft;
  if (pasted === undefined || pasted === '') throw badRequest('Paste a numbered draft into the text box, or choose a text file to upload.');
  if (typeof pasted !== 'string') throw badRequest('The draft must be sent once, as text.');
  const normalised = normaliseSource(pasted, 'pasted text');
  if (!normalised.ok) throw new HttpError(422, formatIssue(normalised.issue));
  return normalised.text;
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
