// The shipped model: a small JSON written by `npm run train:translationese`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TranslationeseModel } from './model.js';
import { REFERENCE_DIR } from './reference-set.js';
import { FEATURE_IDS } from './features.js';

export const SHIPPED_MODEL_PATH = join(REFERENCE_DIR, 'model.json');

let cached: TranslationeseModel | undefined;

/** Read and check the model file; throws with the file and field on a bad model. */
export function readModel(path: string = SHIPPED_MODEL_PATH): TranslationeseModel {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: cannot read the translationese model (${(e as Error).message}); run "npm run train:translationese"`);
  }
  const m = raw as TranslationeseModel;
  const format = 'plan-provenance/translationese-model@2';
  if (m?.format !== format) throw new Error(`${path}: field "format" is not ${format}; run "npm run train:translationese"`);
  const n = m.features?.length;
  const numbers = (v: unknown) => Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));
  for (const field of ['priorRate', 'std', 'coefficients'] as const) {
    if (!numbers(m[field])) throw new Error(`${path}: field "${field}" must be ${n} numbers`);
  }
  if (!Array.isArray(m.genres) || !m.genres.length || m.genres.some((g) => !numbers(g?.centre) || typeof g.maxDistance !== 'number')) {
    throw new Error(`${path}: field "genres" must list each genre with a centre of ${n} numbers and a maxDistance`);
  }
  if (typeof m.zClip !== 'number' || !(m.zClip > 0)) throw new Error(`${path}: field "zClip" must be a positive number`);
  if (typeof m.decision?.translatedFrom !== 'number' || typeof m.decision?.originalTo !== 'number') {
    throw new Error(`${path}: field "decision" must give translatedFrom and originalTo`);
  }
  if (typeof m.minWords !== 'number') throw new Error(`${path}: field "minWords" must be a number`);
  const known = new Set(FEATURE_IDS);
  const unknown = m.features.find((f) => !known.has(f));
  if (unknown) throw new Error(`${path}: field "features" names "${unknown}", which is not in the feature catalogue; retrain the model`);
  return m;
}

/** The shipped model, read once per process. */
export function shippedModel(): TranslationeseModel {
  cached ??= readModel();
  return cached;
}
