// A progress bar on stderr for work that turns out to be slow (loading or
// indexing a bulk corpus). It appears only after the work has run for a
// second, only on a terminal, and never with `--format json`, so scripted use
// and quick runs print nothing extra. It shows the rate (MB/s loading,
// passages/s indexing) and cli-progress's estimate of the time left.
import { createRequire } from 'node:module';
import type { SingleBar } from 'cli-progress';

/** Work shorter than this shows no bar at all. */
const SHOW_AFTER_MS = 1000;

export interface Progress {
  /** Report `done` of `total` units; `label` names the current step. */
  update(done: number, total: number, label: string): void;
  stop(): void;
}

export const QUIET: Progress = { update() {}, stop() {} };

/**
 * A bar when stdout and stderr are terminals that can redraw a line (not
 * TERM=dumb, not CI) and the output is not JSON, else a no-op. The bar has no
 * colour, so NO_COLOR does not concern it.
 */
export function progressFor(options: { format?: string }, env: NodeJS.ProcessEnv = process.env, streams: { stdout: { isTTY?: boolean }; stderr: { isTTY?: boolean } } = process): Progress {
  const terminal = Boolean(streams.stdout.isTTY && streams.stderr.isTTY);
  if (!terminal || options.format === 'json' || env.CI || env.TERM === 'dumb') return QUIET;
  return terminalProgress();
}

/** Units per second, as a reader wants them: bytes while loading a file, passages while indexing. */
export function rateText(done: number, ms: number, label: string): string {
  const perSecond = ms > 0 ? (done * 1000) / ms : 0;
  return label.startsWith('loading') ? `${(perSecond / 1e6).toFixed(1)} MB/s` : `${Math.round(perSecond).toLocaleString('en')} passages/s`;
}

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const began = Date.now();
  let bar: SingleBar | undefined;
  let shownLabel = '';
  let stepBegan = began;
  return {
    update(done, total, label) {
      if (label !== shownLabel && !bar) {
        shownLabel = label;
        stepBegan = Date.now();
      }
      if (!bar) {
        if (Date.now() - began < SHOW_AFTER_MS) return;
        // Loaded only when a bar is due: quick commands never pay for it.
        const { SingleBar: Bar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
        bar = new Bar({ stream, format: '{label} [{bar}] {percentage}% | {rate} | {eta_formatted} left', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
        bar.start(total, done, { label, rate: rateText(done, Date.now() - stepBegan, label) });
        shownLabel = label;
        return;
      }
      if (label !== shownLabel) {
        bar.setTotal(total);
        shownLabel = label;
        stepBegan = Date.now();
      }
      bar.update(done, { label, rate: rateText(done, Date.now() - stepBegan, label) });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
