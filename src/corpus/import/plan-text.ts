// Blocks (what the author saw) to plan text in the loader's numbered-list
// format:
//
//   Title and preamble paragraphs, one per line, blank line between
//   1. Point text
//       a) Lettered sub-item        (segment 1.a)
//       - Bulleted or numbered sub-item (segment 1.N, its ordinal)
//
// Every emitted line keeps a pointer back to its block's `where`.
import type { Block, LineOrigin } from './types.js';

const SUB_INDENT = '    ';

export function blocksToPlanText(blocks: Block[]): { text: string; origins: LineOrigin[] } {
  const lines: string[] = [];
  const origins: LineOrigin[] = [];
  let inPoint = false;
  let lastWasParagraph = false;
  const push = (line: string, where: string) => {
    lines.push(line);
    origins.push({ line: lines.length, where });
  };
  for (const raw of blocks) {
    const block = raw.kind === 'paragraph' ? manualMarker(raw, inPoint) : raw;
    const text = oneLine(block.text);
    const point = block.kind === 'item' && block.level === 0 && block.style === 'decimal' && block.marker;
    // An empty point ("20." whose text is all in its sub-items) still opens the point.
    if (!text && !point) continue;
    if (point) {
      if (lastWasParagraph) lines.push('');
      push(`${block.marker}. ${text}`.trimEnd(), block.where);
      inPoint = true;
      lastWasParagraph = false;
    } else if (block.kind === 'item' && inPoint) {
      const indent = SUB_INDENT.repeat(Math.max(1, block.level));
      const marker = block.style === 'letter' && block.marker && /^[a-z]$/.test(block.marker) ? `${block.marker}) ` : '- ';
      push(`${indent}${marker}${text}`, block.where);
      lastWasParagraph = false;
    } else if (inPoint) {
      // After a point, unnumbered text continues the last item, as in plain text.
      push(`${SUB_INDENT}${text}`, block.where);
    } else {
      // Before the first point: title, banner, preamble — never points.
      if (lines.length) lines.push('');
      push(text, block.where);
      lastWasParagraph = true;
    }
  }
  return { text: lines.length ? `${lines.join('\n')}\n` : '', origins };
}

/** Join inner line breaks and runs of white space into single spaces. */
function oneLine(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

const MANUAL_POINT = /^(\d{1,3})[.)](?:[ \t\u00a0]+|$)/;
const MANUAL_LETTER = /^\(?([a-z])[.)][ \t\u00a0]+(?=\S)/;
const MANUAL_BULLET = /^[-•–▪●◦*][ \t\u00a0]+(?=\S)/;

/**
 * A paragraph numbered by hand ("14. …", "b) …", "• …"), as in a PDF or a
 * Word file typed without automatic numbering: the author saw a point or a
 * sub-item, so it becomes one. Letters and bullets count only inside a point.
 */
function manualMarker(block: Block, inPoint: boolean): Block {
  const text = block.text.replace(/^[\s\u00a0]+/, '');
  const point = MANUAL_POINT.exec(text);
  if (point) return { ...block, kind: 'item', level: 0, style: 'decimal', marker: String(Number(point[1])), text: text.slice(point[0].length) };
  if (!inPoint) return block;
  const letter = MANUAL_LETTER.exec(text);
  if (letter) return { ...block, kind: 'item', level: Math.max(1, block.level), style: 'letter', marker: letter[1], text: text.slice(letter[0].length) };
  const bullet = MANUAL_BULLET.exec(text);
  if (bullet) return { ...block, kind: 'item', level: Math.max(1, block.level), style: 'bullet', text: text.slice(bullet[0].length) };
  return block;
}
