import { summarizeDocument } from '../../corpus/summary.js';
import { openCorpus, printJson, type CorpusOptions } from '../context.js';
import { renderTable } from '../table.js';

export function listCommand(options: CorpusOptions & { format: string }): void {
  const corpus = openCorpus(options);
  const rows = corpus.documents.map(summarizeDocument);
  if (options.format === 'json') return printJson(rows);
  process.stdout.write(
    `${renderTable(rows, [
      { header: 'id', value: (r) => r.id, max: 40 },
      { header: 'kind', value: (r) => r.kind },
      { header: 'side', value: (r) => r.side },
      { header: 'date', value: (r) => r.date },
      { header: 'lang', value: (r) => r.language },
      { header: 'segs', value: (r) => r.segments, align: 'right' },
      {
        header: 'coverage',
        value: (r) =>
          r.coverage
            ? r.status === 'reported-only'
              ? 'reported only (no text)'
              : `${r.coverage.complete.length}/${r.coverage.expected} complete, ${r.coverage.partial.length} partial, ${r.coverage.missing.length} missing`
            : '',
      },
    ])}\n`,
  );
}
