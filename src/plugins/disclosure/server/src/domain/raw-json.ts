import { randomBytes } from 'crypto';

/**
 * JSON answers with parts that are already JSON text, as the database keeps it (a document's body):
 * spliced in as bytes, not parsed into objects and serialized back. On a page of whole documents
 * that round trip (UTF-8 to string, parse, stringify, back to UTF-8) was the largest single cost.
 */

/**
 * Where JSON.stringify meets a RawJson inside serializeWithRawJson: a string no stored value holds
 * (random for each process, never written out), split on afterwards.
 */
export const RAW_JSON_PLACEHOLDER = `\u0000raw-json:${randomBytes(16).toString('hex')}\u0000`;
const QUOTED_PLACEHOLDER = JSON.stringify(RAW_JSON_PLACEHOLDER);
/** The RawJson parts met by the JSON.stringify under way in serializeWithRawJson, in the order written. */
let collecting: RawJson[] | null = null;

const isJsonWhitespace = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/** JSON text as bytes, to appear as it is where a value would be serialized. */
export class RawJson {
  constructor(readonly bytes: Buffer) {}

  /** In serializeWithRawJson, a placeholder for the bytes; in any other JSON.stringify, the value they stand for. */
  toJSON(): unknown {
    if (!collecting) return JSON.parse(this.bytes.toString('utf8'));
    collecting.push(this);
    return RAW_JSON_PLACEHOLDER;
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
  // A JSON string (0x22 is '"'): Strapi would parse it twice. Empty text is not JSON either.
  if (first < bytes.length && bytes[first] !== 0x22) return null;
  const text = bytes.toString('utf8');
  try {
    const parsed = JSON.parse(text);
    return { value: typeof parsed === 'string' ? JSON.parse(parsed) : parsed };
  } catch {
    return { value: text };
  }
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
  const pieces = text.split(QUOTED_PLACEHOLDER);
  // The placeholder's text in a value itself (never written out, so only by chance): no splicing.
  if (pieces.length !== raws.length + 1) return Buffer.from(JSON.stringify(value));
  let length = 0;
  for (const piece of pieces) length += Buffer.byteLength(piece);
  for (const raw of raws) length += raw.bytes.length;
  const answer = Buffer.allocUnsafe(length);
  let offset = 0;
  pieces.forEach((piece, index) => {
    offset += answer.write(piece, offset);
    if (index < raws.length) offset += raws[index].bytes.copy(answer, offset);
  });
  return answer;
}
