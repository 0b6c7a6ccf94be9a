// npm run train:provenance — learn the provenance ranker (src/provenance/ranker.ts)
// from eval/gold/provenance.json: every gold point's retrieved passages, with
// the bulk Kremlin archive added so that its 97,828 passages compete as
// negatives, one conditional logit over the features of features.ts; then
// the side calibration (origin.ts: per-side tallies), from leave-one-plan-out outcomes.
// Writes corpora/reference/provenance/ranker.json (deterministic: the same
// inputs give the same bytes) and prints the weights.
import { writeFileSync } from 'node:fs';
import { FEATURES } from '../src/provenance/features.js';
import { describeRanker, RANKER_FORMAT, SHIPPED_RANKER_PATH, type RankerModel } from '../src/provenance/ranker.js';
import { loadGold } from './eval/provenance.js';
import { cachedRows, fitSide, leaveOnePlanOut, trainOn } from './eval/provenance-data.js';
import { bulkSetting, shippedSetting } from './eval/provenance-corpora.js';

const gold = loadGold();
const setting = bulkSetting() ?? shippedSetting();
const points = cachedRows(setting, gold, setting.bulk);
setting.close();
const { intercept, weights } = trainOn(points);
const side = fitSide(points, leaveOnePlanOut(points));
const model: RankerModel = {
  format: RANKER_FORMAT,
  features: [...FEATURES],
  intercept,
  weights,
  side,
  trainedOn: {
    gold: 'eval/gold/provenance.json',
    points: points.length,
    rows: points.reduce((n, p) => n + p.rows.length, 0),
    corpus: setting.name.replace(/\(.*\)/, '').trim(),
    method: 'conditional logit (softmax over each point\'s retrieved passages), L2 0.01, 400 full-batch gradient steps from zero, then Platt scaling over all rows; side: per named side, how often it was right on leave-one-plan-out outcomes (points with no antecedent count as wrong sides), shrunk toward the overall rate by 5 points',
  },
};
writeFileSync(SHIPPED_RANKER_PATH, `${JSON.stringify(model, null, 2)}\n`);
console.log(`wrote ${SHIPPED_RANKER_PATH} (${points.length} gold points, ${setting.name})`);
console.log(describeRanker(model));

