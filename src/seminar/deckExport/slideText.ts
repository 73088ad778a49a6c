/**
 * Text for exported slides that must fit its box in any program: a sources line shortened to
 * a budget of characters ("Sources: A; B; and 3 more (see the table)"), and text limited to
 * what the target font can show.
 */

/** "Sources: A; B; and N more (see the table)" within `maxChars`; the full list stays in the CSV and the deck. */
export function shortSourcesLine(sources: readonly string[], maxChars: number): string {
  if (sources.length === 0) return 'Sources: none listed for this slide.';
  const full = `Sources: ${sources.join('; ')}`;
  if (full.length <= maxChars) return full;
  for (let shown = sources.length - 1; shown >= 1; shown--) {
    const line = `Sources: ${sources.slice(0, shown).join('; ')}; and ${sources.length - shown} more (see the table)`;
    if (line.length <= maxChars) return line;
  }
  const first = sources[0]!;
  const tail = `; and ${sources.length - 1} more (see the table)`;
  const room = Math.max(8, maxChars - 'Sources: '.length - tail.length - 1);
  return `Sources: ${first.length > room ? `${first.slice(0, room)}…` : first}${sources.length > 1 ? tail : ''}`;
}

/**
 * The PDF's built-in Helvetica has the Windows-1252 characters only: accents outside it are
 * dropped to their base letter, and anything else becomes "?".
 */
const CP1252_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (code === 10 || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.includes(ch)) out += ch;
    else {
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += /^[\x20-\x7e]+$/.test(base) ? base : '?';
    }
  }
  return out;
}
