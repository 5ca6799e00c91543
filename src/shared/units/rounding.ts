/**
 * Decimal rounding, half away from zero, that agrees with how a person rounds the
 * printed number: 13.35 → 13.4 (Number.prototype.toFixed gives 13.3 because the
 * binary double is 13.3499…). We shift the decimal point through the string form,
 * which is exact for the doubles we produce (finite, < 1e21).
 */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const magnitude = Math.abs(value);
  // toPrecision(15) removes binary noise (13.349999999999999 → 13.35) before shifting.
  const clean = Number(magnitude.toPrecision(15));
  const shifted = Number(`${clean}e${decimals}`);
  const rounded = Math.round(shifted);
  return sign * Number(`${rounded}e-${decimals}`);
}

/** Fixed decimals without binary-rounding surprises: formatFixed(13.35, 1) === "13.4". */
export function formatFixed(value: number, decimals: number): string {
  return roundHalfUp(value, decimals).toFixed(decimals);
}

/** Up to `decimals` decimals, trailing zeros dropped: 1.50 → "1.5", 40.00 → "40". */
export function formatTrimmed(value: number, decimals: number): string {
  const fixed = formatFixed(value, decimals);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}
