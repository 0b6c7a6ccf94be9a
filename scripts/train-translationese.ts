// npm run train:translationese — fit the translationese model on the shipped
// reference set and write corpora/reference/translationese/model.json.
// Deterministic: the same files give the same JSON (a test checks this).
import { writeFileSync } from 'node:fs';
import { SHIPPED_MODEL_PATH } from '../src/style/model-file.js';
import { loadReferenceSet } from '../src/style/reference-set.js';
import { trainModel } from '../src/style/train.js';

export function trainShippedModel() {
  const samples = loadReferenceSet();
  return trainModel(samples, { source: 'corpora/reference/translationese/index.tsv' });
}

export function serializeModel(model: unknown): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const model = trainShippedModel();
  writeFileSync(SHIPPED_MODEL_PATH, serializeModel(model));
  process.stdout.write(`wrote ${SHIPPED_MODEL_PATH} (${model.training.texts} texts: ${model.training.translated} translated, ${model.training.original} original)\n`);
  for (let j = 0; j < model.features.length; j++) {
    process.stdout.write(`  ${model.features[j].padEnd(22)} ${model.coefficients[j] >= 0 ? '+' : ''}${model.coefficients[j].toFixed(3)}\n`);
  }
}
