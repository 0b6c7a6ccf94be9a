// A progress bar on stderr for work that turns out to be slow (loading or
// indexing a bulk corpus). It appears only after the work has run for a
// second, only when stderr is a terminal (stdout may go to a file: the bar is
// not part of the output), and never with `--format json`, so scripted use
// and quick runs print nothing extra. It shows the rate (MB/s loading,
// passages/s indexing) and the time left at the step's latest rate, or
// "time left unknown" until there is one.
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
 * A bar when stderr, where it is drawn, is a terminal that can redraw a line
 * (not TERM=dumb, not CI) and the output is not JSON, else a no-op. stdout may
 * be redirected (`> out.txt`): a reporter waited 12 s in silence for a fresh
 * bulk file's index when the bar also required stdout to be a terminal. The
 * bar has no colour, so NO_COLOR does not concern it.
 */
export function progressFor(options: { format?: string }, env: NodeJS.ProcessEnv = process.env, streams: { stderr: { isTTY?: boolean } } = process): Progress {
  if (!streams.stderr.isTTY || options.format === 'json' || env.CI || env.TERM === 'dumb') return QUIET;
  return terminalProgress();
}

/** One reading of a step's progress: when (ms since the epoch) and how many units were done. */
export interface ProgressSample {
  at: number;
  done: number;
}

/** The time left is estimated from the readings of the last few seconds of the step (warm-up forgotten). */
export const ETA_WINDOW_MS = 5000;
/** Readings closer together than this give no rate. */
const MIN_RATE_SPAN_MS = 250;

/**
 * "12s left", "1m35s left", "1h02m left" at the rate between the first and last of `samples`
 * (one step's readings, oldest first, within ETA_WINDOW_MS); "time left unknown" until that rate
 * exists: fewer than two readings, under MIN_RATE_SPAN_MS apart, or no progress between them
 * (cli-progress's own estimate read "0s left" at 2 %, before it had a rate).
 */
export function timeLeftText(samples: ProgressSample[], total: number): string {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last || last.at - first.at < MIN_RATE_SPAN_MS || last.done <= first.done) return 'time left unknown';
  const seconds = Math.ceil(((total - last.done) * (last.at - first.at)) / (last.done - first.done) / 1000);
  if (seconds < 60) return `${Math.max(seconds, 0)}s left`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s left`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m left`;
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
  // This step's readings within ETA_WINDOW_MS, for the time left. A new step (loading, then
  // indexing) starts afresh: its units differ, and mixing them gave a negative rate ("0s left").
  let samples: ProgressSample[] = [];
  return {
    update(done, total, label) {
      const now = Date.now();
      if (label !== shownLabel) {
        shownLabel = label;
        stepBegan = now;
        samples = [];
        bar?.setTotal(total);
      }
      samples.push({ at: now, done });
      while (samples.length > 2 && now - samples[1].at >= ETA_WINDOW_MS) samples.shift();
      const payload = { label, rate: now - stepBegan >= MIN_RATE_SPAN_MS ? rateText(done, now - stepBegan, label) : 'rate unknown', left: timeLeftText(samples, total) };
      if (!bar) {
        if (now - began < SHOW_AFTER_MS) return;
        // Loaded only when a bar is due: quick commands never pay for it.
        const { SingleBar: Bar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
        bar = new Bar({ stream, format: '{label} [{bar}] {percentage}% | {rate} | {left}', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
        bar.start(total, done, payload);
        return;
      }
      bar.update(done, payload);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
