// L2-regularised logistic regression fitted by Newton's method (IRLS). With
// a dozen features and a hundred texts the Hessian is tiny, so the exact
// solve converges in a few steps and is deterministic: same data, same
// weights, bit for bit on one machine.

export interface LogisticFit {
  coefficients: number[];
  intercept: number;
  iterations: number;
}

/**
 * Minimise  -Σ weightᵢ·log-likelihoodᵢ + (lambda / 2)·‖w‖²  over w and an
 * unpenalised intercept. `x` rows are already standardised; weights default to 1.
 */
export function fitLogistic(
  x: number[][],
  y: number[],
  lambda: number,
  { maxIterations = 100, tolerance = 1e-10, weights }: { maxIterations?: number; tolerance?: number; weights?: number[] } = {},
): LogisticFit {
  const d = x[0]?.length ?? 0;
  const n = x.length;
  const k = d + 1;
  // Rows with a leading 1 for the intercept, flat, so the Hessian loop is tight.
  const rows = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    rows[i * k] = 1;
    for (let a = 0; a < d; a++) rows[i * k + a + 1] = x[i][a];
  }
  // Parameter vector: [intercept, w1..wd].
  let beta = new Array(k).fill(0);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const grad = new Array(k).fill(0);
    const hess = new Float64Array(k * k);
    for (let i = 0; i < n; i++) {
      const off = i * k;
      let z = 0;
      for (let a = 0; a < k; a++) z += beta[a] * rows[off + a];
      const p = 1 / (1 + Math.exp(-z));
      const c = weights?.[i] ?? 1;
      const w = c * p * (1 - p);
      const r = c * (p - y[i]);
      for (let a = 0; a < k; a++) {
        const va = rows[off + a];
        if (va === 0) continue;
        grad[a] += r * va;
        const wa = w * va;
        const base = a * k;
        // Upper triangle only; mirrored below.
        for (let b = a; b < k; b++) hess[base + b] += wa * rows[off + b];
      }
    }
    for (let a = 1; a < k; a++) {
      grad[a] += lambda * beta[a];
      hess[a * k + a] += lambda;
    }
    const full = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => (a <= b ? hess[a * k + b] : hess[b * k + a])));
    const step = solve(full, grad);
    beta = beta.map((b, a) => b - step[a]);
    if (Math.max(...step.map(Math.abs)) < tolerance) {
      iterations++;
      break;
    }
  }
  return { intercept: beta[0], coefficients: beta.slice(1), iterations };
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Gaussian elimination with partial pivoting; `a` is symmetric positive definite here. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = col + 1; r < n; r++) {
      const f = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  const out = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let c = r + 1; c < n; c++) s -= m[r][c] * out[c];
    out[r] = s / m[r][r];
  }
  return out;
}
