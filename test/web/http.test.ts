import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileDraft, startApp, XSS_PAYLOADS, type RunningApp } from './helpers.js';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const get = (path: string) => fetch(`${app.url}${path}`, { redirect: 'manual' });
const postDraft = (fields: Record<string, string>) =>
  fetch(`${app.url}/draft`, { method: 'POST', body: new URLSearchParams(fields) });

describe('pages', () => {
  it.each([
    '/',
    '/doc/us-28-2025-11-20',
    '/doc/ru-2025-06-02-memorandum',
    '/draft',
    '/compare',
    '/compare?versions=us-28-2025-11-20,us-28-ru-2025-11-20,e3-counter-2025-11-23',
    '/plan/us-28-2025-11-20',
    '/plan/us-ua-19-2025-11-24',
    '/plan/us-28-2025-11-20/point/21',
    '/plan/us-28-2025-11-20/point/13',
    '/plan/us-28-ru-2025-11-20/point/1',
    '/style/us-28-2025-11-20',
    '/style/us-28-ru-2025-11-20',
    '/style/ru-2025-06-02-memorandum',
  ])('%s answers 200 with HTML', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('names on hover what linked a cross-lingual span and a cross-language pair', async () => {
    const point = await (await get('/plan/us-28-ru-2025-11-20/point/1')).text();
    expect(point).toMatch(/title="[^"]*Суверенитет ≈ Sovereignty \(glossary\)/);
    const compare = await (await get('/compare?versions=us-28-2025-11-20,us-28-ru-2025-11-20')).text();
    expect(compare).toContain('rel-translated');
    expect(compare).toMatch(/title="[^"]*Суверенитет ≈ sovereignty \(glossary\)/);
  });

  it('the compare form says what the code does: columns against the first version, the collation over every pair', async () => {
    const html = await (await get('/compare')).text();
    expect(html).toContain('the columns align each version with the first; with three or more, the collation below also aligns every pair, with no version as the base');
    expect(html).not.toContain('the first is the reference every other is aligned with');
  });

  it('lists names only one side has, against a partly published point, apart from the changes', async () => {
    const compare = await (await get('/compare?versions=us-28-2025-11-20,e3-counter-2025-11-23')).text();
    expect(compare).toContain('Not in the published part (one side is only partly published, so not claimed as changed): −Moscow; −St. Petersburg');
    expect(compare).not.toMatch(/Names: −Moscow/);
  });

  it('the overview lists every plan version with its coverage', async () => {
    const html = await (await get('/')).text();
    expect(html).toContain('href="/plan/us-28-2025-11-20"');
    expect(html).toContain('href="/plan/ua-20-2025-12-24"');
    // us-28-2025-11-20: 12 complete, 4 partial, 12 missing of 28 (see corpora/plans).
    expect(html).toMatch(/12 · 4 · 12\s*\/ 28/);
    expect(html).toContain('title="point 13: missing"');
    expect(html).toContain('<svg class="timeline"');
  });

  it('the timeline runs to the latest statement of April 2026 and shows the reported-only 2026 plans as versions with no text', async () => {
    const html = await (await get('/')).text();
    const timeline = html.slice(html.indexOf('<svg class="timeline"'), html.indexOf('</svg>', html.indexOf('<svg class="timeline"')));
    expect(timeline).toContain('2026-04-10 · statement');
    expect(timeline).toContain('href="/doc/ua-2026-04-10-zelensky-easter-truce"');
    expect(timeline).toMatch(/>2026</);
    for (const id of ['us-ua-20-revised-2026-01', 'us-ua-eu-prosperity-framework-2026-01', 'us-ua-security-guarantees-2026-01', 'ua-eu-us-ceasefire-enforcement-2026-02']) {
      expect(html).toContain(`href="/plan/${id}"`);
    }
  });

  it.each(['us-ua-20-revised-2026-01', 'ua-eu-us-ceasefire-enforcement-2026-02'])('the reported-only plan %s shows its reports, never an empty comparison', async (id) => {
    const res = await get(`/plan/${id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/reported only|no text/i);
  });

  it('a plan document shows its missing points as missing, in place', async () => {
    const html = await (await get('/doc/us-28-2025-11-20')).text();
    const i12 = html.indexOf('id="seg-12"');
    const i13 = html.indexOf('id="seg-13"');
    const i14 = html.indexOf('id="seg-14"');
    expect(i12).toBeGreaterThan(0);
    expect(i13).toBeGreaterThan(i12);
    expect(i14).toBeGreaterThan(i13);
    expect(html.slice(i13, i14)).toContain('no verbatim text in the corpus: no source found gave it verbatim');
  });

  it('counts one point in the singular on the plan page ("Europe: 1 point", not "1 points")', async () => {
    const html = await (await get('/plan/us-28-2025-11-20')).text();
    expect(html).toContain('<title>Europe: 1 point (6%)</title>');
    expect(html).toMatch(/<\/span> 1 point \(6%\)<\/li>/);
    expect(html).not.toMatch(/\b1 points\b/);
  });

  it('a point with no text says what the corpus knows, never that it was not published (Axios published us-28 13)', async () => {
    const html = await (await get('/plan/us-28-2025-11-20/point/13')).text();
    expect(html).toContain('No verbatim text of point 13 of this version is in the corpus: no source found gave it verbatim.');
    expect(html).toContain('<a href="/doc/us-28-2025-11-20">the document\'s notes</a>');
    expect(html).not.toMatch(/never published|was published/);
  });
});

describe('status codes', () => {
  it.each([
    ['/nowhere', 404],
    ['/doc/no-such-document', 404],
    ['/doc/NOT_AN_ID', 404],
    ['/doc/..%2F..%2Fpackage.json', 404],
    ['/static/../package.json', 404],
    ['/static/%2e%2e/package.json', 404],
    ['/plan/no-such-plan', 404],
    ['/plan/ru-2025-06-02-memorandum', 404],
    ['/plan/us-28-2025-11-20/point/99', 404],
    ['/plan/us-28-2025-11-20/point/1x', 400],
    ['/plan/us-28-2025-11-20/point/-1', 400],
    ['/style/no-such-document', 404],
    ['/compare?versions=us-28-2025-11-20', 400],
    ['/compare?versions=us-28-2025-11-20,us-28-2025-11-20', 400],
    ['/compare?versions=us-28-2025-11-20,no-such-plan', 404],
    ['/compare?versions=us-28-2025-11-20,ru-2025-06-02-memorandum', 404],
    ['/compare?versions=a,b,c,d,e,f,g', 400],
    ['/compare?versions=', 400],
    ['/compare?versions=us-28-2025-11-20,e3-counter-2025-11-23&format=pdf', 400],
  ])('%s → %i', async (path, status) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    const body = await res.text();
    expect(body).not.toMatch(/at .+\.(ts|js):\d+/); // no stack trace
    expect(body).not.toContain('"name": "plan-provenance"');
  });

  it('an empty draft is a 400 page saying what to do', async () => {
    const res = await postDraft({ draft: '' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Paste a numbered draft');
  });

  it('a draft without numbered points is a 422 naming the line', async () => {
    const res = await postDraft({ draft: 'just a sentence, no numbers' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('&lt;pasted&gt;:1: error [body]: no numbered points found');
  });

  it('a draft with too many form fields is a 400, not a 413', async () => {
    const fields = new URLSearchParams({ draft: '1. The parties agree.' });
    for (let i = 0; i < 20; i++) fields.append(`f${i}`, 'x');
    const res = await fetch(`${app.url}/draft`, { method: 'POST', body: fields });
    expect(res.status).toBe(400);
  });

  it('an unknown version to compare a draft with is a 404; a bad date a 400', async () => {
    expect((await postDraft({ draft: '1. The parties agree.', against: 'no-such-plan' })).status).toBe(404);
    expect((await postDraft({ draft: '1. The parties agree.', date: '2025-13-45' })).status).toBe(400);
  });

  it('a draft dated 2025-02-30 (no such day) is a 400 saying so, as the CLI\'s --date does', async () => {
    const res = await postDraft({ draft: '1. The parties agree.', date: '2025-02-30' });
    expect(res.status).toBe(400);
    const text = (await res.text()).replace(/&#34;|&quot;/g, '"').replace(/&#39;/g, "'");
    expect(text).toContain(`The date "2025-02-30" is not a date: write the draft's date as YYYY-MM-DD, e.g. 2025-11-20.`);
    expect((await postDraft({ draft: '1. The parties agree.', date: '2024-02-29' })).status).toBe(200);
  });

  it('a draft with more points than the web view analyses is a 422 saying so', async () => {
    // The real points of the 28-point plan, numbered on past the limit.
    const body = readFileSync('corpora/plans/us-28-2025-11-20.md', 'utf8').split('\n---\n').slice(1).join('\n---\n');
    const points = body.split('\n').filter((l) => /^\d+\. /.test(l)).map((l) => l.replace(/^\d+\. /, ''));
    const draft = Array.from({ length: 201 }, (_, i) => `${i + 1}. ${points[i % points.length]}`).join('\n');
    const res = await postDraft({ draft });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('the draft has 201 points; the web view compares, matches and scores at most 200');
  });

  it('a draft over the size limit is a friendly 413 page', async () => {
    const res = await postDraft({ draft: `1. ${'x'.repeat(300 * 1024)}` });
    expect(res.status).toBe(413);
    const body = await res.text();
    expect(body).toContain('The draft is too large: the limit is 256 kB');
  });

  it('an uploaded file over the limit is a 413, a binary file a 415', async () => {
    const big = new FormData();
    big.append('file', new Blob([`1. ${'y'.repeat(300 * 1024)}`], { type: 'text/plain' }), 'draft.txt');
    expect((await fetch(`${app.url}/draft`, { method: 'POST', body: big })).status).toBe(413);
    const binary = new FormData();
    binary.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }), 'x.png');
    expect((await fetch(`${app.url}/draft`, { method: 'POST', body: binary })).status).toBe(415);
  });

  it('an uploaded .txt draft is read like a pasted one', async () => {
    const form = new FormData();
    const draft = readFileSync('corpora/plans/e3-counter-2025-11-23.md', 'utf8').split('\n---\n').slice(1).join('\n---\n');
    form.append('file', new Blob([draft], { type: 'text/plain' }), 'e3.txt');
    form.append('against', 'us-28-2025-11-20');
    const res = await fetch(`${app.url}/draft`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/Your draft, as read: \d+ points/);
    // E3 marks point 3 [removed]; the comparison with the 28-point plan says so.
    expect(html).toContain('[removed by this version]');
    expect(html).toContain('badge rel-dropped');
  });

  it('an upload with invalid UTF-8 is a 422 naming the byte', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([0x31, 0x2e, 0x20, 0xff, 0xfe, 0x0a])], { type: 'text/plain' }), 'draft.txt');
    const res = await fetch(`${app.url}/draft`, { method: 'POST', body: form });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('invalid UTF-8 at byte 3');
  });

  it('malformed JSON or odd content types never produce a 500', async () => {
    const res = await fetch(`${app.url}/draft`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\nbroken' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

describe('security headers', () => {
  it('sets a strict CSP, nosniff, and hides X-Powered-By', async () => {
    const res = await get('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('error pages carry the same headers', async () => {
    const res = await get('/nowhere');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('escaping', () => {
  it('a hostile pasted draft comes back as text, never as markup', async () => {
    const res = await postDraft({ draft: hostileDraft() });
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const payload of XSS_PAYLOADS) {
      if (/[<>"']/.test(payload)) expect(html).not.toContain(payload);
    }
    expect(html).not.toMatch(/<script>alert/i);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).not.toMatch(/<svg[^>]*onload/i);
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The split payload is shown as text in two points.
    expect(html).toMatch(/&lt;img id=(&quot;|&#34;)xss-split(&quot;|&#34;) src=x/);
  });

  it('hostile query parameters are echoed, if at all, escaped', async () => {
    for (const payload of XSS_PAYLOADS) {
      const res = await get(`/doc/${encodeURIComponent(payload)}`);
      expect(res.status).toBe(404);
      const html = await res.text();
      if (/[<>"']/.test(payload)) expect(html).not.toContain(payload);
    }
  });
});
