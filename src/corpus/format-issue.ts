import type { LoadIssue } from './types.js';

/** `file:line: error: [field] message` — the shape editors and CI logs link to. */
export function formatIssue(issue: LoadIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  const field = issue.field ? ` [${issue.field}]` : '';
  return `${where}: ${issue.severity}${field}: ${issue.message}`;
}
