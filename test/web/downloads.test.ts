import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers.js';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8', md: 'text/markdown; charset=utf-8' } as const;
const PAGES = [
  ['/compare', { versions: 'us-28-2025-11-20,e3-counter-2025-11-23' }, 'alignment-us-28-2025-11-20--e3-counter-2025-11-23'],
  ['/plan/us-28-2025-11-20', {}, 'provenance-us-28-2025-11-20'],
  ['/style/us-28-2025-11-20', {}, 'translationese-us-28-2025-11-20'],
] as const;

describe('downloads from the page each table is shown on', () => {
  for (const [path, query, name] of PAGES) {
    for (const format of ['csv', 'json', 'md'] as const) {
      it(`${path} as ${format}`, async () => {
        const res = await fetch(`${app.url}${path}?${new URLSearchParams({ ...query, format })}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe(TYPES[format]);
        expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}.${format}"`);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        const body = await res.text();
        if (format === 'json') expect(Array.isArray(JSON.parse(body))).toBe(true);
        if (format === 'csv') expect((parse(body, { columns: true }) as unknown[]).length).toBeGreaterThan(3);
        if (format === 'md') expect(body.split('\n')[1]).toMatch(/^\| --- \|/);
      });
    }
  }

  it('each page links its three downloads', async () => {
    const html = await (await fetch(`${app.url}/plan/us-28-2025-11-20`)).text();
    for (const format of ['csv', 'json', 'md']) expect(html).toContain(`href="/plan/us-28-2025-11-20?format=${format}"`);
  });

  it('the alignment CSV records that E3 removed point 3 of the 28-point plan', async () => {
    const res = await fetch(`${app.url}/compare?versions=us-28-2025-11-20,e3-counter-2025-11-23&format=csv`);
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    const three = rows.find((r) => r.a === '3');
    expect(three?.relation).toBe('dropped');
    // Points the 28-point plan never published verbatim are not comparable, never "dropped".
    expect(rows.find((r) => r.a === '13')?.relation).toBe('unknown');
  });

  it('three versions also download their collation', async () => {
    const res = await fetch(`${app.url}/compare?versions=us-28-2025-11-20,e3-counter-2025-11-23,ua-20-2025-12-24&table=collation&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="collation-us-28-2025-11-20--e3-counter-2025-11-23--ua-20-2025-12-24.csv"');
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    // E3 marks point 3 [removed]: its row holds the 28-point plan's point 3.
    expect(rows.find((r) => r['us-28-2025-11-20'] === '3')?.['e3-counter-2025-11-23']).toMatch(/removed/);
    expect((await fetch(`${app.url}/compare?versions=us-28-2025-11-20,e3-counter-2025-11-23&table=collation&format=csv`)).status).toBe(400);
  });

  it('an unknown format is a 400', async () => {
    expect((await fetch(`${app.url}/plan/us-28-2025-11-20?format=xlsx`)).status).toBe(400);
    expect((await fetch(`${app.url}/plan/us-28-2025-11-20?format=csv&format=json`)).status).toBe(400);
  });

  it('a pasted draft downloads each of its three tables', async () => {
    const draft = readFileSync('corpora/plans/ua-20-2025-12-24.md', 'utf8').split('\n---\n').slice(1).join('\n---\n');
    for (const table of ['alignment', 'provenance', 'translationese']) {
      const res = await fetch(`${app.url}/draft`, { method: 'POST', body: new URLSearchParams({ draft, against: 'us-28-2025-11-20', table, format: 'csv' }) });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(TYPES.csv);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${table}-your-draft.csv"`);
      expect((parse(await res.text(), { columns: true }) as unknown[]).length).toBeGreaterThan(3);
    }
    const bad = await fetch(`${app.url}/draft`, { method: 'POST', body: new URLSearchParams({ draft, table: 'secrets', format: 'csv' }) });
    expect(bad.status).toBe(400);
  });
});
