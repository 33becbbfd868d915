/**
 * Derivative-free minimisers used to estimate smoothing parameters. Both allocate only at
 * the start of a call, never per evaluation.
 */

/**
 * Coarse grid then golden-section refinement in the best bracket: the SSE surfaces of
 * exponential smoothing are usually unimodal, but the grid guards against the odd local
 * minimum near the bounds at the cost of a few extra passes.
 */
export function minimize1d(
  f: (x: number) => number,
  lo: number,
  hi: number,
  gridPoints = 8,
  tol = 1e-4,
): { x: number; fx: number } {
  let bestI = 0;
  let bestF = Infinity;
  const step = (hi - lo) / (gridPoints - 1);
  for (let i = 0; i < gridPoints; i++) {
    const v = f(lo + i * step);
    if (v < bestF) {
      bestF = v;
      bestI = i;
    }
  }
  let a = lo + Math.max(0, bestI - 1) * step;
  let b = lo + Math.min(gridPoints - 1, bestI + 1) * step;
  const g = 0.6180339887498949;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > tol) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  let x = fc < fd ? c : d;
  let fx = Math.min(fc, fd);
  if (bestF < fx) {
    x = lo + bestI * step;
    fx = bestF;
  }
  return { x, fx };
}

/**
 * Nelder–Mead on an unconstrained vector (callers map bounds through a logistic).
 * Stops after maxEval evaluations or when the simplex values agree to tol.
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  step: number,
  maxEval: number,
  tol = 1e-7,
): { x: Float64Array; fx: number } {
  const d = x0.length;
  const pts: Float64Array[] = [];
  const fv = new Float64Array(d + 1);
  for (let i = 0; i <= d; i++) {
    const p = Float64Array.from(x0);
    if (i > 0) p[i - 1] = p[i - 1]! + step;
    pts.push(p);
    fv[i] = f(p);
  }
  let evals = d + 1;
  const centroid = new Float64Array(d);
  const xr = new Float64Array(d);
  const xe = new Float64Array(d);
  const order: number[] = [];
  for (let i = 0; i <= d; i++) order.push(i);
  while (evals < maxEval) {
    order.sort((a, b) => fv[a]! - fv[b]!);
    const best = order[0]!;
    const worst = order[d]!;
    const second = order[d - 1]!;
    if (Math.abs(fv[worst]! - fv[best]!) <= tol * (Math.abs(fv[best]!) + 1e-12)) break;
    centroid.fill(0);
    for (let k = 0; k < d; k++) {
      const p = pts[order[k]!]!;
      for (let j = 0; j < d; j++) centroid[j] = centroid[j]! + p[j]! / d;
    }
    const pw = pts[worst]!;
    for (let j = 0; j < d; j++) xr[j] = centroid[j]! + (centroid[j]! - pw[j]!);
    const fr = f(xr);
    evals++;
    if (fr < fv[best]!) {
      for (let j = 0; j < d; j++) xe[j] = centroid[j]! + 2 * (centroid[j]! - pw[j]!);
      const fe = f(xe);
      evals++;
      if (fe < fr) {
        pw.set(xe);
        fv[worst] = fe;
      } else {
        pw.set(xr);
        fv[worst] = fr;
      }
    } else if (fr < fv[second]!) {
      pw.set(xr);
      fv[worst] = fr;
    } else {
      // Contraction (outside if the reflection improved on the worst, inside otherwise).
      const outside = fr < fv[worst]!;
      for (let j = 0; j < d; j++) {
        xe[j] = outside ? centroid[j]! + 0.5 * (xr[j]! - centroid[j]!) : centroid[j]! + 0.5 * (pw[j]! - centroid[j]!);
      }
      const fc = f(xe);
      evals++;
      if (fc < Math.min(fr, fv[worst]!)) {
        pw.set(xe);
        fv[worst] = fc;
      } else {
        const pb = pts[best]!;
        for (let k = 0; k <= d; k++) {
          if (k === best) continue;
          const p = pts[k]!;
          for (let j = 0; j < d; j++) p[j] = pb[j]! + 0.5 * (p[j]! - pb[j]!);
          fv[k] = f(p);
          evals++;
        }
      }
    }
  }
  let bi = 0;
  for (let i = 1; i <= d; i++) if (fv[i]! < fv[bi]!) bi = i;
  return { x: pts[bi]!, fx: fv[bi]! };
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}
