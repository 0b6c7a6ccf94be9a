// The web compare view reads text as the CLI does: an NFD copy shows no
// <del>/<ins> (field case 04), and a negated point is marked as a polarity
// change (field case 10, Russian pair). Inputs: test/fixtures/field-cases.
import { copyFileSync, mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { createApp } from '../../src/web/server.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/field-cases');
let server: Server;
let url = '';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'compare-fold-'));
  for (const f of ['04-nfd-combining-marks/a-nfc.md', '04-nfd-combining-marks/b-nfd.md', '10-negation-as-stop-word/ru-a.md', '10-negation-as-stop-word/ru-b.md']) copyFileSync(resolve(FIXTURES, f), join(dir, f.split('/')[1]));
  const corpus = loadCorpus({ builtin: false, corpora: [dir] });
  const app = createApp({ corpus, options: { port: 0, corpora: [dir], builtin: false } });
  server = await new Promise((done) => {
    const s = app.listen(0, '127.0.0.1', () => done(s));
  });
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((done) => {
  server.close(() => done());
  server.closeAllConnections();
}));

describe('/compare', () => {
  it('shows no deletion or insertion between NFC and NFD text (only the legend)', async () => {
    const html = await (await fetch(`${url}/compare?versions=nfc-version,nfd-version`)).text();
    expect(html.match(/<del>[^<]*<\/del>/g)).toEqual(['<del>deleted</del>']);
    expect(html.match(/<ins>[^<]*<\/ins>/g)).toEqual(['<ins>inserted</ins>']);
  });

  it('marks a reversed polarity beside the word diff', async () => {
    const html = await (await fetch(`${url}/compare?versions=ru-neg-a,ru-neg-b`)).text();
    expect(html).toContain('<p class="figures polarity">Polarity reversed: <mark class="polarity">вступит → не вступит</mark></p>');
    expect(html).toContain('<ins>не </ins>');
  });
});
