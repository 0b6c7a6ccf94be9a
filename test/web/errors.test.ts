// A fault inside a page handler answers with a plain 500 page: no stack, no
// internal message, the same security headers. The stack goes to stderr.
import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Document } from '../../src/corpus/types.js';
import { createApp } from '../../src/web/server.js';

let server: Server;
let url: string;
beforeAll(async () => {
  const corpus = loadCorpus({});
  // A document whose segments cannot be read: every page that touches it throws a TypeError.
  const broken = { ...corpus.documents.find((d) => d.id === 'us-28-2025-11-20')!, id: 'broken-plan', segments: null } as unknown as Document;
  corpus.documents.push(broken);
  const app = createApp({ corpus, options: { port: 0, corpora: [], builtin: true } });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it.each(['/doc/broken-plan', '/plan/broken-plan', '/style/broken-plan', '/compare?versions=us-28-2025-11-20,broken-plan'])('%s is a 500 page without internals', async (path) => {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const res = await fetch(`${url}${path}`);
  const logged = stderr.mock.calls.map((c) => String(c[0])).join('');
  stderr.mockRestore();
  expect(res.status).toBe(500);
  const body = await res.text();
  expect(body).toContain('The server could not answer this request');
  expect(body).not.toMatch(/TypeError|Cannot read|at \S+ \(|\.ts:\d+|\.js:\d+|node_modules/);
  expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(logged).toContain('TypeError');
});
