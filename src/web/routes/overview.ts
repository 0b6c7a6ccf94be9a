// `/` the corpora at a glance, and `/doc/:id` one document's text by segment.
import type { Router } from 'express';
import { noTextReason, planCoverage, pointSlots, segmentText } from '../../corpus/coverage.js';
import { formatIssue } from '../../corpus/format-issue.js';
import type { Document } from '../../corpus/types.js';
import { safeUrl } from '../html.js';
import { documentById } from '../params.js';
import { SIDE_ORDER } from '../sides.js';
import { buildTimeline } from '../timeline.js';
import type { AppState } from '../state.js';

/** With a bulk corpus (thousands of statements) the overview lists the most recent ones per side, and the timeline the most recent overall. */
const MAX_LISTED = 60;
const MAX_TIMELINE_STATEMENTS = 400;

/** Versions ticked by default in the compare form: the earliest published English plan of each side, up to this many. */
const DEFAULT_COMPARE = 3;

export function defaultComparison(plans: Document[]): Set<string> {
  const chosen = new Map<string, string>();
  for (const p of [...plans].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))) {
    if (p.status === 'published' && p.language === 'en' && !chosen.has(p.side) && chosen.size < DEFAULT_COMPARE) chosen.set(p.side, p.id);
  }
  return new Set(chosen.values());
}

export function overviewRoutes(router: Router, state: AppState): void {
  router.get('/', (_req, res) => {
    const docs = state.corpus.documents;
    const byDate = (a: Document, b: Document) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);
    const plans = docs.filter((d) => d.kind === 'plan').sort(byDate);
    const checked = defaultComparison(plans);
    const statements = docs.filter((d) => d.kind !== 'plan').sort(byDate);
    res.render('overview', {
      plans: plans.map((doc) => ({ doc, coverage: planCoverage(doc), slots: pointSlots(doc), checked: checked.has(doc.id) })),
      statements,
      statementGroups: SIDE_ORDER.map((side) => {
        const all = statements.filter((d) => d.side === side);
        return { side, count: all.length, docs: all.slice(-MAX_LISTED) };
      }).filter((g) => g.count),
      timeline: buildTimeline([...plans, ...statements.slice(-MAX_TIMELINE_STATEMENTS)], (d) => (d.kind === 'plan' ? `/plan/${d.id}` : `/doc/${d.id}`)),
      timelineHidden: Math.max(0, statements.length - MAX_TIMELINE_STATEMENTS),
      issues: state.corpus.issues.map(formatIssue),
    });
  });

  router.get('/doc/:id', (req, res) => {
    const doc = documentById(state.corpus, req.params.id);
    res.render('doc', { doc: { ...doc, sources: doc.sources.map(safeUrl).filter(Boolean) }, rows: documentRows(doc) });
  });
}

export interface DocumentRow {
  id: string;
  label: string;
  kind: string;
  text: string;
  source?: string;
}

/**
 * A document's segments in reading order; for a plan, points with no text appear as `missing` rows in their
 * place, their `text` what the corpus knows of them ("no source found gave it verbatim").
 */
export function documentRows(doc: Document): DocumentRow[] {
  const rows: DocumentRow[] = doc.segments.map((s) => ({
    id: s.id,
    label: s.label,
    kind: s.partial ? 'partial' : s.kind,
    text: s.kind === 'removed' ? '[removed by this version]' : s.kind === 'point' ? firstLine(doc, s) : segmentText(doc, s),
    source: safeUrl(s.source),
  }));
  if (doc.kind !== 'plan' || doc.status !== 'published') return rows;
  // Insert missing slots before the first row whose point number is larger.
  for (const slot of pointSlots(doc).filter((p) => p.state === 'missing' || p.state === 'unlisted')) {
    const at = rows.findIndex((r) => Number(r.id.split('.')[0]) > Number(slot.n));
    // A row with no text carries what the corpus knows of it instead (noTextReason).
    const row = { id: slot.n, label: slot.n, kind: 'missing', text: noTextReason(doc, slot.n) };
    if (at < 0) rows.push(row);
    else rows.splice(at, 0, row);
  }
  return rows;
}

/** A point segment spans its sub-items too; shown alone, it is only its heading up to the first sub-item. */
function firstLine(doc: Document, point: Document['segments'][number]): string {
  const child = doc.segments.find((s) => s.parent === point.id);
  // Up to the first sub-item, without the dangling list marker that introduces it.
  return doc.text.slice(point.start, child ? child.start : point.end).trim().replace(/\s*(?:[-–•]|[a-z]\)|\d+\))$/, '');
}
