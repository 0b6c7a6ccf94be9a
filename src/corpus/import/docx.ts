// Word (.docx) → plan text. Word's automatic numbering is not in the text:
// the numbers and letters the author saw are rebuilt from numbering.xml
// (levels, start values, restarts) as Word counts them (ECMA-376 Part 1,
// §17.9). XML is read with @xmldom/xmldom; the zip with fflate (zip.ts).
//
// mammoth was the first choice, but its document model gives a paragraph's
// list level and whether it is ordered, not the list instance or the start
// values, so "14." after "12." or a restarted list could not be rebuilt.
import { DOMParser, type Element } from '@xmldom/xmldom';
import { blocksToPlanText } from './plan-text.js';
import { ImportError, type Block, type ImportedPlan, type ImportLimits } from './types.js';
import { readZipEntries } from './zip.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const STYLES = 'word/styles.xml';

interface Level {
  start: number;
  format: string;
  /** Level whose increment restarts this one (`w:lvlRestart`); by default any shallower level. */
  restartAfter?: number;
}

interface Numbering {
  /** numId → abstract list and per-level start overrides. */
  nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
  abstracts: Map<string, Map<number, Level>>;
  /** Paragraph style id → its numbering (`List Number` and the like). */
  styleNumbering: Map<string, { numId?: string; ilvl?: number }>;
}

/**
 * Read `bytes` as a .docx. Throws ImportError (one line) when it is not a
 * Word document, unpacks beyond `limits.maxUnpackedBytes`, or its XML is
 * broken.
 */
export function importDocx(bytes: Uint8Array, limits: ImportLimits): ImportedPlan {
  const parts = readZipEntries(bytes, [DOCUMENT, NUMBERING, STYLES], limits.maxUnpackedBytes);
  const documentXml = parts.get(DOCUMENT);
  if (!documentXml) throw new ImportError('a zip archive without word/document.xml: not a Word document');
  const document = parseXml(documentXml, DOCUMENT);
  const numbering = readNumbering(parts.get(NUMBERING), parts.get(STYLES));
  const counters = new Map<string, (number | undefined)[]>();
  const started = new Set<string>();
  const blocks: Block[] = [];
  let chars = 0;
  const paragraphs = [...document.getElementsByTagNameNS(W, 'p')].filter((p) => !insideFallback(p));
  paragraphs.forEach((p, i) => {
    const text = paragraphText(p);
    chars += text.length;
    if (chars > limits.maxTextChars) throw new ImportError(`the document holds more than ${limits.maxTextChars.toLocaleString('en')} characters of text`);
    const where = `paragraph ${i + 1}`;
    const list = listOf(p, numbering);
    if (!list) {
      blocks.push({ kind: 'paragraph', level: 0, text, where });
      return;
    }
    const { numId, ilvl, abstractId, level } = list;
    // Word counts per abstract list: list instances sharing one continue each
    // other, unless an instance overrides the start of a level (a restart).
    const override = numbering.nums.get(numId)?.overrides.get(ilvl);
    const key = override !== undefined ? `num ${numId}` : `abstract ${abstractId}`;
    const levels = counters.get(key) ?? [];
    counters.set(key, levels);
    if (override !== undefined && !started.has(`${numId}/${ilvl}`)) {
      started.add(`${numId}/${ilvl}`);
      levels[ilvl] = override;
    } else {
      levels[ilvl] = levels[ilvl] === undefined ? level.start : levels[ilvl]! + 1;
    }
    // A deeper level restarts after this one (unless it says otherwise).
    const levelsOf = numbering.abstracts.get(abstractId);
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restartAfter = levelsOf?.get(deeper)?.restartAfter;
      if (restartAfter === undefined || restartAfter > ilvl) levels[deeper] = undefined;
    }
    const n = levels[ilvl]!;
    const style = level.format === 'decimal' || level.format === 'decimalZero' ? 'decimal' : /letter/i.test(level.format) ? 'letter' : 'bullet';
    const marker = style === 'decimal' ? String(n) : style === 'letter' ? letter(n) : undefined;
    blocks.push({ kind: 'item', level: ilvl, style, marker, text, where: `${where} (list level ${ilvl + 1})` });
  });
  const { text, origins } = blocksToPlanText(blocks);
  return { format: 'docx', text, origins };
}

function parseXml(bytes: Uint8Array, part: string) {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(`${part} is not UTF-8: the document is damaged`);
  }
  const errors: string[] = [];
  let doc;
  try {
    doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(String(message))) }).parseFromString(text, 'application/xml');
  } catch (e) {
    // xmldom throws on a fatal error (text cut short, a stray `<`) after reporting it.
    errors.push((e as Error).message);
  }
  if (!doc || errors.length || !doc.documentElement) throw new ImportError(`${part} is not well-formed XML (${(errors[0] ?? 'empty').split('\n')[0].slice(0, 100)}): the document is damaged`);
  return doc;
}

