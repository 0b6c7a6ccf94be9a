// The body as lines with their offsets into the document text and their line
// numbers in the file. `<!-- src: URL -->` lines are metadata: they are taken
// out of the text and attach their URL to the lines after them, and the date
// they give (`<!-- src: URL date: YYYY-MM-DD … -->`), if any: a file that
// collects one speaker's statements of several days dates each passage.

export interface BodyLine {
  /** The line's text (no newline). */
  text: string;
  /** Offset of the line's first character in the document text. */
  start: number;
  /** 1-based line in the file. */
  fileLine: number;
  /** URL of the nearest `<!-- src: URL -->` above this line, if any. */
  source?: string;
  /** The date that comment gives (`date: YYYY-MM-DD` after the URL), as written; not checked here. */
  date?: string;
}

export interface Body {
  text: string;
  lines: BodyLine[];
}

const SRC_COMMENT = /^\s*<!--\s*src:\s*(\S+?)(?:\s+date:\s*(\S+?))?(?:\s.*)?-->\s*$/;

export function readBody(body: string, firstFileLine: number): Body {
  const raw = body.split('\n');
  const kept: BodyLine[] = [];
  let source: string | undefined;
  let date: string | undefined;
  let offset = 0;
  raw.forEach((text, i) => {
    const m = SRC_COMMENT.exec(text);
    if (m) {
      source = m[1];
      date = m[2];
      return;
    }
    kept.push({ text, start: offset, fileLine: firstFileLine + i, source, ...(date !== undefined ? { date } : {}) });
    offset += text.length + 1;
  });
  // Leading and trailing blank lines carry nothing; dropping them keeps offsets simple.
  while (kept.length && kept[kept.length - 1].text.trim() === '') kept.pop();
  let lead = 0;
  while (lead < kept.length && kept[lead].text.trim() === '') lead++;
  const shift = lead < kept.length ? kept[lead].start : 0;
  const lines = kept.slice(lead).map((l) => ({ ...l, start: l.start - shift }));
  return { text: lines.map((l) => l.text).join('\n'), lines };
}

/** Offsets of the line's content without leading/trailing whitespace. */
/**
 * A line that shows nothing: white space and invisible characters only (a zero-width space, BOM or
 * word joiner left on an "empty" line by a web page or an editor: Default_Ignorable_Code_Point, Cf).
 * It parts paragraphs like an empty line.
 */
export function isBlankLine(text: string): boolean {
  const t = text.trim();
  // Most lines start with a printable ASCII character or are longer than a run of invisible
  // characters left on an empty line (at most a few): not blank, and no regex run for them.
  if (t === '' || t.length > 16 || t.charCodeAt(0) < 0x80) return t === '';
  return INVISIBLE_ONLY.test(t);
}

const INVISIBLE_ONLY = /^[\s\p{Default_Ignorable_Code_Point}\p{Cf}]*$/u;

export function trimmedRange(line: BodyLine, from = 0): [number, number] {
  const t = line.text;
  let a = from;
  while (a < t.length && /\s/.test(t[a])) a++;
  let b = t.length;
  while (b > a && /\s/.test(t[b - 1])) b--;
  return [line.start + a, line.start + b];
}
