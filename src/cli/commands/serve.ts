import { UserError } from '../errors.js';
import type { CorpusOptions } from '../context.js';

export async function serveCommand(options: CorpusOptions & { port?: string; host: string; draftThreads?: string }): Promise<void> {
  const raw = options.port ?? process.env.PORT ?? '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a number from 0 to 65535 (got "${raw}")`);
  const threads = options.draftThreads === undefined ? undefined : Number(options.draftThreads);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 0 || threads > 64)) throw new UserError(`--draft-threads must be a whole number from 0 to 64 (got "${options.draftThreads}")`);
  const { startServer } = await import('../../web/server.js');
  await startServer({ port, host: options.host, corpora: options.corpus ?? [], builtin: options.builtin !== false, ...(threads === undefined ? {} : { draftThreads: threads }) });
}
