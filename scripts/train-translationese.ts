// npm run train:translationese — fit the translationese model on both shipped
// reference sets and write corpora/reference/translationese/model.json, then
// print every weight. Deterministic: the same files give the same JSON (a
// test checks this).
import { writeFileSync } from 'node:fs';
import { SHIPPED_MODEL_PATH } from '../src/style/model-file.js';
import type { TranslationeseModel } from '../src/style/model.js';
import { loadReferenceSets } from '../src/style/reference-set.js';
import { featureCatalogue } from '../src/style/rules.js';
import { trainModel } from '../src/style/train.js';

export function trainShippedModel(): TranslationeseModel {
  return trainModel(loadReferenceSets(), {
    source: 'corpora/reference/translationese/index.tsv + corpora/reference/translationese-un/index.tsv',
  });
}

export function serializeModel(model: unknown): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

/** The weights, grouped by feature family, largest first: what `npm run train:translationese` prints. */
export function describeModel(model: TranslationeseModel): string {
  const catalogue = new Map(featureCatalogue().map((f) => [f.id, f]));
  const lines = [
    `${model.training.texts} texts (${model.training.translated} translated, ${model.training.original} original); genres ${model.genres.map((g) => `${g.name} (${g.texts})`).join(', ')}`,
    `lambda ${model.lambda} (chosen by leave-one-publisher-out CV), K ${model.pseudoWords} pseudo-words, clip ±${model.zClip} SD`,
    ...(model.blend ? [`log-odds mean of this model and one on the ${model.blend.features} construction rules alone (lambda ${model.blend.lambda}): the weights below are the means`] : []),
    `decided: translated when the 90% interval is >= ${model.decision.translatedFrom}, original when <= ${model.decision.originalTo} (${Math.round(model.decision.precision * 100)}% precision on ${model.decision.heldOut})`,
    `out of range below ${model.minWords} words, for lists of points, or beyond each genre's largest reference distance (${model.genres.map((g) => `${g.name} ${g.maxDistance.toFixed(2)}`).join(', ')})`,
    'weights on genre-centred, standardised rates (+ = more like a translation):',
  ];
  const families = [...new Set(model.features.map((id) => catalogue.get(id)?.family ?? '?'))];
  for (const family of families) {
    lines.push(`  ${family}:`);
    const idx = model.features.map((_, j) => j).filter((j) => catalogue.get(model.features[j])?.family === family);
    idx.sort((a, b) => Math.abs(model.coefficients[b]) - Math.abs(model.coefficients[a]));
    for (const j of idx) {
      const id = model.features[j];
      const c = model.coefficients[j];
      const example = model.examples[id] ? `  e.g. "${model.examples[id].text.slice(0, 50)}${model.examples[id].text.length > 50 ? '…' : ''}"` : '';
      lines.push(`    ${id.padEnd(26)} ${c >= 0 ? '+' : ''}${c.toFixed(3)}${example}`);
    }
  }
  lines.push(`  intercept ${model.intercept.toFixed(3)}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const model = trainShippedModel();
  writeFileSync(SHIPPED_MODEL_PATH, serializeModel(model));
  process.stdout.write(`wrote ${SHIPPED_MODEL_PATH}\n${describeModel(model)}\n`);
}
