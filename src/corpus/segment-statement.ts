// Segment a statement into passages: one passage per paragraph (blank-line
// separated). A paragraph that is only `[...]` marks an elision between
// non-adjacent excerpts and is not a passage. Each passage carries the URL of
// the `<!-- src: URL -->` line above it, and the date that line gives, if any.
import { isBlankLine, trimmedRange, type BodyLine } from './body-lines.js';
import type { Segment } from './types.js';

const ELISION = /^\s*\[(?:\.\.\.|…)\]\s*$/;

export function segmentStatement(lines: BodyLine[]): Segment[] {
  const passages: Segment[] = [];
  let current: Segment | null = null;
  for (const line of lines) {
    if (isBlankLine(line.text) || ELISION.test(line.text)) {
      current = null;
      continue;
    }
    const [start, end] = trimmedRange(line);
    if (current && current.source === line.source && current.date === line.date) {
      current.end = end;
      continue;
    }
    const n = passages.length + 1;
    current = { id: `p${n}`, label: `¶${n}`, kind: 'passage', start, end, line: line.fileLine, source: line.source, ...(line.date !== undefined ? { date: line.date } : {}) };
    passages.push(current);
  }
  return passages;
}
