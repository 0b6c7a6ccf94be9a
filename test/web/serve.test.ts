// `provenance serve` picks its port from --port, else $PORT, else 3000.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Start the CLI's serve command, wait for its "serving … at URL" line, fetch `/`, stop it. */
async function serve(args: string[], env: Record<string, string>, then?: (url: string) => Promise<void>): Promise<{ url: string; status: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /serving \d+ documents at (http:\/\/[\d.]+:\d+)\//.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    const res = await fetch(`${url}/`);
    await then?.(url);
    return { url, status: res.status };
  } finally {
    child.kill('SIGTERM');
  }
}

describe('serve', () => {
  it('--port wins over $PORT; $PORT is used without --port', async () => {
    const [a, b] = [await freePort(), await freePort()];
    const withFlag = await serve(['--port', String(b)], { PORT: String(a) });
    expect(withFlag).toEqual({ url: `http://127.0.0.1:${b}`, status: 200 });
    const withEnv = await serve([], { PORT: String(a) });
    expect(withEnv).toEqual({ url: `http://127.0.0.1:${a}`, status: 200 });
  }, 120_000);

  it('a port already in use is one clear error and exit 1, never "serving" (Express 5 calls back with the error)', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', String(port), '--draft-threads', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(out).not.toMatch(/serving/);
      expect(err.trim()).toBe(`provenance: port ${port} is already in use on 127.0.0.1: stop the program using it, or choose another port with --port (or PORT=…)`);
    } finally {
      blocker.close();
    }
  }, 120_000);

  it('analyses pasted drafts in worker threads: results as on the main thread, several at once', async () => {
    const e3 = readFileSync('corpora/plans/e3-counter-2025-11-23.md', 'utf8');
    const post = (url: string, draft: string, against = 'us-28-2025-11-20') => fetch(`${url}/draft`, { method: 'POST', body: new URLSearchParams({ draft, against }) });
    const pages: string[] = [];
    await serve(['--port', String(await freePort()), '--draft-threads', '2'], {}, async (url) => {
      const answers = await Promise.all(['us-28-2025-11-20', 'ua-20-2025-12-24', 'us-28-alt-en-2025-11-21'].map((against) => post(url, e3, against)));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
      for (const r of answers) pages.push(await r.text());
      expect((await post(url, 'no numbered points here')).status).toBe(422);
    });
    // The draft's provenance table names the statements it matched (from the worker's own index).
    for (const page of pages) expect(page).toContain('ru-2025-06-02-memorandum');
  }, 120_000);
});
