// The shipped model: a small JSON written by `npm run train:translationese`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TranslationeseModel } from './model.js';
import { REFERENCE_DIR } from './reference-set.js';
import { FEATURE_RULES } from './rules.js';

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
  if (m?.format !== 'plan-provenance/translationese-model@1') throw new Error(`${path}: field "format" is not plan-provenance/translationese-model@1`);
  const n = m.features?.length;
  for (const field of ['priorRate', 'mean', 'std', 'coefficients'] as const) {
    if (!Array.isArray(m[field]) || m[field].length !== n || m[field].some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
      throw new Error(`${path}: field "${field}" must be ${n} numbers`);
    }
  }
  if (typeof m.zClip !== 'number' || !(m.zClip > 0)) throw new Error(`${path}: field "zClip" must be a positive number`);
  const known = new Set(FEATURE_RULES.map((r) => r.id));
  const unknown = m.features.find((f) => !known.has(f));
  if (unknown) throw new Error(`${path}: field "features" names "${unknown}", which is not in the feature catalogue; retrain the model`);
  return m;
}

/** The shipped model, read once per process. */
export function shippedModel(): TranslationeseModel {
  cached ??= readModel();
  return cached;
}
