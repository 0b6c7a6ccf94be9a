// Kill the server (SIGKILL) while it saves drafts: every saved file must be
// exactly one version that was sent (or the one saved before), must load, and
// must be listed by the next server start.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { composeDraftFile, saveDraft, type DraftToSave } from '../../src/corpus/save-draft.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'save-crash-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const shipped = loadCorpus();
/** Versions of a draft: the texts of the real published plans (English ones parse as numbered lists). */
const versions = shipped.documents.filter((d) => d.kind === 'plan' && d.status === 'published' && d.language === 'en').map((d) => d.text);
const IDS = ['kept-a', 'kept-b', 'kept-c', 'kept-d', 'kept-e'];
const draft = (id: string, v: number): DraftToSave => ({ source: versions[v], id, title: `Draft ${id}`, sourceUrl: 'https://example.org/draft', date: '2025-11-27' });
/** The exact bytes each version becomes on disk. */
const expected = (id: string) => new Set(versions.map((_, v) => (composeDraftFile(draft(id, v), join(dir, `${id}.md`)) as { text: string }).text));

function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--corpus', dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return new Promise((resolveStart, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving \d+ documents at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolveStart({ child, base: m[1] });
    });
    child.stderr!.resume();
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
  });
}

function post(base: string, id: string, v: number): Promise<number> {
  const d = draft(id, v);
  const form = new URLSearchParams({ draft: d.source, id, title: d.title, source_url: d.sourceUrl, date: d.date!, keep: 'yes' });
  return fetch(`${base}/draft/save`, { method: 'POST', body: form, redirect: 'manual' }).then((r) => r.status, () => 0);
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
}

describe('saving drafts while the server is killed', () => {
  it('leaves every file as one whole version, loadable and listed after a restart', async () => {
    expect(versions.length).toBeGreaterThanOrEqual(3);
    const before = loadCorpus({ corpora: [dir] });
    for (const id of IDS) expect((await saveDraft(before, dir, draft(id, 0))).ok).toBe(true);

    let acknowledged = 0;
    for (const killAfterAcks of [2, 25]) {
      const { child, base } = await startServer();
      // Every file is saved over and over, several requests in flight at once;
      // SIGKILL lands once some saves are acknowledged, in the middle of the rest.
      let alive = true;
      let acks = 0;
      let killed!: () => void;
      const enough = new Promise<void>((r) => (killed = r));
      const statuses: number[] = [];
      const sender = async (id: string, lane: number) => {
        for (let v = lane; alive; v++) {
          const status = await post(base, id, (v % (versions.length - 1)) + 1);
          statuses.push(status);
          if (status === 303 && ++acks >= killAfterAcks) killed();
        }
      };
      const senders = IDS.flatMap((id) => [0, 1].map((lane) => sender(id, lane)));
      await enough;
      child.kill('SIGKILL');
      await exited(child);
      alive = false;
      await Promise.all(senders);
      acknowledged += acks;
      if (process.env.CRASH_DEBUG) console.log({ acks, sent: statuses.length, temps: readdirSync(dir).filter((n) => n.endsWith(".tmp")).length });
      expect(statuses.every((s) => s === 303 || s === 0), `only saved or cut off: ${statuses}`).toBe(true);

      for (const id of IDS) {
        const text = readFileSync(join(dir, `${id}.md`), 'utf8');
        expect(expected(id).has(text), `${id}.md is one whole version`).toBe(true);
      }
      const reloaded = loadCorpus({ corpora: [dir], builtin: false });
      expect(reloaded.issues).toEqual([]);
      expect(reloaded.documents.map((d) => d.id).sort()).toEqual(IDS);
      // Only whole documents and (dot-prefixed) temporary files a kill left behind.
      expect(readdirSync(dir).filter((n) => !n.startsWith('.')).sort()).toEqual(IDS.map((id) => `${id}.md`));
    }
    expect(acknowledged, 'saves completed before the kills').toBeGreaterThanOrEqual(27);

    const { child, base } = await startServer();
    const overview = await (await fetch(`${base}/`)).text();
    for (const id of IDS) {
      expect(overview).toContain(`/doc/${id}`);
      const page = await fetch(`${base}/doc/${id}`);
      expect(page.status).toBe(200);
      await page.text();
    }
    expect(findDocument(loadCorpus({ corpora: [dir] }), IDS[0])!.builtin).toBe(false);
    // With a --corpus folder, the draft page offers to keep the draft (opt-in).
    const draftPage = await (await fetch(`${base}/draft`, { method: 'POST', body: new URLSearchParams({ draft: versions[0] }) })).text();
    expect(draftPage).toContain('action="/draft/save"');
    expect(draftPage).toContain('name="keep" value="yes" required');
    child.kill('SIGTERM');
    await exited(child);
  });
});
