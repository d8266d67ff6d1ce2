import { RejectedInput } from './errors.ts';

/** Larger objects are not news articles (and would hold a Lambda for too long). */
export const MAX_BYTES = 5 * 1024 * 1024;

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding the bytes were read in ('utf-8', 'windows-1252', 'gbk'…). */
  encoding: string;
  warnings: string[];
}

// Signatures of common binary formats that someone might upload by mistake; named so the reason is clear.
const MAGIC: Array<[string, number[]]> = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
];

const startsWith = (bytes: Uint8Array, prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/**
 * Bytes → text. A byte-order mark decides UTF-8/UTF-16; otherwise strict UTF-8, and when that fails UTF-8
 * with the broken sequences replaced if the document declares UTF-8 or nearly all its other characters are
 * UTF-8, else the charset the document declares (HTML meta, XML declaration), else Windows-1252 (a superset
 * of printable Latin-1, what legacy newsroom files are in), with a warning. Binary is told from text by the share of
 * control characters; a text with a few stray ones keeps its text, without them, and a warning.
 * Empty, binary and oversized input is rejected with the reason.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_BYTES) {
    throw new RejectedInput('too-large', `input is ${bytes.length} bytes, more than the ${MAX_BYTES}-byte limit`);
  }
  const magic = MAGIC.find(([, prefix]) => startsWith(bytes, prefix));
  if (magic) throw new RejectedInput('binary', `input is binary: looks like ${magic[0]}`);

  let decoded: DecodedText;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    decoded = strictUtf8(bytes.subarray(3));
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warnings: [] };
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warnings: [] };
  } else {
    decoded = strictUtf8(bytes);
  }
  if (decoded.text.trim() === '') throw new RejectedInput('empty', 'input is empty (no text)');
  if (looksBinary(decoded.text)) throw new RejectedInput('binary', 'input is binary, not text (control characters)');
  return withoutControls(decoded);
}

// C0 controls other than tab, line feed, form feed and carriage return; DEL; C1 controls (what windows-1252
// leaves of the bytes it does not define: 0x81, 0x8D, 0x8F, 0x90, 0x9D).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;

/** Stored text never holds control characters: they are dropped, and the drop is recorded. */
function withoutControls(decoded: DecodedText): DecodedText {
  let dropped = 0;
  const text = decoded.text.replace(CONTROL, () => {
    dropped++;
    return '';
  });
  if (dropped === 0) return decoded;
  return { ...decoded, text, warnings: [...decoded.warnings, `dropped ${dropped} control character${dropped === 1 ? '' : 's'}`] };
}

/**
 * One strict decoder for every object: building a TextDecoder costs more than decoding a short article. A
 * call without `stream` starts afresh, and one that throws is replaced all the same.
 */
let strictDecoder = new TextDecoder('utf-8', { fatal: true });

function strictUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: strictDecoder.decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    strictDecoder = new TextDecoder('utf-8', { fatal: true });
    const declared = declaredDecoder(bytes);
    // A UTF-8 page with a few broken bytes (a truncated character, a pasted Latin-1 one) stays UTF-8: read in
    // a single-byte charset, every other character of it would turn to mojibake ("Mäscot" → "MÃ¤scot").
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const broken = lenient.split('\uFFFD').length - 1;
    if (declared?.encoding === 'utf-8' || mostlyUtf8(lenient, broken)) {
      return { text: lenient, encoding: 'utf-8', warnings: [`not valid UTF-8: ${broken} broken byte sequence${broken === 1 ? '' : 's'} replaced`] };
    }
    if (declared && declared.encoding !== 'windows-1252') {
      return { text: declared.decode(bytes), encoding: declared.encoding, warnings: [`not valid UTF-8: decoded as ${declared.encoding}, the declared charset`] };
    }
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', warnings: ['not valid UTF-8: decoded as windows-1252'] };
  }
}

/** Share of a text's non-ASCII characters that must have decoded for it to count as UTF-8 with a few flaws. */
const MIN_DECODED_SHARE = 0.95;

/**
 * Whether a leniently decoded text is UTF-8 with a few broken sequences: most of its non-ASCII characters
 * decoded. Text in a single-byte charset almost never forms valid UTF-8 sequences ("ä" is one byte followed by
 * ASCII), so its non-ASCII characters are nearly all broken.
 */
function mostlyUtf8(text: string, broken: number): boolean {
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) nonAscii++;
  return nonAscii > 0 && (nonAscii - broken) / nonAscii >= MIN_DECODED_SHARE;
}

// `<meta charset="gb2312">`, `<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">`,
// `<?xml version="1.0" encoding="iso-8859-2"?>`: declared near the top, in ASCII.
const DECLARED_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i;
const DECLARATION_BYTES = 4096;

/**
 * A decoder for the charset a document declares, when the platform knows it. windows-1252 (and Latin-1, which
 * WHATWG reads as windows-1252) is read by our own table below.
 */
function declaredDecoder(bytes: Uint8Array): TextDecoder | null {
  const head = String.fromCharCode(...bytes.subarray(0, DECLARATION_BYTES));
  const match = DECLARED_CHARSET.exec(head);
  const label = match?.[1] ?? match?.[2];
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

// Bytes 0x80–0x9F of windows-1252 (per the WHATWG Encoding Standard); the rest is Latin-1. Spelled out because
// Node 20's TextDecoder('windows-1252') decodes these bytes as Latin-1 control characters instead.
const WINDOWS_1252_HIGH =
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...chunk);
  }
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

// Binary formats are full of NUL and other control bytes; a saved page or an export may carry a few strays.
const MAX_NUL_SHARE = 0.001;
const MAX_CONTROL_SHARE = 0.01;

/** Binary, by the share of NULs and of other C0 control characters besides tab, newline, CR, form feed. */
function looksBinary(text: string): boolean {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  let nuls = 0;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) nuls++;
    else if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) controls++;
  }
  return nuls > sample.length * MAX_NUL_SHARE || controls > sample.length * MAX_CONTROL_SHARE;
}
