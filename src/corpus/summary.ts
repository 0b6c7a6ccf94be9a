// A document described without its text: what `list` prints and the overview shows.
import { planCoverage } from './coverage.js';
import type { Coverage, Document } from './types.js';

export interface DocumentSummary {
  id: string;
  kind: Document['kind'];
  title: string;
  side: Document['side'];
  speaker: string;
  date: string;
  language: string;
  translatedFrom: string;
  status: Document['status'];
  segments: number;
  missing: string[];
  coverage?: Coverage;
  sources: string[];
  path: string;
  builtin: boolean;
}

export function summarizeDocument(doc: Document): DocumentSummary {
  const coverage = doc.kind === 'plan' ? planCoverage(doc) : undefined;
  return {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    side: doc.side,
    speaker: doc.speaker,
    date: doc.date,
    language: doc.language,
    translatedFrom: doc.translatedFrom,
    status: doc.status,
    segments: doc.segments.length,
    missing: coverage ? coverage.missing : [],
    coverage,
    sources: doc.sources,
    path: doc.path,
    builtin: doc.builtin,
  };
}
