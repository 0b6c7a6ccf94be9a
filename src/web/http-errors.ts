// Errors a request can cause, and the handlers that turn every error into a
// friendly page. No stack trace or internal message ever reaches a response:
// only messages written for the visitor (HttpError) are shown.
import type { ErrorRequestHandler, RequestHandler } from 'express';

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 415 | 422 | 503,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const notFound = (message: string) => new HttpError(404, message);

const TITLES: Record<number, string> = {
  400: 'Bad request',
  403: 'Not allowed here',
  404: 'Not found',
  409: 'Already taken',
  413: 'Too large',
  415: 'Unsupported file',
  422: 'Cannot read this draft',
  500: 'Something went wrong',
  503: 'Busy',
};

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(notFound(`There is no page at ${req.path}.`));
};

/** Translate body-parser and multer errors (which carry their own status or code) into visitor messages. */
function visitorError(err: unknown, bodyLimit: string): { status: number; message: string } {
  if (err instanceof HttpError) return { status: err.status, message: err.message };
  const e = err as { status?: number; type?: string; code?: string; name?: string };
  if (e?.type === 'parameters.too.many' || e?.code === 'LIMIT_FIELD_COUNT' || e?.code === 'LIMIT_PART_COUNT' || e?.code === 'LIMIT_FILE_COUNT') {
    return { status: 400, message: 'The form has more fields than the draft form sends: use the "draft" text box or the "file" field only.' };
  }
  if (e?.status === 413 || e?.type === 'entity.too.large' || e?.code === 'LIMIT_FILE_SIZE' || e?.code === 'LIMIT_FIELD_VALUE') {
    return { status: 413, message: `The draft is too large: the limit is ${bodyLimit}. Paste a shorter text or split it.` };
  }
  if (e?.name === 'MulterError') return { status: 400, message: 'The upload form was not filled in as expected: use the "draft" text box or the "file" field only.' };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return { status: e.status, message: 'The request could not be read.' };
  return { status: 500, message: 'The server could not answer this request. The problem has been logged.' };
}

export function errorHandler(bodyLimit: string): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const { status, message } = visitorError(err, bodyLimit);
    // Server faults only: a 503 "busy" is the queue working as designed, not a bug to log.
    if (status === 500) process.stderr.write(`web: ${req.method} ${req.originalUrl}: ${(err as Error)?.stack ?? String(err)}\n`);
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status);
    res.render('error', { title: TITLES[status] ?? 'Error', status, message }, (renderErr: Error | null, html?: string) => {
      // If even the error page fails to render, answer in plain text rather than with a stack.
      if (renderErr) res.type('text/plain').send(`${status} ${TITLES[status] ?? 'Error'}\n`);
      else res.send(html);
    });
  };
}
