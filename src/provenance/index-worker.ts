// An index-build worker (run by piscina, see index-build.ts
// buildIndexFileParallel): tokenises one task's passages into stored rows.
import { taskRows, type RowBatch, type RowTask } from './index-build.js';

export default function rows(task: RowTask): RowBatch {
  return taskRows(task);
}
