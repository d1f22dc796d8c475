/**
 * JSON answers with parts that are already JSON text, as the database keeps it (a document's body):
 * spliced in as bytes, not parsed into objects and serialized back. On a page of whole documents
 * that round trip (UTF-8 to string, parse, stringify, back to UTF-8) was the largest single cost.
 */

/** JSON text as bytes, to appear as it is where a value would be serialized. */
export class RawJson {
  constructor(readonly bytes: Buffer) {}
}

/**
 * The JSON value stored text stands for, exactly as Strapi's JSON field reads it: text whose value
 * is itself a string (values stored twice-encoded by early Strapi 5 releases) is parsed once more,
 * and text that is not JSON is given as the string it is. Null when the text is plain JSON that can
 * be spliced as it is.
 */
export function storedJsonValue(bytes: Buffer): { value: unknown } | null {
  let first = 0;
  while (first < bytes.length && (bytes[first] === 0x20 || bytes[first] === 0x09 || bytes[first] === 0x0a || bytes[first] === 0x0d)) first += 1;
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

const skipped = (value: unknown): boolean => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/**
 * `Buffer.from(JSON.stringify(value))`, but every RawJson inside is written as its bytes. Objects and
 * arrays without RawJson parts are left to JSON.stringify whole.
 */
export function serializeWithRawJson(value: unknown): Buffer {
  const parts: Buffer[] = [];
  let text = '';
  const holdsRaw = (item: unknown): boolean => {
    if (item instanceof RawJson) return true;
    if (Array.isArray(item)) return item.some(holdsRaw);
    if (item !== null && typeof item === 'object' && typeof (item as { toJSON?: unknown }).toJSON !== 'function') return Object.values(item).some(holdsRaw);
    return false;
  };
  const write = (item: unknown): void => {
    if (item instanceof RawJson) {
      parts.push(Buffer.from(text), item.bytes);
      text = '';
    } else if (!holdsRaw(item)) {
      text += JSON.stringify(item) ?? 'null';
    } else if (Array.isArray(item)) {
      text += '[';
      item.forEach((element, index) => {
        if (index) text += ',';
        if (skipped(element)) text += 'null';
        else write(element);
      });
      text += ']';
    } else {
      text += '{';
      let first = true;
      for (const [key, element] of Object.entries(item as object)) {
        if (skipped(element)) continue;
        text += `${first ? '' : ','}${JSON.stringify(key)}:`;
        first = false;
        write(element);
      }
      text += '}';
    }
  };
  write(value);
  parts.push(Buffer.from(text));
  return Buffer.concat(parts);
}
