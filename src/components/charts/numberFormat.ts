/**
 * Number formatting for the charts' labels, names and tooltips. `Number.toLocaleString` builds a
 * new formatter on every call; at a few hundred calls per filter change (every year tick's
 * accessible name) that was a measurable part of a redraw, so the formatters are made once.
 */
const formatters = new Map<number, Intl.NumberFormat>();

/** `n.toLocaleString('en-US', { maximumFractionDigits })`, with the formatter cached (3 digits is toLocaleString's default). */
export function formatNumber(n: number, maximumFractionDigits = 3): string {
  let f = formatters.get(maximumFractionDigits);
  if (!f) formatters.set(maximumFractionDigits, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits })));
  return f.format(n);
}
