// Is a text one the shipped translationese model was trained on? Scoring a
// reference text (../shared/translationese-un/train is the same set as
// corpora/reference/translationese-un) looks like a validation but only shows
// what the model learned: its labels were in the fit. A reporter must be told.
import { createHash } from 'node:crypto';
import { loadReferenceSets, type ReferenceSample } from './reference-set.js';

/** The reference sample a text repeats: its set, file and label. */
export interface TrainingSample {
  set: ReferenceSample['set'];
  file: string;
  label: ReferenceSample['label'];
}

let byText: Map<string, TrainingSample> | undefined;

/**
 * The reference sample (either set, what the shipped model is trained on)
 * whose text equals `text` once both are NFC with every run of white space
 * as one space and the ends trimmed, or undefined. The sets are read on the
 * first call (~320 files). Throws nothing: an unreadable set means no match.
 */
export function trainingSample(text: string): TrainingSample | undefined {
  if (!byText) {
    byText = new Map();
    let samples: ReferenceSample[] = [];
    try {
      samples = loadReferenceSets();
    } catch {
      // A copy without the reference sets: nothing to compare with.
    }
    for (const s of samples) byText.set(digest(s.text), { set: s.set, file: s.file, label: s.label });
  }
  return byText.get(digest(text));
}

function digest(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex');
}
