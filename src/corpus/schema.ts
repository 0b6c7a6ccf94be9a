// Front-matter fields: what each may hold, and how to say what is wrong with it.
import { z } from 'zod';
import { KINDS, SIDES, STATUSES } from './types.js';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const isoDate = z
  .string({ error: 'must be an ISO date like 2025-11-20' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be an ISO date like 2025-11-20' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { error: 'is not a real calendar date' });

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
    missing: z
      .array(z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]), { error: 'must be a list of point numbers like [10, 12]' })
      .nullish()
      .transform((v) => (v ?? []).map((n) => String(Number(n)))),
    status: z
      .enum(STATUSES, { error: `must be one of: ${STATUSES.join(', ')}` })
      .nullish()
      .transform((v) => v ?? 'published'),
    notes: optionalText,
  })
  .loose();

export type FrontMatterFields = z.output<typeof frontMatterSchema>;

export const KNOWN_FIELDS = new Set(Object.keys(frontMatterSchema.shape));
