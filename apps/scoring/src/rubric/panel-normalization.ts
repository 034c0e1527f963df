export interface PanelScore {
  nominationId: string;
  assessor: string;
  value: number;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const spread = (values: number[]) => {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
};

/**
 * Z-score normalisation of one panel criterion: each assessor's scores are standardised to their
 * own mean and spread (a lenient and a harsh assessor's best nominations become equal), averaged
 * per nomination, and mapped back onto the pool's mean and spread, clamped to `range`.
 * An assessor with a single score, or all scores alike, contributes z = 0.
 */
export function zScoreNormalize(scores: PanelScore[], range?: { min: number; max: number }): Map<string, number> {
  const result = new Map<string, number>();
  if (scores.length === 0) return result;
  const byAssessor = new Map<string, number[]>();
  for (const s of scores) byAssessor.set(s.assessor, [...(byAssessor.get(s.assessor) ?? []), s.value]);
  const stats = new Map([...byAssessor].map(([assessor, values]) => [assessor, { mean: mean(values), spread: spread(values) }]));
  const zs = new Map<string, number[]>();
  for (const s of scores) {
    const { mean: m, spread: sd } = stats.get(s.assessor)!;
    zs.set(s.nominationId, [...(zs.get(s.nominationId) ?? []), sd > 0 ? (s.value - m) / sd : 0]);
  }
  const all = scores.map((s) => s.value);
  const poolMean = mean(all);
  const poolSpread = spread(all);
  for (const [nominationId, z] of zs) {
    const value = poolMean + mean(z) * poolSpread;
    result.set(nominationId, range ? Math.min(Math.max(value, range.min), range.max) : value);
  }
  return result;
}
