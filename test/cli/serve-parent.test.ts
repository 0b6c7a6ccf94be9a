// `npm start` then killing npm (a backgrounded `npm start` stopped with `kill %1`)
// must not leave the server holding its port: under an npm script the server
// closes when the shell that started it is gone. A direct `provenance serve`
// is not affected (nohup may detach it on purpose).
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function startUnderShell(env: Record<string, string | undefined>) {
  // As npm runs a script: sh -c "node … serve"; the shell is the server's parent.
  const sh = spawn('sh', ['-c', `${process.execPath} --import tsx src/cli/main.ts serve --port 0 --draft-threads 0`], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('server did not start')), 90_000);
    sh.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('serving')) clearTimeout(timer), ok();
    });
  });
  const pid = Number(spawnSync('pgrep', ['-P', String(sh.pid)], { encoding: 'utf8' }).stdout.trim().split('\n')[0]);
  expect(pid).toBeGreaterThan(0);
  return { sh, pid };
}

describe('the server and the npm script that started it', () => {
  it('closes when the npm script (its parent shell) is killed', async () => {
    const { sh, pid } = await startUnderShell({ npm_lifecycle_event: 'start' });
    sh.kill('SIGKILL');
    let gone = false;
    for (let i = 0; i < 50 && !gone; i++) {
      await new Promise((r) => setTimeout(r, 200));
      gone = !alive(pid);
    }
    if (!gone) process.kill(pid, 'SIGKILL');
    expect(gone).toBe(true);
  }, 120_000);

  it('keeps running when started directly (not by npm) and its parent goes away', async () => {
    const { sh, pid } = await startUnderShell({ npm_lifecycle_event: undefined });
    sh.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 3000));
    const stillAlive = alive(pid);
    if (stillAlive) process.kill(pid, 'SIGKILL');
    expect(stillAlive).toBe(true);
  }, 120_000);
});
