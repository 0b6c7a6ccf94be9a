// `provenance align A B [C…]`: parse arguments, call the aligner, render.
import { alignDocuments, alignmentTable, collationTable, gapText, pairChangesText, MAX_VERSIONS, toTei, type Alignment } from '../../align/index.js';
import { loadGlossary } from '../../text/index.js';
import type { Document } from '../../corpus/types.js';
import { serialize } from '../../export/table.js';
import { UserError } from '../errors.js';
import { openCorpus, printJson, resolveDocument, type CorpusOptions } from '../context.js';
import { renderTable } from '../table.js';
import { rawCollation, rawPairs } from '../raw-offsets.js';

export function alignCommand(ids: string[], options: CorpusOptions & { format: string }): void {
  if (ids.length < 2) throw new UserError('align needs at least two plans');
  if (ids.length > MAX_VERSIONS) throw new UserError(`align takes at most ${MAX_VERSIONS} plans (got ${ids.length})`);
  const corpus = openCorpus(options);
  const docs = ids.map((id) => resolveDocument(corpus, id, { args: ids }));
  checkPlans(docs);
  try {
    loadGlossary();
  } catch (e) {
    // A hand-edited glossary row is a user error: say which line, do not crash.
    throw new UserError((e as Error).message);
  }
  const alignment = alignDocuments(docs);
  const { format } = options;
  if (format === 'json') return printJson(jsonOf(alignment, docs));
  if (format === 'tei') return void process.stdout.write(toTei(alignment.collation, docs));
  if (format === 'csv' || format === 'md') {
    const table = docs.length === 2 ? alignmentTable(alignment.alignments[0]) : collationTable(alignment.collation);
    return void process.stdout.write(serialize(table, format));
  }
  process.stdout.write(`${docs.length === 2 ? renderPairs(alignment) : renderCollation(alignment)}\n`);
}

function checkPlans(docs: Document[]) {
  const seen = new Set<string>();
  for (const d of docs) {
    if (seen.has(d.id)) throw new UserError(`"${d.id}" is given twice`);
    seen.add(d.id);
    if (d.kind !== 'plan') throw new UserError(`"${d.id}" is a ${d.kind}, not a plan; align compares versions of a plan`);
    if (d.status === 'reported-only') throw new UserError(`"${d.id}" has no published text (status: reported-only), so it cannot be aligned`);
  }
}

/** DESIGN.md's shape for two versions; with three or more, every pair and the collation are added. */
function jsonOf(al: Alignment, docs: Document[]) {
  // Offsets into each plain-text file as given (raw-offsets.ts).
  const byId = new Map(docs.map((d) => [d.id, d]));
  if (al.versions.length === 2) return { versions: al.versions, pairs: rawPairs(al.pairs, docs[0], docs[1]) };
  return { ...al, pairs: rawPairs(al.pairs, docs[0], docs[1]), collation: rawCollation(al.collation, docs), alignments: al.alignments.map((x) => ({ ...x, pairs: rawPairs(x.pairs, byId.get(x.versions[0])!, byId.get(x.versions[1])!) })) };
}

function renderPairs(al: Alignment): string {
  const rows = al.pairs.flatMap((p) => [p, ...(p.subpairs ?? []).map((s) => ({ ...s, sub: true }))]) as (Alignment['pairs'][number] & { sub?: boolean })[];
  const [a, b] = al.versions;
  return renderTable(rows, [
    { header: a.slice(0, 24), value: (r) => `${r.sub ? '  ' : ''}${r.a ?? '—'}` },
    { header: b.slice(0, 24), value: (r) => `${r.sub ? '  ' : ''}${r.b ?? '—'}` },
    { header: 'relation', value: (r) => `${r.relation}${r.moved ? ' (moved)' : ''}${r.partial ? ' (partial)' : ''}` },
    { header: 'sim', value: (r) => (r.a && r.b && r.relation !== 'dropped' ? r.similarity.toFixed(2) : ''), align: 'right' },
    { header: 'changed figures / names, or why', value: (r) => (r.reason ? r.reason : pairChangesText(r)), max: 70 },
  ]) + (rows.some((r) => r.notInPublishedPart?.length) ? NOT_PUBLISHED_NOTE : '');
}

const NOT_PUBLISHED_NOTE =
  '\n\n[not in the published part: …] = a figure or name only one side has, where the other side (partial) is only partly published: it may be in the unpublished part, so it is not claimed as changed';

function renderCollation(al: Alignment): string {
  const c = al.collation;
  return renderTable(c.rows, [
    { header: 'row', value: (r) => r.n, align: 'right' },
    ...c.witnesses.map((w) => ({
      header: w.slice(0, 22),
      value: (r: (typeof c.rows)[number]) => {
        const rd = r.readings.find((x) => x.witness === w)!;
        const mark = rd.state === 'present' ? (rd.variant ? '*' : '') : rd.state === 'partial' ? ` partial${rd.variant ? '*' : ''}` : rd.state;
        if (rd.elsewhere?.length) return `→ row ${rd.elsewhere.map((e) => e.row).join(', ')}`;
        return rd.points.length && rd.text ? `${rd.points.join('+')}${mark ? ` ${mark}`.replace('  ', ' ') : ''}` : rd.points.length ? `${rd.points.join('+')} ${gapText(rd)}` : gapText(rd);
      },
    })),
    { header: 'composite (witness)', value: (r) => (r.composite ? `${r.composite.text} (${r.composite.witness})` : '—'), max: 70 },
  ]) + '\n\n* = reading differs from the composite (in wording, or in language)' + (c.rows.some((r) => r.readings.some((x) => x.elsewhere?.length)) ? '\n→ row N = a pairwise alignment pairs this row with a point of that version which reads in row N (too weak a link to join the rows)' : '');
}
