import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { diffHtml, escapeHtml, highlightHtml, safeUrl } from '../../src/web/html.js';
import { XSS_PAYLOADS } from './helpers.js';

const corpus = loadCorpus({});
const plan = corpus.documents.find((d) => d.id === 'us-28-2025-11-20')!;

/** What the browser would show: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('highlightHtml', () => {
  it('marks exactly the sliced span of a real plan point and keeps the rest as text', () => {
    const point = plan.segments.find((s) => s.id === '1')!;
    const text = plan.text.slice(point.start, point.end);
    const word = text.indexOf('sovereignty');
    expect(word).toBeGreaterThanOrEqual(0);
    const start = point.start + word;
    const html = highlightHtml(plan.text, [{ start, end: start + 'sovereignty'.length, className: 'hl-0', pair: '1' }], point.start, point.end);
    expect(html).toContain('<mark class="hl-0" data-pair="1">sovereignty</mark>');
    expect(visibleText(html)).toBe(text);
  });

  it('escapes every slice, inside and outside marks, for every payload', () => {
    for (const payload of XSS_PAYLOADS) {
      const text = `before ${payload} after`;
      const start = 7;
      const html = highlightHtml(text, [{ start: start + 2, end: start + payload.length - 1, className: 'hl-1', title: payload }]);
      expect(visibleText(html)).toBe(text);
      // The only tags are our own marks.
      expect(html.replace(/<mark class="hl-1"( title="[^"]*")?>|<\/mark>/g, '')).not.toMatch(/[<>]/);
    }
  });

  it('splits overlapping spans at every boundary and flags the overlap', () => {
    const html = highlightHtml('abcdefgh', [
      { start: 1, end: 5, className: 'hl-0' },
      { start: 3, end: 7, className: 'hl-1' },
    ]);
    expect(html).toBe('a<mark class="hl-0">bc</mark><mark class="hl-0 overlap">de</mark><mark class="hl-1">fg</mark>h');
  });

  it('clamps offsets outside the range and ignores empty or inverted spans', () => {
    expect(highlightHtml('abc<d>', [{ start: -5, end: 2, className: 'x' }, { start: 4, end: 4, className: 'y' }, { start: 5, end: 3, className: 'z' }])).toBe(
      '<mark class="x">ab</mark>c&lt;d&gt;',
    );
    expect(highlightHtml('abcdef', [{ start: 0, end: 100, className: 'x' }], 2, 4)).toBe('<mark class="x">cd</mark>');
    expect(highlightHtml('abc', [{ start: NaN, end: 2, className: 'x' }])).toBe('abc');
  });
});

describe('diffHtml', () => {
  it('wraps deletions and insertions and escapes their text', () => {
    expect(diffHtml([{ op: '=', text: 'a ' }, { op: '-', text: '<b>' }, { op: '+', text: '"c"' }])).toBe('a <del>&lt;b&gt;</del><ins>&quot;c&quot;</ins>');
  });
});

describe('escapeHtml and safeUrl', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
  it('keeps http(s) links and drops javascript: and data: URLs', () => {
    expect(safeUrl('https://www.axios.com/x')).toBe('https://www.axios.com/x');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl(' JAVASCRIPT:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,<script>alert(1)</script>')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
  });
});

describe('highlightHtml tags', () => {
  it('puts the tag on the last piece of its span only', () => {
    const html = highlightHtml('abcdef', [
      { start: 0, end: 4, className: 'hl-0', tag: '1' },
      { start: 2, end: 6, className: 'hl-1', tag: '2' },
    ]);
    expect(html).toBe('<mark class="hl-0">ab</mark><mark class="hl-0 overlap" data-tag="1">cd</mark><mark class="hl-1" data-tag="2">ef</mark>');
  });
});
