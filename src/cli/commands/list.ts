// `provenance list` reads document summaries through a cache keyed by file
// contents (corpus/summary-cache.ts), so it starts without loading the parser.
import type { DocumentSummary } from '../../corpus/summary.js';
import { serialize, type ExportFormat, type ExportTable } from '../../export/table.js';
import { loadSummaries } from '../../corpus/summary-cache.js';
import type { CorpusOptions } from '../context.js';
import { reportLoadIssues } from '../colour.js';
import { printJson } from '../output.js';
import { progressFor } from '../progress.js';
import { renderTable } from '../table.js';

export async function listCommand(options: CorpusOptions & { format: string }): Promise<void> {
  const progress = progressFor(options);
  const { summaries: rows, issues } = await loadSummaries({
    corpora: options.corpus ?? [],
    builtin: options.builtin !== false,
    onProgress: (p) => progress.update(p.doneBytes, p.totalBytes, `loading ${p.file}`),
  });
  progress.stop();
  reportLoadIssues(issues, options);
  if (options.format === 'json') return printJson(rows);
  if (options.format !== 'table') return void process.stdout.write(serialize(listTable(rows), options.format as ExportFormat));
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
              : `${r.coverage.complete.length}/${r.coverage.expected} complete, ${r.coverage.partial.length} partial, ${r.coverage.missing.length}${r.coverage.missingFrom !== undefined ? '+' : ''} missing`
            : '',
      },
    ])}\n`,
  );
}

/** The listing as an export table (`--format csv|md`): one row per document. */
function listTable(rows: DocumentSummary[]): ExportTable {
  const columns = ['id', 'kind', 'side', 'date', 'language', 'segments', 'status', 'title', 'complete', 'partial', 'missing', 'removed', 'path'];
  return {
    columns,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      side: r.side,
      date: r.date,
      language: r.language,
      segments: r.segments,
      status: r.status,
      title: r.title,
      complete: r.coverage?.complete.join(' ') ?? '',
      partial: r.coverage?.partial.join(' ') ?? '',
      missing: r.coverage?.missing.join(' ') ?? '',
      removed: r.coverage?.removed.join(' ') ?? '',
      path: r.path,
    })),
  };
}
