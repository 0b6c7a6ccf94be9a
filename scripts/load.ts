// Sustained load: start the web server on loopback, warm it up, then run a
// mix of page views, table downloads and pasted-draft POSTs for 30 s at 50
// concurrent connections. Reports requests/s, p50/p99 latency, errors and
// timeouts, and the server's resident memory after warm-up and after the run.
//
//   npm run load [-- --duration 30 --connections 50 --warmup 15 --only page,download,draft --draft-threads 0]
//
// Pages and drafts are reported apart: after the warm-up, the page views and
// downloads alone, then the whole mix; page p99 under concurrent draft POSTs
// is compared with page p99 alone.
//
// Pass: no errors, no timeouts, no non-2xx answers, page p99 under drafts at
// most 3× page p99 alone, and RSS at the end of the
// run within 20 % of RSS at the end of the warm-up (each the median of the
// readings of the phase's last 5 s; the peak and the RSS after 10 s idle are
// reported too). Exit code 1 otherwise.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { planPoints } from '../src/corpus/coverage.js';
import { findDocument, loadCorpus } from '../src/corpus/load.js';
import type { Document } from '../src/corpus/types.js';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '15' },
    /** Comma-separated kinds to keep (page, download, draft), to see which part of the mix costs what. */
    only: { type: 'string', default: 'page,download,draft' },
    /** Passed to `serve --draft-threads` (0: drafts on the main thread, as before the worker pool). */
    'draft-threads': { type: 'string' },
  },
});
const DURATION_S = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const WARMUP_S = Number(args.warmup);
const RSS_TOLERANCE = 0.2;
/** Page p99 under concurrent draft POSTs may be at most this multiple of page p99 with no drafts. */
const PAGE_P99_RATIO = 3;

interface Request {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  kind: 'page' | 'download' | 'draft';
  /** A fresh body for each send (drafts vary, so the server's cache of recent analyses cannot answer them). */
  nextBody?: () => string;
  /** Left out of the per-request latency breakdown (autocannon's overall figures include it). */
  untimed?: boolean;
}

/**
 * Draft bodies: the real text of a plan with one point left out (as a
 * researcher pastes a partial draft), compared in turn with each other plan.
 * The variants cycle with a period far above the server's 16-entry cache, so
 * every POST is analysed afresh.
 */
function draftBodies(plan: Document, others: Document[]): () => string {
  const points = planPoints(plan);
  let k = 0;
  return () => {
    const left = points[k % points.length];
    const against = others[Math.floor(k / points.length) % others.length];
    k++;
    const draft = `${plan.text.slice(0, left.start)}${plan.text.slice(left.end)}`.replace(/\n{2,}/g, '\n');
    return new URLSearchParams({ draft, against: against.id }).toString();
  };
}

/** The request mix, from the shipped corpora: real ids, and a real plan's text (one point left out) pasted as a draft. */
function requestMix(): Request[] {
  const corpus = loadCorpus();
  const plan = findDocument(corpus, 'us-28-2025-11-20')!;
  const statement = findDocument(corpus, 'ru-2025-06-02-memorandum')!;
  const other = findDocument(corpus, 'e3-counter-2025-11-23')!;
  const versions = `${plan.id},${other.id}`;
  const comparedWith = corpus.documents.filter((d) => d.kind === 'plan' && d.status === 'published' && d.id !== plan.id);
  const nextBody = draftBodies(plan, comparedWith);
  const post: Request = { method: 'POST', path: '/draft', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: nextBody(), kind: 'draft', nextBody };
  return [
    // First in each connection's cycle, and not in the per-request breakdown: autocannon prepares the
    // first request of a cycle early, so a per-request clock would charge it the previous request's wait.
    { method: 'GET', path: '/static/style.css', kind: 'page', untimed: true },
    { method: 'GET', path: '/', kind: 'page' },
    { method: 'GET', path: `/doc/${statement.id}`, kind: 'page' },
    { method: 'GET', path: `/plan/${plan.id}`, kind: 'page' },
    { method: 'GET', path: `/plan/${plan.id}/point/7`, kind: 'page' },
    { method: 'GET', path: `/compare?versions=${versions}`, kind: 'page' },
    { method: 'GET', path: `/style/${plan.id}`, kind: 'page' },
    { method: 'GET', path: `/doc/${plan.id}`, kind: 'page' },
    { method: 'GET', path: `/plan/${plan.id}?format=csv`, kind: 'download' },
    { method: 'GET', path: `/compare?versions=${versions}&format=json`, kind: 'download' },
    { method: 'GET', path: `/style/${plan.id}?format=md`, kind: 'download' },
    post,
  ];
}

