// `provenance serve --corpus <bulk file>` builds the file's index before it
// listens; the serve command shows the same progress bar as `match` meanwhile,
// and stops it before the server says where it is listening.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/web/server.js';

describe('serve with a bulk file', () => {
  it('reports the index build to its progress, then stops it before listening', async () => {
    // The first 40 pages of the shipped kremlin bulk file.
    const lines = gunzipSync(readFileSync('data/bulk/kremlin-en-2000-2020.jsonl.gz')).toString('utf8').split('\n').slice(0, 40);
    const dir = mkdtempSync(join(tmpdir(), 'serve-progress-'));
    const file = join(dir, 'kremlin-40.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const events: string[] = [];
    const indexProgress = { update: (done: number, total: number, label: string) => events.push(`${label} ${done}/${total}`), stop: () => events.push('stop') };
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (events.push(`stdout ${String(chunk).trim()}`), true)) as typeof process.stdout.write;
    let server;
    try {
      server = await startServer({ port: 0, corpora: [file], builtin: false, draftThreads: 0, indexProgress });
    } finally {
      process.stdout.write = write;
    }
    server.close();
    const last = [...events].reverse().find((e) => e.startsWith('indexing'))!;
    expect(last).toMatch(/^indexing kremlin-40\.jsonl (\d+)\/\1$/);
    const stop = events.indexOf('stop');
    expect(stop).toBeGreaterThan(events.indexOf(last));
    expect(events.findIndex((e) => e.startsWith('stdout plan-provenance: serving'))).toBeGreaterThan(stop);
  });
});
