/** The middle value (the mean of the two middle ones for an even count). */
const median = (values) => quantile(values, 0.5);

/** The q-quantile (0 ≤ q ≤ 1), interpolated between the two nearest values. */
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  return below === sorted.length - 1
    ? sorted[below]
    : sorted[below] + (sorted[below + 1] - sorted[below]) * (at - below);
};

const average = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

module.exports = { median, quantile, average };
