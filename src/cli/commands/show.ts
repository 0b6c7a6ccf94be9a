import { pointSlots, segmentText } from '../../corpus/coverage.js';
import { summarizeDocument } from '../../corpus/summary.js';
import type { Document } from '../../corpus/types.js';
import { openCorpus, printJson, resolveDocument, type CorpusOptions } from '../context.js';

export function showCommand(id: string, options: CorpusOptions & { format: string }): void {
  const corpus = openCorpus(options);
  const doc = resolveDocument(corpus, id);
  if (options.format === 'json') {
    return printJson({
      ...summarizeDocument(doc),
      notes: doc.notes,
      text: doc.text,
      ...(doc.imported && { imported: doc.imported }),
      segments: doc.segments.map((s) => ({ ...s, text: segmentText(doc, s), ...(doc.imported && { from: originOf(doc, s.line) }) })),
    });
  }
  process.stdout.write(`${renderDocument(doc)}\n`);
}

/** The document as a reader sees it: every point in order, gaps named. */
function renderDocument(doc: Document): string {
  const out = [`${doc.id} — ${doc.title}`, `${doc.kind}, side ${doc.side}, ${doc.date}, ${doc.language}${doc.translatedFrom ? ` (translated from ${doc.translatedFrom})` : ''}`];
  if (doc.speaker) out.push(`speaker: ${doc.speaker}`);
  out.push(...doc.sources.map((s) => `source: ${s}`));
  if (doc.imported) out.push(`text extracted from ${doc.imported.format.toUpperCase()}${doc.imported.pages ? ` (${doc.imported.pages} page${doc.imported.pages === 1 ? '' : 's'})` : ''}: check it against the file; offsets refer to this text (--format json prints it)`);
  out.push('');
  if (doc.kind === 'plan' && doc.status === 'reported-only') {
    out.push('Text never published: what was reported about it (not plan text):');
    for (const s of doc.segments) out.push(`  [${s.id}] ${segmentText(doc, s)}`);
    return out.join('\n');
  }
  if (doc.kind !== 'plan') {
    for (const s of doc.segments) out.push(`[${s.id}] ${segmentText(doc, s)}`, '');
    return out.join('\n').trimEnd();
  }
  for (const s of doc.segments.filter((x) => x.kind === 'preamble')) out.push(`[${s.id}] ${segmentText(doc, s)}`);
  for (const slot of pointSlots(doc)) {
    if (slot.state === 'missing' && doc.missingFrom !== undefined && Number(slot.n) >= doc.missingFrom) out.push(`${slot.n.padStart(3)}. [missing: the source breaks off after point ${doc.missingFrom - 1}; later points unknown]`);
    else if (slot.state === 'missing') out.push(`${slot.n.padStart(3)}. [missing: not published in any source found]`);
    else if (slot.state === 'unlisted') out.push(`${slot.n.padStart(3)}. [absent from the source]`);
    else if (slot.state === 'removed') out.push(`${slot.n.padStart(3)}. [removed in this version]`);
    else {
      const seg = slot.segment!;
      const subs = doc.segments.filter((s) => s.parent === seg.id);
      const heading = subs.length ? doc.text.slice(seg.start, subs[0].start).replace(/\s*(?:[-*•–—‒―−]\s*)?(?:[a-z][.)])?\s*$/, '').trim() : segmentText(doc, seg);
      const merged = seg.merged?.length ? `  [merged: also ${seg.merged.map((m) => `"${m.ordinal}"`).join(', ')}]` : '';
      out.push(`${slot.n.padStart(3)}. ${heading}${slot.state === 'partial' ? '  [partial]' : ''}${merged}`);
      for (const sub of subs) out.push(`     ${sub.id}  ${segmentText(doc, sub)}`);
    }
  }
  return out.join('\n');
}

/** Where the line `line` of an imported document's text came from (page and line, paragraph, element). */
function originOf(doc: Document, line: number): string | undefined {
  return doc.imported?.origins.find((o) => o.line === line)?.where;
}
