// Split a Markdown document into YAML front matter and body, keeping enough
// position information to name the line of any field in an error message.
import { LineCounter, isMap, isScalar, parseDocument, type Pair } from 'yaml';
import type { LoadIssue } from './types.js';

export interface FrontMatter {
  /** Parsed YAML mapping (plain data). */
  data: Record<string, unknown>;
  /** 1-based file line where each top-level field's key starts. */
  fieldLines: Record<string, number>;
  /** 1-based file line of the first body line. */
  bodyLine: number;
  body: string;
}

export type FrontMatterResult =
  | { ok: true; value: FrontMatter }
  | { ok: false; issue: LoadIssue };

const FENCE = /^---[ \t]*$/;
const TOO_DEEP = 'front matter is nested too deeply: fields hold plain text, a date or a list';

/** True when the text opens with a `---` fence, i.e. claims to have front matter. */
export function hasFrontMatter(text: string): boolean {
  return FENCE.test(text.slice(0, text.indexOf('\n') >>> 0));
}

/**
 * Offset (UTF-16 units) of the first body line of an LF text: after the
 * closing `---` of its front matter, 0 when it has none (or it is not closed).
 */
export function frontMatterBodyStart(text: string): number {
  if (!hasFrontMatter(text)) return 0;
  let i = text.indexOf('\n');
  while (i >= 0) {
    const next = text.indexOf('\n', i + 1);
    if (FENCE.test(text.slice(i + 1, next < 0 ? text.length : next))) return next < 0 ? text.length : next + 1;
    i = next;
  }
  return 0;
}

export function splitFrontMatter(text: string, file: string): FrontMatterResult {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return err(file, 1, 'front matter', 'the file must start with a line `---`, then the YAML fields, then another `---`');
  }
  const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (close < 0) {
    return err(file, 1, 'front matter', 'front matter is not closed: add a line `---` after the last field');
  }
  const yamlText = lines.slice(1, close).join('\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line;
    // yaml reports a stack overflow from absurd nesting as an ordinary error.
    const message = /call stack/i.test(e.message) ? TOO_DEEP : `YAML syntax error: ${e.message.split('\n')[0]}`;
    return err(file, line + 1, 'front matter', message);
  }
  if (!isMap(doc.contents)) {
    return err(file, 2, 'front matter', 'front matter must be a list of `field: value` lines');
  }
  // No prototype: a field named `__proto__` or `constructor` must not read back a built-in.
  const fieldLines: Record<string, number> = Object.create(null);
  for (const item of doc.contents.items as Pair[]) {
    if (isScalar(item.key) && item.key.range) {
      fieldLines[String(item.key.value)] = lineCounter.linePos(item.key.range[0]).line + 1;
    }
  }
  let data: Record<string, unknown>;
  try {
    data = doc.toJS({ maxAliasCount: 50 }) as Record<string, unknown>;
  } catch (e) {
    // toJS throws on alias bombs (too many `*alias` expansions) and deep recursion.
    const why = e instanceof RangeError ? TOO_DEEP : 'front matter uses too many YAML aliases (`*name`): write the values out';
    return err(file, 2, 'front matter', why);
  }
  return {
    ok: true,
    value: { data, fieldLines, bodyLine: close + 2, body: lines.slice(close + 1).join('\n') },
  };
}

function err(file: string, line: number, field: string, message: string): FrontMatterResult {
  return { ok: false, issue: { severity: 'error', file, line, field, message } };
}
