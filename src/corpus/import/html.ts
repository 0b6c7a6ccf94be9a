// A web page (.html/.htm) → plan text, with parse5 (MIT, the WHATWG HTML
// parsing algorithm browsers use). Lists are numbered as a browser shows
// them: `start`, `value`, `reversed` and `type` (or an inline
// `list-style-type`) decide the number or letter of each item.
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { blocksToPlanText } from './plan-text.js';
import { ImportError, type Block, type ImportedPlan, type ImportLimits } from './types.js';

type Element = T.Element;
type Node = T.ChildNode;

/** Never shown as page text, or the page's furniture rather than its content. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'nav', 'aside', 'footer', 'button', 'select', 'textarea']);
/** Elements that end a line of text (everything else is inline). */
const BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br', 'center',
]);

/** Read `text` (already decoded) as an HTML page. Throws ImportError when it has no text or too much of it. */
export function importHtml(text: string, limits: ImportLimits): ImportedPlan {
  const document = parse(text);
  const html = document.childNodes.find((n): n is Element => n.nodeName === 'html');
  const body = html?.childNodes.find((n): n is Element => n.nodeName === 'body');
  if (!body) throw new ImportError('no <body> in the page');
  const blocks: Block[] = [];
  let chars = 0;
  let buffer = '';
  let bufferWhere = '';
  const flush = () => {
    const t = collapse(buffer);
    if (t) {
      chars += t.length;
      if (chars > limits.maxTextChars) throw new ImportError(`the page holds more than ${limits.maxTextChars.toLocaleString('en')} characters of text`);
      blocks.push({ kind: 'paragraph', level: 0, text: t, where: bufferWhere });
    }
    buffer = '';
  };

  /** Inline and block content of `node` in reading order; lists become items. */
  const walk = (node: Element, path: string, listLevel: number) => {
    for (const [child, childPath] of withPaths(node, path)) {
      if (child.nodeName === '#text') {
        if (!buffer.trim()) bufferWhere = path;
        buffer += (child as T.TextNode).value;
      } else if (isElement(child) && !SKIPPED.has(child.tagName) && !hidden(child)) {
        if (child.tagName === 'ol' || child.tagName === 'ul') {
          flush();
          list(child, childPath, listLevel);
        } else if (BLOCK.has(child.tagName)) {
          flush();
          walk(child, childPath, listLevel);
          flush();
        } else {
          walk(child, childPath, listLevel);
        }
      }
    }
  };

  const list = (ol: Element, path: string, level: number) => {
    const ordered = ol.tagName === 'ol';
    const items = ol.childNodes.filter((n): n is Element => isElement(n) && n.tagName === 'li' && !hidden(n));
    const reversed = ordered && attr(ol, 'reversed') !== undefined;
    const start = Number.parseInt(attr(ol, 'start') ?? '', 10);
    let n = Number.isFinite(start) ? start : reversed ? items.length : 1;
    const style = listStyle(ol);
    for (const [child, childPath] of withPaths(ol, path)) {
      if (!isElement(child) || child.tagName !== 'li' || hidden(child)) continue;
      const value = Number.parseInt(attr(child, 'value') ?? '', 10);
      if (ordered && Number.isFinite(value)) n = value;
      // The item's own text; lists nested in it are its sub-items, after it.
      const saved = { buffer, blocksAt: blocks.length };
      buffer = '';
      const nested: [Element, string][] = [];
      const own = (node: Element, p: string) => {
        for (const [c, cp] of withPaths(node, p)) {
          if (c.nodeName === '#text') buffer += ` ${(c as T.TextNode).value}`;
          else if (isElement(c) && !SKIPPED.has(c.tagName) && !hidden(c)) {
            if (c.tagName === 'ol' || c.tagName === 'ul') nested.push([c, cp]);
            else {
              if (BLOCK.has(c.tagName)) buffer += ' ';
              own(c, cp);
            }
          }
        }
      };
      own(child, childPath);
      const text = collapse(buffer);
      buffer = saved.buffer;
      chars += text.length;
      if (chars > limits.maxTextChars) throw new ImportError(`the page holds more than ${limits.maxTextChars.toLocaleString('en')} characters of text`);
      const itemStyle = ordered ? style : 'bullet';
      blocks.push({ kind: 'item', level, style: itemStyle, marker: itemStyle === 'decimal' ? String(n) : itemStyle === 'letter' ? letter(n) : undefined, text, where: childPath });
      for (const [sub, subPath] of nested) list(sub, subPath, level + 1);
      n += reversed ? -1 : 1;
    }
  };

  walk(body, 'body', 0);
  flush();
  if (!blocks.some((b) => /\p{L}/u.test(b.text))) throw new ImportError('the page has no text in its body');
  const { text: plan, origins } = blocksToPlanText(blocks);
  return { format: 'html', text: plan, origins };
}

/** Children with their paths, `ol[2]` being the second `ol` among its siblings. */
function withPaths(node: Element, path: string): [Node, string][] {
  const seen = new Map<string, number>();
  return node.childNodes.map((c) => {
    if (!isElement(c)) return [c, path];
    const k = (seen.get(c.tagName) ?? 0) + 1;
    seen.set(c.tagName, k);
    return [c, `${path} > ${c.tagName}[${k}]`];
  });
}

function listStyle(ol: Element): 'decimal' | 'letter' | 'bullet' {
  const css = /list-style(?:-type)?\s*:\s*([a-z-]+)/i.exec(attr(ol, 'style') ?? '')?.[1]?.toLowerCase();
  if (css) return /alpha|latin/.test(css) ? 'letter' : css === 'decimal' || css === 'decimal-leading-zero' ? 'decimal' : 'bullet';
  const type = attr(ol, 'type');
  if (type === 'a' || type === 'A') return 'letter';
  if (type === 'i' || type === 'I') return 'bullet';
  return ol.tagName === 'ol' ? 'decimal' : 'bullet';
}

function isElement(n: Node): n is Element {
  return 'tagName' in n;
}

function attr(e: Element, name: string): string | undefined {
  return e.attrs.find((a) => a.name === name)?.value;
}

/** `hidden` or an inline `display:none`: not shown, so not part of what the author published. */
function hidden(e: Element): boolean {
  return attr(e, 'hidden') !== undefined || attr(e, 'aria-hidden') === 'true' || /display\s*:\s*none/i.test(attr(e, 'style') ?? '');
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function letter(n: number): string {
  return n >= 1 && n <= 26 ? String.fromCharCode(96 + n) : String(n);
}
