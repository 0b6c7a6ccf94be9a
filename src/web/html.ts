// Building HTML from text and offsets. Every slice of user or corpus text goes
// through `escapeHtml` here; the templates only print these strings raw
// (`<%- %>`) when they come from this module.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A span to mark: offsets into the same text the caller passes to `highlightHtml`. */
export interface MarkSpan {
  start: number;
  end: number;
  /** CSS class of the mark (a colour class such as `hl-2` or `feat-3`). */
  className: string;
  /** Tooltip text (escaped like everything else). */
  title?: string;
  /** Marks with the same pair key belong together (a shared phrase on both sides). */
  pair?: string;
  /** A short tag shown after the span's last piece (the evidence number), so colour is not the only cue. */
  tag?: string;
}

/**
 * `text.slice(from, to)` as HTML with each span wrapped in `<mark>`. Spans are
 * offsets into `text` (not into the slice), so callers pass a document's text
 * and a segment's bounds unchanged. Overlapping spans are split at every
 * boundary; a piece covered by several spans takes the first span's class and
 * is flagged `overlap`, so nesting never has to be balanced. Offsets outside
 * the range are clamped, empty or inverted spans ignored: bad offsets from an
 * engine degrade the highlighting, never the escaping.
 */
export function highlightHtml(text: string, spans: readonly MarkSpan[], from = 0, to = text.length): string {
  const lo = clamp(from, 0, text.length);
  const hi = clamp(to, lo, text.length);
  const live = spans
    .map((s) => ({ ...s, start: clamp(Math.floor(s.start), lo, hi), end: clamp(Math.floor(s.end), lo, hi) }))
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start);
  const cuts = [...new Set([lo, hi, ...live.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const piece = escapeHtml(text.slice(a, b));
    const covering = live.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) {
      html += piece;
      continue;
    }
    const first = covering[0];
    const cls = covering.length > 1 ? `${first.className} overlap` : first.className;
    const titles = [...new Set(covering.map((s) => s.title).filter((t): t is string => !!t))].join('; ');
    const pair = first.pair ? ` data-pair="${escapeHtml(first.pair)}"` : '';
    const tag = first.tag && first.end === b ? ` data-tag="${escapeHtml(first.tag)}"` : '';
    html += `<mark class="${escapeHtml(cls)}"${pair}${tag}${titles ? ` title="${escapeHtml(titles)}"` : ''}>${piece}</mark>`;
  }
  return html;
}

/** A word diff (`=`, `-`, `+` pieces) as HTML: deletions in `<del>`, insertions in `<ins>`. */
export function diffHtml(diff: readonly { op: string; text: string }[]): string {
  return diff
    .map((d) => (d.op === '-' ? `<del>${escapeHtml(d.text)}</del>` : d.op === '+' ? `<ins>${escapeHtml(d.text)}</ins>` : escapeHtml(d.text)))
    .join('');
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), hi);
}

/** A link target from a corpus or a draft: only http(s) URLs become links; anything else (e.g. `javascript:`) does not. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
