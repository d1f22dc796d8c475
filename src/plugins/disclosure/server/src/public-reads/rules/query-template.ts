import { randomBytes } from 'crypto';

/**
 * SQL written once for each shape of query. A portal's list queries differ between requests only in
 * their values (the category, the locale, the page), so the query builder writes a shape's SQL once,
 * with stand-ins where the values go, and each request binds its own values in their places. What
 * the query builder would have written for those values is exactly that SQL with those bindings,
 * provided each stand-in comes out as one binding of its own, unchanged: otherwise there is no
 * template, and the query is built as usual.
 */

export interface QueryTemplate {
  sql: string;
  /** Each binding, in order: a value of the shape itself, or the request's value at that index. */
  slots: ReadonlyArray<{ fixed: unknown } | { value: number }>;
}

const NONCE = randomBytes(8).toString('hex');
/** The stand-in for the index-th text value: no value a request sends holds it. */
export const textStandIn = (index: number): string => `\u0000stand-in:${NONCE}:${index}`;
/** The stand-in for the index-th whole number (a limit, an offset): one no shape binds of itself. */
export const numberStandIn = (index: number): number => 1_999_999_937 - index;

/** The template of the SQL the query builder wrote with `standIns` in place of the values, or null. */
export function templateOf(
  compiled: { sql: string; bindings: readonly unknown[] },
  standIns: readonly unknown[]
): QueryTemplate | null {
  const slots = compiled.bindings.map((binding) => {
    const value = standIns.indexOf(binding);
    return value === -1 ? { fixed: binding } : { value };
  });
  for (let index = 0; index < standIns.length; index += 1) {
    if (slots.filter((slot) => 'value' in slot && slot.value === index).length !== 1) return null;
    if (compiled.sql.includes(String(standIns[index]))) return null;
  }
  return { sql: compiled.sql, slots };
}

/** The bindings of a template for a request's values (in the stand-ins' order). */
export const bindingsOf = (template: QueryTemplate, values: readonly unknown[]): unknown[] =>
  template.slots.map((slot) => ('value' in slot ? values[slot.value] : slot.fixed));
