// Reading the query string and route parameters strictly: anything that is not
// the expected shape is a 400 with a message saying what was expected. Ids are
// only ever looked up in the loaded corpus, never joined into a path.
import type { Request } from 'express';
import { findDocument } from '../corpus/load.js';
import type { Corpus, Document } from '../corpus/types.js';
import { EXPORT_FORMATS, type ExportFormat } from '../export/table.js';
import { badRequest, notFound } from './http-errors.js';

const ID = /^[a-z0-9][a-z0-9-]{0,119}$/;
export const MAX_COMPARE_VERSIONS = 6;

/** One optional string parameter; arrays (`?a=1&a=2`, `?a[]=1`) and objects are malformed. */
export function queryString(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`The "${name}" parameter must be given once, as plain text.`);
  if (value.length > 2000) throw badRequest(`The "${name}" parameter is too long.`);
  return value;
}

/** `?format=csv|json|md` asks for a download of the page's table; absent means the HTML page. */
export function downloadFormat(req: Request): ExportFormat | undefined {
  const value = queryString(req, 'format');
  if (value === undefined || value === '' || value === 'html') return undefined;
  if (!(EXPORT_FORMATS as string[]).includes(value)) throw badRequest(`Unknown format "${value}": use csv, json or md.`);
  return value as ExportFormat;
}

export function documentById(corpus: Corpus, id: string, kind?: Document['kind']): Document {
  // An id that could not be a corpus id is simply not found: ids are only looked up, never used as paths.
  const doc = ID.test(id) ? findDocument(corpus, id) : undefined;
  if (!doc || (kind && doc.kind !== kind)) throw notFound(`There is no ${kind ?? 'document'} "${id.slice(0, 120)}" in the loaded corpora.`);
  return doc;
}

/** `?versions=a,b,c`: 2 to MAX_COMPARE_VERSIONS distinct plan ids. */
export function versionList(req: Request, corpus: Corpus): Document[] {
  // A checkbox form sends `versions=a&versions=b`; a pasted link sends `versions=a,b`. Both mean the same.
  const value = (req.query as Record<string, unknown>).versions;
  const raw = Array.isArray(value) && value.every((v) => typeof v === 'string') && value.length <= 20 ? value.join(',') : queryString(req, 'versions');
  if (raw === undefined || raw.trim() === '') throw badRequest('Name the plan versions to compare: /compare?versions=first-id,second-id');
  const ids = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length < 2) throw badRequest('Compare needs at least two plan versions, separated by commas.');
  if (ids.length > MAX_COMPARE_VERSIONS) throw badRequest(`Compare at most ${MAX_COMPARE_VERSIONS} versions at once.`);
  if (new Set(ids).size !== ids.length) throw badRequest('Each version may be named only once.');
  return ids.map((id) => documentById(corpus, id, 'plan'));
}

/** A point number in a route (`/plan/:id/point/:n`). */
export function pointNumber(raw: string): string {
  if (!/^\d{1,4}$/.test(raw)) throw badRequest('A point number is a whole number such as 21.');
  return String(Number(raw));
}
