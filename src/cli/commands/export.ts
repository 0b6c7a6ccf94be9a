// `provenance export <plan>`: the provenance table of a plan as CSV, JSON or
// Markdown, to stdout or to a file (--out).
import { writeFileSync } from 'node:fs';
import { serialize, type ExportFormat } from '../../export/table.js';
import { provenanceTable } from '../../provenance/index.js';
import { UserError } from '../errors.js';
import type { CorpusOptions } from '../context.js';
import { runMatch } from './match.js';

export interface ExportCommandOptions extends CorpusOptions {
  top?: string;
  format: ExportFormat;
  out?: string;
}

export function exportCommand(planArg: string, options: ExportCommandOptions): void {
  const { result } = runMatch(planArg, options);
  const text = serialize(provenanceTable(result), options.format);
  if (!options.out) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(options.out, text);
  } catch (e) {
    throw new UserError(`cannot write --out ${options.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  process.stderr.write(`wrote ${result.points.length} points of ${result.plan} to ${options.out}\n`);
}