function readNumbering(numberingXml: Uint8Array | undefined, stylesXml: Uint8Array | undefined): Numbering {
  const numbering: Numbering = { nums: new Map(), abstracts: new Map(), styleNumbering: new Map() };
  if (stylesXml) {
    const styles = parseXml(stylesXml, STYLES);
    const byId = new Map<string, Element>();
    for (const s of styles.getElementsByTagNameNS(W, 'style')) byId.set(attr(s, 'styleId') ?? '', s);
    for (const [id] of byId) {
      // A style's numbering may come from the style it is based on.
      let style = byId.get(id);
      for (let hops = 0; style && hops < 10; hops++) {
        const numPr = child(child(style, 'pPr'), 'numPr');
        if (numPr) {
          const ilvl = attr(child(numPr, 'ilvl'), 'val');
          numbering.styleNumbering.set(id, { numId: attr(child(numPr, 'numId'), 'val'), ilvl: ilvl === undefined ? undefined : Number(ilvl) });
          break;
        }
        style = byId.get(attr(child(style, 'basedOn'), 'val') ?? '');
      }
    }
  }
  if (!numberingXml) return numbering;
  const xml = parseXml(numberingXml, NUMBERING);
  const styleLinks = new Map<string, string>();
  for (const a of xml.getElementsByTagNameNS(W, 'abstractNum')) {
    const id = attr(a, 'abstractNumId') ?? '';
    const levels = new Map<number, Level>();
    for (const lvl of children(a, 'lvl')) {
      const ilvl = Number(attr(lvl, 'ilvl') ?? 0);
      const restart = attr(child(lvl, 'lvlRestart'), 'val');
      levels.set(ilvl, {
        start: Number(attr(child(lvl, 'start'), 'val') ?? 0),
        format: attr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
        // lvlRestart counts levels from 1; 0 means never restart.
        restartAfter: restart === undefined ? undefined : Number(restart) === 0 ? -1 : Number(restart) - 1,
      });
      const pStyle = attr(child(lvl, 'pStyle'), 'val');
      if (pStyle && !numbering.styleNumbering.get(pStyle)?.ilvl) numbering.styleNumbering.set(pStyle, { ...numbering.styleNumbering.get(pStyle), ilvl });
    }
    numbering.abstracts.set(id, levels);
    const link = attr(child(a, 'numStyleLink'), 'val');
    if (link) styleLinks.set(id, link);
  }
  for (const num of xml.getElementsByTagNameNS(W, 'num')) {
    const overrides = new Map<number, number>();
    for (const o of children(num, 'lvlOverride')) {
      const start = attr(child(o, 'startOverride'), 'val');
      if (start !== undefined) overrides.set(Number(attr(o, 'ilvl') ?? 0), Number(start));
    }
    numbering.nums.set(attr(num, 'numId') ?? '', { abstractId: attr(child(num, 'abstractNumId'), 'val') ?? '', overrides });
  }
  // An abstract list that only links to a numbering style takes that style's list's levels.
  for (const [id, styleId] of styleLinks) {
    const numId = numbering.styleNumbering.get(styleId)?.numId;
    const target = numId && numbering.nums.get(numId)?.abstractId;
    if (target && target !== id && numbering.abstracts.get(target)?.size) numbering.abstracts.set(id, numbering.abstracts.get(target)!);
  }
  return numbering;
}

/** The list a paragraph is in, from its own properties or its style's; undefined when unnumbered. */
function listOf(p: Element, numbering: Numbering) {
  const pPr = child(p, 'pPr');
  const numPr = child(pPr, 'numPr');
  const fromStyle = numbering.styleNumbering.get(attr(child(pPr, 'pStyle'), 'val') ?? '');
  const numId = attr(child(numPr, 'numId'), 'val') ?? fromStyle?.numId;
  if (!numId || numId === '0') return undefined;
  const ilvlText = attr(child(numPr, 'ilvl'), 'val');
  const ilvl = Math.min(8, Math.max(0, ilvlText !== undefined ? Number(ilvlText) || 0 : (fromStyle?.ilvl ?? 0)));
  const abstractId = numbering.nums.get(numId)?.abstractId;
  const level = abstractId !== undefined ? numbering.abstracts.get(abstractId)?.get(ilvl) : undefined;
  if (abstractId === undefined || !level || level.format === 'none') return undefined;
  return { numId, ilvl, abstractId, level };
}

/** The paragraph's visible text: runs, tabs and breaks as spaces; deleted text and field codes are other elements. */
function paragraphText(p: Element): string {
  let text = '';
  const walk = (node: Element) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (e.namespaceURI === W) {
        if (e.localName === 't') text += e.textContent ?? '';
        else if (e.localName === 'tab' || e.localName === 'br' || e.localName === 'cr') text += ' ';
        else if (e.localName === 'noBreakHyphen') text += '-';
        else if (e.localName === 'p' || e.localName === 'txbxContent' || e.localName === 'pPr' || e.localName === 'del' || e.localName === 'moveFrom') continue; // tracked deletions and moved-away text are not the text shown
        else walk(e);
      } else if (e.localName !== 'Fallback') walk(e);
    }
  };
  walk(p);
  return text;
}

/** Text boxes appear twice, in mc:Choice and in the mc:Fallback copy for old readers: read the first only. */
function insideFallback(e: Element): boolean {
  for (let n = e.parentNode; n; n = n.parentNode) if ((n as Element).localName === 'Fallback') return true;
  return false;
}

function child(e: Element | undefined, name: string): Element | undefined {
  if (!e) return undefined;
  for (let c = e.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as Element).namespaceURI === W && (c as Element).localName === name) return c as Element;
  return undefined;
}

function children(e: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let c = e.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as Element).namespaceURI === W && (c as Element).localName === name) out.push(c as Element);
  return out;
}

function attr(e: Element | undefined, name: string): string | undefined {
  return e?.getAttributeNS(W, name) ?? undefined;
}

/** 1 → a, 26 → z, 27 → aa (Word's lowerLetter repeats the letter). */
function letter(n: number): string {
  if (n < 1) return String(n);
  const l = String.fromCharCode(97 + ((n - 1) % 26));
  return l.repeat(Math.floor((n - 1) / 26) + 1);
}
