// `provenance serve` picks its port from --port, else $PORT, else 3000.
import { spawn } from 'node:child_process';
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
async function serve(args: string[], env: Record<string, string>): Promise<{ url: string; status: number }> {
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
});
