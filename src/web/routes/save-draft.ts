// `POST /draft/save`: keep a visitor's draft (opt-in) as a document in the
// user corpus folder given with `--corpus`, never in the shipped corpora. The
// core (src/corpus/save-draft.ts) validates and writes atomically; this route
// only reads the form, calls it and answers. Without a user folder, saving is off.
import express, { type Request, type Router } from 'express';
import { formatIssue } from '../../corpus/format-issue.js';
import { removeStaleTemps } from '../../corpus/atomic-write.js';
import { putDocument, saveDraft, saveFolder } from '../../corpus/save-draft.js';
import { normaliseSource } from '../../corpus/source-text.js';
import type { Side } from '../../corpus/types.js';
import { HttpError, badRequest } from '../http-errors.js';
import type { AppState } from '../state.js';
import { DRAFT_LIMIT_BYTES } from './draft.js';

const urlencoded = express.urlencoded({ extended: false, limit: DRAFT_LIMIT_BYTES, parameterLimit: 12 });

/** Mount before the page routes: it also tells the draft page whether to offer the save form. */
export function saveDraftRoutes(state: AppState): Router {
  const router = express.Router();
  const folder = saveFolder(state.options.corpora);
  // Temporary files left by a crash are never read; tidy them away in the background.
  if (folder) void removeStaleTemps(folder);
  router.use((_req, res, next) => {
    res.locals.saveDraft = { enabled: folder !== undefined };
    next();
  });

  router.post('/draft/save', urlencoded, async (req, res) => {
    if (!folder) throw new HttpError(403, 'Saving drafts is off on this server: it was started without a --corpus folder to keep them in.');
    if (field(req, 'keep') !== 'yes') throw badRequest('Tick "Keep this draft" to save it; nothing was written.');
    const pasted = normaliseSource(field(req, 'draft') ?? '', 'draft');
    if (!pasted.ok) throw new HttpError(422, formatIssue(pasted.issue));
    const outcome = await saveDraft(state.corpus, folder, {
      source: pasted.text,
      id: (field(req, 'id') ?? '').trim(),
      title: (field(req, 'title') ?? '').trim(),
      sourceUrl: (field(req, 'source_url') ?? '').trim(),
      side: (field(req, 'side') || undefined) as Side | undefined,
      date: field(req, 'date') || undefined,
    });
    if (!outcome.ok) {
      const status = outcome.reason === 'taken' ? 409 : 422;
      // Issues name the server's file path; a visitor only needs the field and the message.
      throw new HttpError(status, `The draft was not saved: ${outcome.issues.map((i) => `${i.line ? `line ${i.line}: ` : ''}${i.field ? `${i.field}: ` : ''}${i.message}`).join('; ')}`);
    }
    putDocument(state.corpus, outcome.document);
    res.redirect(303, `/doc/${outcome.document.id}`);
  });
  return router;
}

/** One form field as text; a field sent twice is a malformed form. */
function field(req: Request, name: string): string | undefined {
  const value = ((req.body ?? {}) as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`The "${name}" field must be sent once, as text.`);
  return value;
}
