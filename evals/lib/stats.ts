/**
 * Upper confidence bounds on a failure rate from x failures in n trials, one-sided 95% by default:
 * exact (Clopper-Pearson), i.e. the p at which seeing x or fewer failures has probability alpha.
 * For x = 0 this is 1 - alpha^(1/n), which the rule of three approximates as 3/n.
 */
export function upperBound(failures: number, trials: number, alpha = 0.05): number {
  if (trials <= 0) return 1;
  if (failures >= trials) return 1;
  if (failures === 0) return 1 - Math.pow(alpha, 1 / trials);
  let low = failures / trials;
  let high = 1;
  for (let step = 0; step < 100; step++) {
    const mid = (low + high) / 2;
    if (binomialCdf(failures, trials, mid) > alpha) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** P(X <= x) for X ~ Binomial(n, p), summed in log space. */
export function binomialCdf(x: number, n: number, p: number): number {
  if (p <= 0) return 1;
  if (p >= 1) return x >= n ? 1 : 0;
  let total = 0;
  let logCoefficient = 0; // log C(n, 0)
  for (let k = 0; k <= x; k++) {
    if (k > 0) logCoefficient += Math.log(n - k + 1) - Math.log(k);
    total += Math.exp(logCoefficient + k * Math.log(p) + (n - k) * Math.log(1 - p));
  }
  return Math.min(1, total);
}
