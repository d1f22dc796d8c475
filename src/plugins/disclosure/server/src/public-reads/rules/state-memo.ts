/**
 * Values remembered per content state (see the response cache), each under a key: computed once for
 * a state, shared by every caller in that state, all forgotten when the state moves. Callers compute
 * only after reading the state, so a value is never older than the state it is filed under.
 */
export class StateMemo {
  private state: string | null = null;
  private readonly values = new Map<string, Promise<unknown>>();

  /** Beyond `maxEntries` keys in one state, values are computed and not kept. */
  constructor(private readonly maxEntries = 1_000) {}

  get<T>(state: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (state !== this.state) {
      this.values.clear();
      this.state = state;
    }
    const known = this.values.get(key);
    if (known) return known as Promise<T>;
    const value = compute();
    if (this.values.size >= this.maxEntries) return value;
    this.values.set(key, value);
    // A failure is not remembered: the next caller computes again.
    value.catch(() => {
      if (this.values.get(key) === value) this.values.delete(key);
    });
    return value;
  }

  get size(): number {
    return this.values.size;
  }
}

/**
 * A key for JSON data (strings, finite numbers, booleans, null, arrays and plain objects; undefined
 * members are left out, as in JSON), or null for anything else: a Date, a RegExp or a class instance
 * could serialize like a different value, and two different questions must never share a key.
 */
export function jsonKey(value: unknown): string | null {
  return isJsonData(value) ? JSON.stringify(value) : null;
}

function isJsonData(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => item !== undefined && isJsonData(item));
  if (typeof value !== 'object') return false;
  // A plain object's prototype is Object.prototype (of whichever realm made it) or none.
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== null && Object.getPrototypeOf(prototype) !== null) return false;
  return Object.values(value as object).every(
    (member) => member === undefined || isJsonData(member)
  );
}
