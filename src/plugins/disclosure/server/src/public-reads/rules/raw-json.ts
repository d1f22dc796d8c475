import { randomBytes } from 'crypto';
import { asJson } from './stored-values';

/**
 * JSON answers with parts that are already JSON text, as the database keeps it (a document's body):
 * spliced in as bytes, not parsed into objects and serialized back. On a page of whole documents
 * that round trip (UTF-8 to string, parse, stringify, back to UTF-8) was the largest single cost.
 */

/**
 * Where JSON.stringify meets a RawJson inside serializeWithRawJson: a numbered string no stored value
 * holds (its prefix random for each process, never written out), replaced afterwards by the bytes
 * of the RawJson with that number.
 */
const NONCE = randomBytes(16).toString('hex');
export const rawJsonPlaceholder = (index: number): string =>
  `\u0000raw-json:${NONCE}:${index}\u0000`;
/** A placeholder as JSON.stringify writes it (quoted, each NUL as the six characters \u0000), capturing its number. */
const WRITTEN_PLACEHOLDER = new RegExp(`"\\\\u0000raw-json:${NONCE}:(\\d+)\\\\u0000"`);
/** The RawJson parts met by the JSON.stringify under way in serializeWithRawJson, by number. */
let collecting: RawJson[] | null = null;

const isJsonWhitespace = (byte: number) =>
  byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/** JSON text as bytes, to appear as it is where a value would be serialized. */
export class RawJson {
  constructor(readonly bytes: Buffer) {}

  /** In serializeWithRawJson, a placeholder for the bytes; in any other JSON.stringify, the value they stand for. */
  toJSON(): unknown {
    if (!collecting) return JSON.parse(this.bytes.toString('utf8'));
    collecting.push(this);
    return rawJsonPlaceholder(collecting.length - 1);
  }
}

/**
 * The JSON value stored text stands for, exactly as Strapi's JSON field reads it: text whose value
 * is itself a string (values stored twice-encoded by early Strapi 5 releases) is parsed once more,
 * and text that is not JSON is given as the string it is. Null when the text is plain JSON that can
 * be spliced as it is.
 */
export function storedJsonValue(bytes: Buffer): { value: unknown } | null {
  let first = 0;
  while (first < bytes.length && isJsonWhitespace(bytes[first])) first += 1;
  // A JSON string (0x22 is '"'): Strapi would parse it twice. Empty text is not JSON either, nor
  // text with a NUL (SQLite's json_valid reads only up to it).
  if (first < bytes.length && bytes[first] !== 0x22 && !bytes.includes(0)) return null;
  return { value: asJson(bytes.toString('utf8')) };
}

/**
 * `Buffer.from(JSON.stringify(value))`, but every RawJson inside is written as its bytes: the answer
 * is serialized once by JSON.stringify, each RawJson as a placeholder, and the answer is written in
 * one buffer, the bytes where the placeholders were (a page of documents makes one allocation, not
 * one per body).
 */
export function serializeWithRawJson(value: unknown): Buffer {
  const raws: RawJson[] = [];
  const outer = collecting;
  collecting = raws;
  let text: string;
  try {
    text = JSON.stringify(value) ?? 'null';
  } finally {
    collecting = outer;
  }
  if (!raws.length) return Buffer.from(text);
  // Pieces of text and placeholders' numbers, alternating. Each number once, or no splicing: a
  // placeholder's text inside a value (never written out, so only by chance), or one written by a
  // JSON.stringify of the value's own that did not reach the answer as it was.
  const parts = text.split(WRITTEN_PLACEHOLDER);
  const numbers = parts.filter((_, index) => index % 2 === 1).map(Number);
  if (
    numbers.length !== raws.length ||
    new Set(numbers).size !== raws.length ||
    numbers.some((number) => number >= raws.length)
  )
    return Buffer.from(JSON.stringify(value));
  let length = 0;
  parts.forEach(
    (part, index) =>
      (length += index % 2 ? raws[Number(part)].bytes.length : Buffer.byteLength(part))
  );
  const answer = Buffer.allocUnsafe(length);
  let offset = 0;
  parts.forEach(
    (part, index) =>
      (offset +=
        index % 2 ? raws[Number(part)].bytes.copy(answer, offset) : answer.write(part, offset))
  );
  return answer;
}
