/**
 * Wilson score interval for a binomial proportion of `successes` out of `trials`:
 *   centre = (p + z²/2n) / (1 + z²/n),  half-width = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
 * Unlike p ± z·√(p(1−p)/n) it stays inside [0, 1] and is honest for small n and for p near 0,
 * which is where conversion rates live.
 */
export function wilsonInterval(successes: number, trials: number, z: number): { low: number; high: number } {
  if (!Number.isFinite(trials) || trials <= 0) throw new RangeError("trials must be positive");
  if (successes < 0 || successes > trials) throw new RangeError("successes must be between 0 and trials");
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { low: Math.max(0, centre - halfWidth), high: Math.min(1, centre + halfWidth) };
}
