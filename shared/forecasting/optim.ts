/**
 * Derivative-free minimisers used to estimate smoothing parameters. Both allocate only at
 * the start of a call, never per evaluation.
 */

/**
 * Coarse grid, then Brent's parabolic/golden search in the best grid bracket. The SSE
 * curves of exponential smoothing are usually unimodal; the grid guards against the odd
 * second minimum near a bound. About 6 + 10 evaluations for tol = 1e-3.
 */
export function minimize1d(
  f: (x: number) => number,
  lo: number,
  hi: number,
  gridPoints = 6,
  tol = 1e-3,
  /** Optional: evaluates f at every grid point at once (e.g. in one pass over the data). */
  gridEval?: (xs: Float64Array, out: Float64Array) => void,
): { x: number; fx: number } {
  let bestI = 0;
  let bestF = Infinity;
  const step = (hi - lo) / (gridPoints - 1);
  const xs = new Float64Array(gridPoints);
  for (let i = 0; i < gridPoints; i++) xs[i] = lo + i * step;
  const fs = new Float64Array(gridPoints);
  if (gridEval) gridEval(xs, fs);
  else for (let i = 0; i < gridPoints; i++) fs[i] = f(xs[i]!);
  for (let i = 0; i < gridPoints; i++) {
    const v = fs[i]!;
    if (v < bestF) {
      bestF = v;
      bestI = i;
    }
  }
  let a = lo + Math.max(0, bestI - 1) * step;
  let b = lo + Math.min(gridPoints - 1, bestI + 1) * step;
  const cg = 0.3819660112501051;
  // x: best so far, w: second best, v: previous w.
  let x = lo + bestI * step;
  let fx = bestF;
  let w = x;
  let fw = fx;
  let v = x;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let iter = 0; iter < 40; iter++) {
    const xm = 0.5 * (a + b);
    const tol1 = tol * 0.5;
    if (Math.abs(x - xm) <= 2 * tol1 - 0.5 * (b - a)) break;
    let useGolden = true;
    if (Math.abs(e) > tol1) {
      const r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      if (Math.abs(p) < Math.abs(0.5 * q * e) && p > q * (a - x) && p < q * (b - x)) {
        e = d;
        d = p / q;
        const u = x + d;
        if (u - a < 2 * tol1 || b - u < 2 * tol1) d = xm >= x ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = x >= xm ? a - x : b - x;
      d = cg * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const fu = f(u);
    if (fu <= fx) {
      if (u >= x) a = x;
      else b = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
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