function startServer(): Promise<{ child: ChildProcess; base: string }> {
  // Loopback only: this is a load test of our own server, never of anyone else's.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--host', '127.0.0.1', ...(args['draft-threads'] ? ['--draft-threads', args['draft-threads']] : [])], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving \d+ documents at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) ok({ child, base: m[1] });
    });
    child.on('exit', (code) => fail(new Error(`server exited (${code}) before listening`)));
  });
}

/** Resident set size of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return Math.round(kb / 102.4) / 10;
}

/**
 * RSS of a phase: the median of readings every 500 ms over its last 5 s, under
 * load. One reading lands anywhere in a garbage-collection cycle (±20 % from one
 * second to the next); the median of the closing seconds compares like with like.
 */
async function phaseRss<T>(pid: number, seconds: number, work: Promise<T>): Promise<{ result: T; closing: number; peak: number }> {
  const samples: { at: number; mb: number }[] = [];
  const t0 = performance.now();
  const timer = setInterval(() => samples.push({ at: (performance.now() - t0) / 1000, mb: rssMb(pid) }), 500);
  try {
    const result = await work;
    const closing = samples.filter((s) => s.at >= seconds - 5).map((s) => s.mb).sort((a, b) => a - b);
    return { result, closing: closing[Math.floor(closing.length / 2)] ?? rssMb(pid), peak: Math.max(...samples.map((s) => s.mb)) };
  } finally {
    clearInterval(timer);
  }
}

/** RSS after `seconds` idle: what the server keeps once the load is gone (reported, not judged). */
async function idleRssMb(pid: number, seconds: number): Promise<number> {
  await new Promise((r) => setTimeout(r, seconds * 1000));
  return rssMb(pid);
}

/** Keep only the requests the server answers with 200 now (pages not built yet are reported, not counted). */
async function available(base: string, mix: Request[]): Promise<Request[]> {
  const ok: Request[] = [];
  for (const r of mix) {
    const res = await fetch(base + r.path, { method: r.method, headers: r.headers, body: r.body });
    await res.arrayBuffer();
    if (res.status === 200) ok.push(r);
    else console.log(`skipped (HTTP ${res.status}): ${r.method} ${r.path.slice(0, 80)}`);
  }
  return ok;
}

/** Latencies by request (method and path), measured per connection (one request in flight each, no pipelining). */
type Latencies = Map<string, number[]>;
const label = (r: Request) => `${r.method} ${r.path}`;

function run(base: string, requests: Request[], seconds: number, latencies?: Latencies): Promise<autocannon.Result> {
  return autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    // Each connection cycles through the mix in order.
    requests: requests.map((r) => ({
      method: r.method,
      path: r.path,
      headers: r.headers,
      body: r.body,
      setupRequest: (req: autocannon.Request, context: object) => {
        (context as { sentAt?: number }).sentAt = performance.now();
        return r.nextBody ? { ...req, body: r.nextBody() } : req;
      },
      onResponse: (_status: number, _body: string, context: object) => {
        if (r.untimed) return;
        const list = latencies?.get(label(r)) ?? [];
        list.push(performance.now() - ((context as { sentAt?: number }).sentAt ?? 0));
        latencies?.set(label(r), list);
      },
    })),
  });
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
}

/** p50/p99 of every answered request of the given kinds. */
function byKind(mix: Request[], latencies: Latencies, kinds: Request['kind'][]): { answered: number; p50: number; p99: number } {
  const all = mix.filter((r) => kinds.includes(r.kind)).flatMap((r) => latencies.get(label(r)) ?? []);
  return { answered: all.length, p50: percentile(all, 50), p99: percentile(all, 99) };
}

