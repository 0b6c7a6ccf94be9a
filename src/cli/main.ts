// The `provenance` command line. Each subcommand imports its module only when
// it runs, so `provenance list` does not pay for the web server or the NLP stack.
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { colourEnabled, paint } from './colour.js';
import { UserError } from './errors.js';
import { enabledLayers } from '../text/lexicon/layers.js';

/** package.json sits two folders up from both src/cli/main.ts and dist/cli/main.js. */
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const collect = (value: string, previous: string[]) => [...previous, value];
const corpusOption = () => new Option('--corpus <path>', 'add documents from a folder or file (repeatable)').argParser(collect).default([]);
const builtinOption = () => new Option('--no-builtin', 'leave the shipped corpora/ out');
const formatOption = (choices: string[], fallback = 'table') => new Option('--format <format>', 'output format').choices(choices).default(fallback);
/** The end of a command's --help: real invocations on the shipped corpora (test/cli/conventions.test.ts runs them). */
const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

const program = new Command()
  .name('provenance')
  .description('Trace how a political document was written: versions, origins, translationese.')
  .version(version, '-V, --version', 'print the version')
  // A usage error is one line, as the tool's own errors are ("provenance: …"), pointing to
  // the help rather than printing all of it (README, CLI).
  .configureOutput({ outputError: (str, write) => write(`${paint('provenance:', 'red', colourEnabled())} ${str.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')} (see --help)\n`) })
  .addHelpText('after', examples('provenance list', 'provenance align us-28-2025-11-20 e3-counter-2025-11-23'));

program
  .command('list')
  .description('list the documents of the corpora with their segment counts and coverage')
  .addOption(corpusOption())
  .addOption(builtinOption())
  .addOption(formatOption(['table', 'json', 'csv', 'md']))
  .addHelpText('after', examples('provenance list', 'provenance list --format csv > corpus.csv'))
  .action(async (opts) => (await import('./commands/list.js')).listCommand(opts));

program
  .command('show')
  .description('print one document segmented, with missing points marked')
  .argument('<id|file>', 'document id or path to a file (.md, .txt, .pdf, .docx, .html)')
  .addOption(corpusOption())
  .addOption(builtinOption())
  .addOption(formatOption(['table', 'json']))
  .addHelpText('after', examples('provenance show us-28-2025-11-20'))
  .action(async (id, opts) => (await import('./commands/show.js')).showCommand(id, opts));

program
  .command('check')
  .description('validate every document; exit 1 if any is invalid')
  .addOption(corpusOption())
  .addOption(builtinOption())
  .addOption(formatOption(['table', 'json']))
  .addHelpText('after', examples('provenance check', 'provenance check --no-builtin --corpus corpora/plans'))
  .action(async (opts) => (await import('./commands/check.js')).checkCommand(opts));

program
  .command('serve')
  .description('start the web view')
  .option('--port <n>', 'port (default: $PORT, else 3000)')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--draft-threads <n>', 'worker threads analysing pasted drafts (0: on the main thread; default: one per core, at most 4)')
  .addOption(corpusOption())
  .addOption(builtinOption())
  .addHelpText('after', examples('provenance serve --port 3000', 'provenance serve --corpus corpora/statements --no-builtin'))
  .action(async (opts) => (await import('./commands/serve.js')).serveCommand(opts));

program
  .command('translationese')
  .description('score how much English texts read as translated from Russian, with evidence spans')
  .argument('<inputs...>', 'document ids or paths to files')
  .option('--by-segment', 'also score each point or passage')
  .option('--common-points', 'score only the points every input has (compare renderings of one plan)')
  .addOption(corpusOption())
  .addOption(builtinOption())
  .addOption(formatOption(['table', 'json', 'csv', 'md']))
  .addHelpText('after', examples('provenance translationese us-28-2025-11-20 us-28-alt-en-2025-11-21', 'provenance translationese us-28-2025-11-20 --by-segment --format json'))
  .action(async (inputs, opts) => (await import('./commands/translationese.js')).translationeseCommand(inputs, opts));

