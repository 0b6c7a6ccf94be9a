// A hang guard for fuzz and bounded-engine tests: not a speed target (speed
// lives in scripts/bench.ts), only proof that a call returns at all.
import { expect } from 'vitest';

/** Run `run` and fail if it took longer than `boundMs`. */
export function timed<T>(run: () => T, boundMs: number): T {
  const t0 = performance.now();
  const out = run();
  expect(performance.now() - t0, 'hang guard').toBeLessThan(boundMs);
  return out;
}
