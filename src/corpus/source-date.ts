// A passage inherits its document's date unless its source line gives its own
// (`<!-- src: URL date: YYYY-MM-DD -->`). Many news URLs carry their
// publication date in the path, and a report published weeks after the
// document's date holds words of its own time: dated by the document, such a
// passage looks years older than it is to the lineage ("earliest antecedent")
// and to `later`. Two shipped cases were found by readers, not by the loader
// (a 2024 report of the 2022 Istanbul draft; an NPR report of February 2026 in
// a document dated 6 January 2026), so `check` now points at every such line.
import type { LoadIssue, Segment } from './types.js';
import { isCalendarDate } from './schema.js';

/**
 * Days between a source URL's date and the document's date beyond which the
 * passage is flagged: a report is often published the day after the words it
 * quotes (six shipped source lines are 1–3 days after their document), which is
 * no reason to date the passage apart.
 */
export const SOURCE_DATE_SLACK_DAYS = 7;

// /2026/02/08/ (most news sites), /20220329_ (file names), /2024-04-27/ in a path.
const URL_DATES = [/\/((?:19|20)\d\d)\/([01]\d)\/([0-3]\d)(?:\/|$)/, /\/((?:19|20)\d\d)([01]\d)([0-3]\d)[_-]/, /\/((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?:[/_-]|$)/];

/** The calendar date a URL's path carries (YYYY-MM-DD), or undefined when it carries none (or an impossible one). */
export function urlDate(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  for (const pattern of URL_DATES) {
    const m = pattern.exec(path);
    if (!m) continue;
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    if (isCalendarDate(date)) return date;
  }
  return undefined;
}

/**
 * Warnings for the passages whose source line gives no date while its URL
 * carries one more than SOURCE_DATE_SLACK_DAYS from the document's date `date`
 * (YYYY-MM-DD): one per source line, at its first passage's line.
 */
export function sourceDateIssues(segments: Segment[], date: string, file: string): LoadIssue[] {
  const issues: LoadIssue[] = [];
  const seen = new Set<string>();
  const docTime = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(docTime)) return issues;
  for (const s of segments) {
    if (s.date !== undefined || !s.source || seen.has(s.source)) continue;
    seen.add(s.source);
    const found = urlDate(s.source);
    if (!found) continue;
    const days = Math.round((Date.parse(`${found}T00:00:00Z`) - docTime) / 86_400_000);
    if (Math.abs(days) <= SOURCE_DATE_SLACK_DAYS) continue;
    const when = `${Math.abs(days)} days ${days > 0 ? 'after' : 'before'}`;
    issues.push({
      severity: 'warning',
      file,
      line: s.line,
      field: 'src date',
      message: `the source URL of this passage is dated ${found}, ${when} the document's date ${date}, and its src line gives no date: if the passage's words are from then, write "date: ${found}" after the URL (lineage and "later" read a passage's own date)`,
    });
  }
  return issues;
}
