import { printIssue } from '../colour.js';
import { openCorpus, type CorpusOptions } from '../context.js';

/** Validate every document; exit 1 if any is invalid. */
export function checkCommand(options: CorpusOptions & { format?: string }): void {
  const corpus = openCorpus(options, { quiet: true });
  const errors = corpus.issues.filter((i) => i.severity === 'error');
  const warnings = corpus.issues.filter((i) => i.severity === 'warning');
  const notes = corpus.issues.filter((i) => i.severity === 'note');
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ documents: corpus.documents.length, errors, warnings, notes }, null, 2)}\n`);
  } else {
    for (const issue of corpus.issues) printIssue(issue, { format: options.format });
    process.stdout.write(`${corpus.documents.length} document${corpus.documents.length === 1 ? '' : 's'} loaded, ${errors.length} error(s), ${warnings.length} warning(s)${notes.length ? `, ${notes.length} note(s)` : ''}\n`);
  }
  if (errors.length) process.exitCode = 1;
}
