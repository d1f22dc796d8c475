/**
 * Keys a request body must not carry: the names of Object.prototype's members. They pollute
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

export type BodyProblem = { kind: 'forbidden-key'; key: string; path: string } | { kind: 'too-deep'; path: string };

/** The first problem found in a parsed JSON body, or null. */
export function findBodyProblem(value: unknown, path: string[] = []): BodyProblem | null {
  if (path.length > MAX_BODY_DEPTH) return { kind: 'too-deep', path: path.join('.') };
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const problem = findBodyProblem(value[index], [...path, String(index)]);
      if (problem) return problem;
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return { kind: 'forbidden-key', key, path: [...path, key].join('.') };
      const problem = findBodyProblem((value as Record<string, unknown>)[key], [...path, key]);
      if (problem) return problem;
    }
  }
  return null;
}
