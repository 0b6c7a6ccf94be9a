// An index-build worker (run by piscina, see index-build.ts
// buildIndexFileParallel): tokenises one task's passages into stored rows.
import { taskRows, type IndexRow, type RowTask } from './index-build.js';

export default function rows(task: RowTask): IndexRow[] {
  return taskRows(task);
}
