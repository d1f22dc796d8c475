/**
 * Keys a request body or query must not carry: the names of Object.prototype's members. They pollute
 * prototypes, and Strapi's validators look fields up by name, so a field called `valueOf` or
 * `constructor` turns a validation into a crash (500) instead of a refusal.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'prototype',
  ...Object.getOwnPropertyNames(Object.prototype),
]);

/** How deep a JSON body may nest (blocks rich text needs about ten levels). */
export const MAX_BODY_DEPTH = 40;

/**
 * NUL (U+0000): PostgreSQL cannot store it in text, so a string carrying it, even one only compared
 * against (a filter), fails in the database (500) rather than being refused; no text here needs it.
 */
export const NUL = '\u0000';

export type BodyProblem =
  | { kind: 'forbidden-key'; key: string; path: string }
  | { kind: 'too-deep'; path: string }
  | { kind: 'nul-character'; path: string };

/** A path as it can be shown: a NUL inside a key is written `\0`. */
const joined = (path: string[]) => path.join('.').split(NUL).join('\\0');

/** The first problem found in a parsed JSON body or query string (keys and values), or null. */
export function findBodyProblem(value: unknown, path: string[] = []): BodyProblem | null {
  if (path.length > MAX_BODY_DEPTH) return { kind: 'too-deep', path: joined(path) };
  if (typeof value === 'string') {
    return value.includes(NUL) ? { kind: 'nul-character', path: joined(path) } : null;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const problem = findBodyProblem(value[index], [...path, String(index)]);
      if (problem) return problem;
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key))
        return { kind: 'forbidden-key', key, path: joined([...path, key]) };
      if (key.includes(NUL)) return { kind: 'nul-character', path: joined([...path, key]) };
      const problem = findBodyProblem((value as Record<string, unknown>)[key], [...path, key]);
      if (problem) return problem;
    }
  }
  return null;
}
