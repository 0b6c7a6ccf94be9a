// `provenance export <plan>`: the provenance table of a plan as CSV, JSON or
// Markdown, or the plan and the corpora as passim's input (--format passim),
// to stdout or to a file (--out).
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { passimRecords, toPassimJsonl } from '../../export/passim.js';
import { serialize, type ExportFormat } from '../../export/table.js';
import { isSourceDocument } from '../../provenance/passages.js';
import { provenanceTable } from '../../provenance/index.js';
import { UserError } from '../errors.js';
import { draftDateOption, openCorpus, resolveDocument, type CorpusOptions } from '../context.js';
import { planOffsetsInto, rawMatch } from '../raw-offsets.js';
import { runMatch } from './match.js';

export interface ExportCommandOptions extends CorpusOptions {
  top?: string;
  format: ExportFormat | 'passim';
  out?: string;
  passim?: string;
  /** The plan file's date when it gives none (see match). */
  date?: string;
}

export async function exportCommand(planArg: string, options: ExportCommandOptions): Promise<void> {
  if (options.format === 'passim') return exportPassim(planArg, options);
  const { result, plan } = await runMatch(planArg, options);
  // Offsets into the plan file as saved, as in `match --format json` (raw-offsets.ts).
  const text = serialize(provenanceTable(rawMatch(result, plan), planOffsetsInto(plan), { url: plan.sources[0] }), options.format);
  write(text, options.out, `wrote ${result.points.length} point${result.points.length === 1 ? '' : 's'} of ${result.plan} to ${options.out}\n`);
}

/** The plan and every source document as passim's JSON Lines input (see export/passim.ts); no matching is done. */
function exportPassim(planArg: string, options: ExportCommandOptions): void {
  const date = draftDateOption(options.date);
  const corpus = openCorpus(options);
  const plan = resolveDocument(corpus, planArg, { date });
  if (plan.kind !== 'plan') throw new UserError(`"${plan.id}" is a ${plan.kind}, not a plan: give a plan id (see "provenance list") or a file with numbered points`);
  const sources = corpus.documents.filter(isSourceDocument);
  write(toPassimJsonl(passimRecords([plan], sources)), options.out, `wrote ${plan.id} and ${sources.length} source documents as passim input to ${options.out}\n`);
}

function write(text: string, out: string | undefined, done: string): void {
  if (!out) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (e) {
    throw new UserError(`cannot write --out ${out}: ${writeProblem(e as NodeJS.ErrnoException, out)}`);
  }
  process.stderr.write(done);
}

/** A failed write said in words, with what to do (the errno code kept for a search). */
function writeProblem(e: NodeJS.ErrnoException, out: string): string {
  switch (e.code) {
    case 'ENOENT':
      return `the folder ${dirname(out)} does not exist (ENOENT): create it or write elsewhere`;
    case 'EACCES':
    case 'EPERM':
      return `not allowed to write there (${e.code}): choose a folder you can write to`;
    case 'EISDIR':
      return 'that is a folder (EISDIR): give a file name';
    case 'ENOSPC':
      return 'the disk is full (ENOSPC)';
    case 'EROFS':
      return 'the file system is read-only (EROFS)';
    default:
      return e.code ?? e.message;
  }
}