program
  .command('match')
  .description('match each point of a plan to the earlier statements it echoes, with evidence and likely origin')
  .argument('<plan>', 'plan id or path to a file (a plain numbered list is accepted)')
  .addOption(corpusOption())
  .addOption(builtinOption())
  .option('--top <k>', 'candidates per point (best passage per source document)', '5')
  .option('--passim <path>', "take candidates from passim's aligned pairs (its output folder, align.json or out.json) instead of the index")
  .option('--date <YYYY-MM-DD>', "the plan file's date, when it has no front matter (else it is dated today: every statement up to today counts as an antecedent)")
  .addOption(formatOption(['table', 'json', 'csv', 'md']))
  .addHelpText(
    'after',
    // At most two examples a command (test/cli/conventions.test.ts): the shipped corpora, and a bulk file.
    examples('provenance match ua-20-2025-12-24 --format csv > ua-20-provenance.csv', 'provenance match us-28-2025-11-20 --corpus data/bulk/kremlin-en-2000-2020.jsonl.gz --top 20'),
  )
  .action(async (plan, opts) => (await import('./commands/match.js')).matchCommand(plan, opts));

program
  .command('export')
  .description("export the provenance table of a plan as CSV, JSON or Markdown, or the plan and the corpora as passim's input (--format passim)")
  .argument('<plan>', 'plan id or path to a file')
  .addOption(corpusOption())
  .addOption(builtinOption())
  .option('--top <k>', 'candidates per point', '5')
  .option('--passim <path>', "take candidates from passim's aligned pairs instead of the index")
  .option('--date <YYYY-MM-DD>', "the plan file's date, when it has no front matter (else it is dated today)")
  .addOption(formatOption(['csv', 'json', 'md', 'passim'], 'csv'))
  .option('--out <file>', 'write to this file instead of stdout')
  .addHelpText(
    'after',
    examples('provenance export ua-20-2025-12-24 --format csv --out ua-20.csv', 'provenance export us-28-2025-11-20 --corpus data/bulk/kremlin-en-2000-2020.jsonl.gz --format passim --out passim-input.jsonl'),
  )
  .action(async (plan, opts) => (await import('./commands/export.js')).exportCommand(plan, opts));

program
  .command('align')
  .description('align versions of a plan point by point (2) or collate them as witnesses (3+), with word diffs')
  .argument('<plans...>', 'two or more plan ids or paths to files')
  .addOption(corpusOption())
  .addOption(builtinOption())
  .addOption(formatOption(['table', 'json', 'csv', 'md', 'tei']))
  .addHelpText('after', examples('provenance align us-28-2025-11-20 e3-counter-2025-11-23', 'provenance align us-28-2025-11-20 e3-counter-2025-11-23 ua-20-2025-12-24 --format tei'))
  .action(async (plans, opts) => (await import('./commands/align.js')).alignCommand(plans, opts));

// (new subcommands go above this line: one block each, importing their module lazily)

// PDF, Word and HTML plan arguments are read into plan text before any command runs (see context.ts).
program.hook('preAction', async (_program, command) => {
  if (command.args.length) await (await import('./context.js')).importPlanArguments(command.args);
});

// `provenance match … | head`: the reader closed the pipe. Nothing is lost that
// the user still wants, so leave quietly (as cat or grep do) instead of
// Node's unhandled 'error' event with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    // The exit code a load error already set (1) stands.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

try {
  try {
    enabledLayers();
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof UserError) {
    process.stderr.write(`${paint('provenance:', 'red', colourEnabled())} ${e.message}\n`);
  } else {
    // No stack trace reaches a user: a system error (EACCES, ENOSPC, a SQLite error) is one line
    // naming what failed; PROVENANCE_DEBUG=1 adds the stack, for a bug report.
    const error = e instanceof Error ? e : new Error(String(e));
    const code = (error as NodeJS.ErrnoException).code;
    const stack = process.env.PROVENANCE_DEBUG ? `\n${error.stack}` : ' (set PROVENANCE_DEBUG=1 to see where)';
    process.stderr.write(`${paint('provenance:', 'red', colourEnabled())} ${error.message}${code && !error.message.includes(code) ? ` [${code}]` : ''}${stack}\n`);
  }
  process.exitCode = 1;
}
