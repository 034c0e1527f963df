/**
 * Rounds to `digits` decimals, half away from zero, on the decimal value (1.005 → 1.01):
 * 15 significant digits drop the binary noise of the scaling before rounding.
 */
export function roundHalfAwayFromZero(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** digits;
  const rounded = Math.round(Number((Math.abs(value) * scale).toPrecision(15))) / scale;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}
