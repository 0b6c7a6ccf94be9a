// Colour for people at a terminal, never for programs: ANSI colour goes out
// only when the stream is a TTY, the output is not JSON, and neither NO_COLOR
// (https://no-color.org: set and not empty) nor TERM=dumb asks for none.
// FORCE_COLOR / CLICOLOR_FORCE turn it on regardless (except for JSON), the
// same conventions commander uses for its own help.
import type { LoadIssue } from '../corpus/types.js';
import { formatIssue } from '../corpus/format-issue.js';

export interface ColourContext {
  /** The stream written to (only `isTTY` is read). */
  stream?: { isTTY?: boolean };
  /** The command's `--format`; JSON output never carries colour. */
  format?: string;
  env?: NodeJS.ProcessEnv;
}

/** Whether to colour what goes to `stream`. */
export function colourEnabled({ stream = process.stderr, format, env = process.env }: ColourContext = {}): boolean {
  if (format === 'json') return false;
  if (env.NO_COLOR || env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.FORCE_COLOR || env.CLICOLOR_FORCE !== undefined) return true;
  if (env.TERM === 'dumb') return false;
  return Boolean(stream.isTTY);
}

const CODES = { red: [31, 39], yellow: [33, 39], cyan: [36, 39], bold: [1, 22], dim: [2, 22] } as const;
export type Style = keyof typeof CODES;

/** `text` in `style` when `on`, else unchanged. */
export function paint(text: string, style: Style, on: boolean): string {
  return on ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text;
}

const SEVERITY_STYLE: Record<LoadIssue['severity'], Style> = { error: 'red', warning: 'yellow', note: 'cyan' };

/** One load issue on stderr (`file:line: severity [field]: message`), its severity coloured on a terminal. */
export function printIssue(issue: LoadIssue, context: Omit<ColourContext, 'stream'> = {}): void {
  const on = colourEnabled({ ...context, stream: process.stderr });
  const line = formatIssue(issue);
  const at = line.indexOf(`: ${issue.severity}`);
  const shown = on && at >= 0 ? `${line.slice(0, at + 2)}${paint(issue.severity, SEVERITY_STYLE[issue.severity], true)}${line.slice(at + 2 + issue.severity.length)}` : line;
  process.stderr.write(`${shown}\n`);
}

/**
 * Print load problems on stderr. Any error (a --corpus path that does not
 * exist or cannot be read, a bad record skipped) makes the exit code 1 once
 * the command has done its work with what did load: the output is complete
 * for what loaded, and a script or a typo in a path is not told all went well.
 */
export function reportLoadIssues(issues: LoadIssue[], options: { format?: string }): void {
  for (const issue of issues) printIssue(issue, { format: options.format });
  if (issues.some((i) => i.severity === 'error')) process.exitCode = 1;
}
