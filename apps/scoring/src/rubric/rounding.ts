/** Rounds to `digits` decimals, half away from zero, on the decimal value (1.005 → 1.01). */
export function roundHalfAwayFromZero(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const magnitude = Math.abs(value);
  const rounded = Number(`${Math.round(Number(`${magnitude}e${digits}`))}e-${digits}`);
  return value < 0 ? -rounded : rounded;
}
