// The style module's public surface for the CLI and the web view.
export { scoreDocument, commonSegments, scoreProse, scoreText, rankResults, translationeseTable, featureSummary, scoredSegments, notApplicableReason, rangeCheck } from './score.js';
export type { StyleFeature, TextScore, TranslationeseResult, StyleVerdict } from './score.js';
export { featureCatalogue, FEATURE_RULES } from './rules.js';
export { findFeatureSpans, countFeatures } from './features.js';
export type { FeatureSpan, FeatureCounts } from './features.js';
export { shippedModel, readModel, SHIPPED_MODEL_PATH } from './model-file.js';
export type { TranslationeseModel } from './model.js';
export { markRuns } from './highlight.js';
export type { MarkRun } from './highlight.js';
