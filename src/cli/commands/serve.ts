import { UserError } from '../errors.js';
import { progressFor } from '../progress.js';
import type { CorpusOptions } from '../context.js';

export async function serveCommand(options: CorpusOptions & { port?: string; host: string; draftThreads?: string }): Promise<void> {
  const raw = options.port ?? process.env.PORT ?? '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a number from 0 to 65535 (got "${raw}")`);
  const threads = options.draftThreads === undefined ? undefined : Number(options.draftThreads);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 0 || threads > 64)) throw new UserError(`--draft-threads must be a whole number from 0 to 64 (got "${options.draftThreads}")`);
  const { startServer } = await import('../../web/server.js');
  // A fresh bulk file's index is built before the server listens (seconds for the kremlin archive): the same bar as `match`.
  const indexProgress = progressFor({});
  let server: import('node:http').Server;
  try {
    server = await startServer({ port, host: options.host, corpora: options.corpus ?? [], builtin: options.builtin !== false, indexProgress, ...(threads === undefined ? {} : { draftThreads: threads }) });
  } catch (e) {
    throw listenError(e as NodeJS.ErrnoException, options.host, port) ?? e;
  }
  if (process.env.npm_lifecycle_event) exitWithParent(server);
}

/** What to tell a user whose server could not listen, or undefined for another failure. */
function listenError(e: NodeJS.ErrnoException, host: string, port: number): UserError | undefined {
  const where = `${host}:${port}`;
  if (e.code === 'EADDRINUSE') return new UserError(`port ${port} is already in use on ${host}: stop the program using it, or choose another port with --port (or PORT=…)`);
  if (e.code === 'EACCES') return new UserError(`not allowed to listen on ${where} (ports below 1024 need privileges): choose another port with --port`);
  if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') return new UserError(`cannot listen on ${where}: --host must be an address of this machine (e.g. 127.0.0.1)`);
  return undefined;
}

/**
 * `npm start` runs `sh -c "node bin/provenance.js serve"`. Killing npm (`kill %1`
 * on a backgrounded `npm start`, or a terminal that signals npm alone) ends npm
 * and the shell but not this process, which is re-parented and keeps holding
 * the port, so the next `npm start` fails with the port in use. Under an npm
 * script, the server therefore closes when its parent goes away
 * (`process.ppid` changes; checked every second, the timer does not keep the
 * process alive). A direct `provenance serve` is left alone: `nohup … &`
 * detaches it on purpose.
 */
function exitWithParent(server: import('node:http').Server): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    process.stderr.write('plan-provenance: the npm or npx process that started the server has ended; closing\n');
    server.close();
    // Open keep-alive connections and draft workers must not hold the process.
    setTimeout(() => process.exit(0), 500).unref();
  }, 1000);
  timer.unref();
}
