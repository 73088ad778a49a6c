/**
 * Finds the first JSON syntax error in a text and describes it with its line and column.
 *
 * `JSON.parse` decides whether a text is JSON; this runs only after it has refused one, to say
 * where and why in words that do not depend on the JavaScript engine (V8's messages differ
 * between versions and often give no position). It is iterative, so a deeply nested file
 * cannot overflow the stack.
 */

type Mode = 'value' | 'firstValueOrClose' | 'key' | 'firstKeyOrClose' | 'colon' | 'after';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** "line 3, column 15" for a UTF-16 offset (both 1-based). */
export function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

function show(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return JSON.stringify(String.fromCodePoint(code));
}

/** Hints for the usual ways a hand-edited or exported file stops being JSON. */
function hintFor(text: string, at: number): string {
  const rest = text.slice(at, at + 9);
  if (/^-?(NaN|Infinity)/.test(rest)) return '; NaN and Infinity are not JSON numbers: write null for an unknown value';
  if (rest.startsWith('undefined')) return '; undefined is not JSON: write null for an unknown value';
  if (rest.startsWith("'")) return '; JSON strings use double quotes';
  if (rest.startsWith('//') || rest.startsWith('/*')) return '; JSON does not allow comments';
  return '';
}

/** A description of the first syntax error, or null when the text is well-formed JSON. */
export function locateJsonSyntaxError(text: string): string | null {
  const n = text.length;
  const stack: ('array' | 'object')[] = [];
  let mode: Mode = 'value';
  let i = 0;
  let lastComma = -1;

  const at = (offset: number) => ` (${lineAndColumn(text, offset)})`;
  const found = (expected: string) => `expected ${expected} but found ${show(text[i] ?? '')}${at(i)}${hintFor(text, i)}`;
  const endedEarly = () => `it ends before the JSON is complete${at(n)}; the file looks cut short`;

  /** Scans the string starting at `i` (a quote); returns an error or null and leaves `i` after it. */
  const scanString = (): string | null => {
    const start = i;
    i++;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return null;
      }
      if (code === 0x5c) {
        const esc = text[i + 1];
        if (esc === undefined) break;
        if (esc === 'u') {
          if (!HEX4.test(text.slice(i + 2, i + 6))) return `an invalid \\u escape in a string${at(i)}`;
          i += 6;
        } else if ('"\\/bfnrt'.includes(esc)) i += 2;
        else return `an invalid escape ${JSON.stringify(`\\${esc}`)} in a string${at(i)}`;
        continue;
      }
      if (code < 0x20) return `${code === 0x0a ? 'a line break' : show(text[i] ?? '')} inside a string${at(i)}; strings must be on one line, with \\n for line breaks`;
      i++;
    }
    return `it ends inside a string that starts at ${lineAndColumn(text, start)}; the file looks cut short`;
  };

  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
    if (i >= n) return stack.length === 0 && mode === 'after' ? null : endedEarly();
    const ch = text[i] as string;

    if (mode === 'firstValueOrClose' || mode === 'firstKeyOrClose') {
      const close: string = mode === 'firstValueOrClose' ? ']' : '}';
      if (ch === close) {
        stack.pop();
        i++;
        mode = 'after';
        continue;
      }
      mode = mode === 'firstValueOrClose' ? 'value' : 'key';
    }

    if (mode === 'value') {
      if (ch === '{' || ch === '[') {
        stack.push(ch === '{' ? 'object' : 'array');
        i++;
        mode = ch === '{' ? 'firstKeyOrClose' : 'firstValueOrClose';
        continue;
      }
      if (ch === '"') {
        const err = scanString();
        if (err) return err;
        mode = 'after';
        continue;
      }
      NUMBER.lastIndex = i;
      if ((ch === '-' || (ch >= '0' && ch <= '9')) && NUMBER.test(text)) {
        i = NUMBER.lastIndex;
        mode = 'after';
        continue;
      }
      const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
      if (literal) {
        i += literal.length;
        mode = 'after';
        continue;
      }
      if ((ch === ']' || ch === '}') && lastComma >= 0 && text.slice(lastComma + 1, i).trim() === '') {
        return `a comma before ${JSON.stringify(ch)} has nothing after it${at(lastComma)}; remove the trailing comma`;
      }
      return found('a value');
    }

    if (mode === 'key') {
      if (ch === '"') {
        const err = scanString();
        if (err) return err;
        mode = 'colon';
        continue;
      }
      if (ch === '}' && lastComma >= 0 && text.slice(lastComma + 1, i).trim() === '') {
        return `a comma before "}" has nothing after it${at(lastComma)}; remove the trailing comma`;
      }
      return found('a property name in double quotes');
    }

    if (mode === 'colon') {
      if (ch !== ':') return found('":" after the property name');
      i++;
      mode = 'value';
      continue;
    }

    // mode === 'after': a value has just ended.
    const top = stack[stack.length - 1];
    if (top === undefined) return `unexpected ${show(ch)} after the end of the JSON document${at(i)}${hintFor(text, i)}`;
    if (ch === ',') {
      lastComma = i;
      i++;
      mode = top === 'object' ? 'key' : 'value';
      continue;
    }
    if ((ch === ']' && top === 'array') || (ch === '}' && top === 'object')) {
      stack.pop();
      i++;
      continue;
    }
    return found(top === 'array' ? '"," or "]"' : '"," or "}"');
  }
}
