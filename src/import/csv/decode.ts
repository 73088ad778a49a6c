/**
 * Bytes to text. Spreadsheets on Windows still save CSV as Windows-1252 (PBC's file is), where
 * "Army’s" is byte 0x92, which is not UTF-8. Auto-detection tries strict UTF-8 first: text that
 * decodes cleanly is almost never meant as Windows-1252, and anything else is read as Windows-1252.
 */
export const ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];
export type EncodingChoice = Encoding | 'auto';

export const ENCODING_LABELS: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252' };

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Why this encoding: "detected: …" or "chosen". */
  reason: string;
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F (curly quotes, dashes, €). Decoded here by
// table: some runtimes' TextDecoder treats the "windows-1252" label as plain Latin-1.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, i + CHUNK);
    for (let j = i; j < end; j++) {
      const b = bytes[j]!;
      codes.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

const decode = (bytes: Uint8Array, encoding: Encoding) => (encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder('utf-8').decode(bytes));

export function decodeBytes(bytes: Uint8Array, choice: EncodingChoice): Decoded {
  if (choice !== 'auto') return { text: stripBom(decode(bytes, choice)), encoding: choice, reason: 'chosen' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: stripBom(text), encoding: 'utf-8', reason: 'detected: the file is valid UTF-8' };
  } catch {
    return { text: decode(bytes, 'windows-1252'), encoding: 'windows-1252', reason: 'detected: the file is not valid UTF-8' };
  }
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
