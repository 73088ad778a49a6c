/**
 * Bidirectional control characters in text that came from outside (a dataset, a deck, a file
 * name, an address): U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates).
 * An override can make text read differently from what it is ("Trojan Source"), so they are
 * removed wherever such text enters what the dashboard shows or exports. Marks that only hint a
 * direction (U+200E, U+200F) stay: they cannot reorder the text around them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const HAS_BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** The text without bidirectional control characters (the same string when it has none). */
export function neutralizeBidi(text: string): string {
  return HAS_BIDI_CONTROL.test(text) ? text.replace(BIDI_CONTROLS, '') : text;
}

/**
 * Every string in a JSON-like value, neutralised. Objects and arrays are copied only along the
 * paths that change, so a clean dataset comes back as the very same object.
 */
export function neutralizeBidiDeep<T>(value: T): T {
  if (typeof value === 'string') return neutralizeBidi(value) as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((item: unknown, i) => {
      const clean = neutralizeBidiDeep(item);
      if (clean !== item) (copy ??= [...value])[i] = clean;
    });
    return (copy ?? value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let copy: Record<string, unknown> | null = null;
    for (const [key, item] of Object.entries(value)) {
      const clean = neutralizeBidiDeep(item);
      const cleanKey = neutralizeBidi(key);
      if (clean !== item || cleanKey !== key) {
        copy ??= { ...(value as Record<string, unknown>) };
        if (cleanKey !== key) delete copy[key];
        copy[cleanKey] = clean;
      }
    }
    return (copy ?? value) as T;
  }
  return value;
}