async function main(): Promise<void> {
  const { child, base } = await startServer();
  try {
    const kinds = new Set(args.only!.split(','));
    const mix = (await available(base, requestMix())).filter((r) => kinds.has(r.kind));
    if (kinds.has('draft') && !mix.some((r) => r.kind === 'draft')) throw new Error('POST /draft is not answering 200; the load test needs the draft page');
    const counts = { page: 0, download: 0, draft: 0 };
    for (const r of mix) counts[r.kind]++;
    console.log(`mix per cycle: ${counts.page} page views, ${counts.download} downloads, ${counts.draft} draft POSTs (${(Buffer.byteLength(mix.find((r) => r.kind === 'draft')?.body ?? '') / 1024).toFixed(1)} kB)`);
    const pid = child.pid!;
    const rssStart = rssMb(pid);
    console.log(`warm-up: ${WARMUP_S} s at ${CONNECTIONS} connections…`);
    const warm = await phaseRss(pid, WARMUP_S, run(base, mix, WARMUP_S));
    // Pages alone first (the same mix without the draft POSTs), then the whole
    // mix: page latency under concurrent draft analyses against page latency alone.
    const pagesOnly = mix.filter((r) => r.kind !== 'draft');
    const alone: Latencies = new Map();
    let pagesAlone: { answered: number; p50: number; p99: number } | undefined;
    if (counts.draft && pagesOnly.some((r) => r.kind === 'page' && !r.untimed)) {
      console.log(`pages alone: ${DURATION_S} s at ${CONNECTIONS} connections…`);
      await run(base, pagesOnly, DURATION_S, alone);
      pagesAlone = byKind(pagesOnly, alone, ['page', 'download']);
    }
    console.log(`run: ${DURATION_S} s at ${CONNECTIONS} connections…`);
    const latencies: Latencies = new Map();
    const measured = await phaseRss(pid, DURATION_S, run(base, mix, DURATION_S, latencies));
    const result = measured.result;
    const rssWarm = warm.closing;
    const rssAfter = measured.closing;
    const rssIdle = await idleRssMb(pid, 10);
    const growth = (rssAfter - rssWarm) / rssWarm;
    const pagesUnderDrafts = byKind(mix, latencies, ['page', 'download']);
    const ratio = pagesAlone && pagesAlone.p99 > 0 ? pagesUnderDrafts.p99 / pagesAlone.p99 : undefined;
    const report = {
      requestsPerSecond: result.requests.average,
      requests: result.requests.total,
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      pages: {
        alone: pagesAlone,
        underDrafts: pagesUnderDrafts,
        p99Ratio: ratio === undefined ? undefined : Number(ratio.toFixed(2)),
      },
      drafts: byKind(mix, latencies, ['draft']),
      // Answered requests only (timed-out ones are counted under timeouts).
      byRequest: Object.fromEntries([...latencies].map(([k, v]) => [k.length > 70 ? `${k.slice(0, 67)}...` : k, `${v.length} answered, p50 ${percentile(v, 50)} ms, p99 ${percentile(v, 99)} ms`])),
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      rssMb: { start: rssStart, afterWarmup: rssWarm, peakDuringRun: measured.peak, afterRun: rssAfter, idle10sAfterRun: rssIdle, growth: `${(growth * 100).toFixed(1)} %` },
    };
    console.log(JSON.stringify(report, null, 2));
    const pass = result.errors === 0 && result.timeouts === 0 && result.non2xx === 0 && Math.abs(growth) <= RSS_TOLERANCE && (ratio === undefined || ratio <= PAGE_P99_RATIO);
    console.log(pass ? 'PASS' : `FAIL: errors, timeouts, non-2xx answers, RSS drift beyond 20 %, or page p99 under drafts beyond ${PAGE_P99_RATIO}× page p99 alone`);
    process.exitCode = pass ? 0 : 1;
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
