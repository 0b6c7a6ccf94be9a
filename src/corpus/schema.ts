// Front-matter fields: what each may hold, and how to say what is wrong with it.
import { z } from 'zod';
import { KINDS, SIDES, STATUSES } from './types.js';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for YYYY-MM-DD naming a real calendar day (2025-02-29 is not one). Front matter, passage dates and --date all use it. */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * What a user is told when a draft's date (the CLI's --date, the web form's date) is not one
 * isCalendarDate accepts; `example` is a date written as it is given there ("--date 2025-11-20").
 */
export function notADate(value: string, example: string): string {
  return `${JSON.stringify(value)} is not a date: write the draft's date as YYYY-MM-DD, e.g. ${example}`;
}

const isoDate = z
  .string({ error: 'must be an ISO date like 2025-11-20' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be an ISO date like 2025-11-20' })
  .refine(isCalendarDate, { error: 'is not a real calendar date' });

const httpUrl = z.string({ error: 'must be a URL' }).refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}, { error: 'must be an http(s) URL, e.g. https://example.org/page' });

const optionalText = z
  .string({ error: 'must be text' })
  .nullish()
  .transform((v) => v ?? '');

const MISSING_HELP = 'must be a list of point numbers like [10, 12], a range like 13-19, or 10- for every point from 10 on';
const MAX_RANGE = 20_000;
const missingEntry = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+(?:-\d*)?$/)], { error: MISSING_HELP });

const languageCode = z.string().regex(/^[a-z]{2}$/, { error: 'must be a two-letter ISO 639-1 code such as en, ru or uk' });

export const frontMatterSchema = z
  .object({
    id: z
      .string({ error: 'is required: a unique name of lowercase letters, digits and dashes' })
      .regex(ID_PATTERN, { error: 'must use only lowercase letters, digits and single dashes, e.g. us-28-2025-11-20' }),
    kind: z.enum(KINDS, { error: `must be one of: ${KINDS.join(', ')}` }),
    title: z.string({ error: 'is required: a human-readable title' }).min(1, { error: 'must not be empty' }),
    side: z.enum(SIDES, { error: `must be one of: ${SIDES.join(', ')}` }),
    speaker: optionalText,
    date: isoDate,
    language: languageCode,
    translated_from: z
      .union([languageCode, z.literal('')], { error: 'must be empty or a two-letter language code such as ru' })
      .nullish()
      .transform((v) => v ?? ''),
    sources: z
      .array(httpUrl, { error: 'must be a list of URLs (one `- https://…` line each)' })
      .min(1, { error: 'must name at least one source URL: every document is attributed' }),
    // `missing: [10, 12]`, a range `13-19`, or `10-` for every point from 10 on (the
    // source breaks off); a single value needs no brackets. Ranges are expanded here,
    // an open end stays `N-` (documentFromFields turns it into `missingFrom`).
    missing: z
      .union([z.array(missingEntry), missingEntry], { error: MISSING_HELP })
      .nullish()
      .transform((v, ctx) => {
        const out: string[] = [];
        for (const entry of v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]) {
          const [, from, dash, to] = /^(\d+)(-)?(\d+)?$/.exec(String(entry))!;
          if (!dash) out.push(String(Number(from)));
          else if (to === undefined) out.push(`${Number(from)}-`);
          else if (Number(to) < Number(from) || Number(to) - Number(from) > MAX_RANGE) {
            ctx.addIssue({ code: 'custom', message: `range ${String(entry)} must run upwards and span at most ${MAX_RANGE} points` });
            return z.NEVER;
          } else for (let n = Number(from); n <= Number(to); n++) out.push(String(n));
        }
        return out;
      }),
    /** The last point the source gives in full: every later point is missing (same as `missing: N+1-`). */
    complete_through: z
      .number({ error: 'must be a point number: the last point the source gives, e.g. 9' })
      .int({ error: 'must be a whole point number, e.g. 9' })
      .nonnegative({ error: 'must be a point number, e.g. 9' })
      .nullish(),
    status: z
      .enum(STATUSES, { error: `must be one of: ${STATUSES.join(', ')}` })
      .nullish()
      .transform((v) => v ?? 'published'),
    notes: optionalText,
  })
  .loose();

export type FrontMatterFields = z.output<typeof frontMatterSchema>;

export const KNOWN_FIELDS = new Set(Object.keys(frontMatterSchema.shape));
