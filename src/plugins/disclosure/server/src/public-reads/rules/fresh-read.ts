/** Runs a callback on a later turn of the event loop (setImmediate; tests pass their own). */
export type Defer = (callback: () => void) => void;

/**
 * A value kept elsewhere (a row in a shared database) that callers must read fresh: each caller gets
 * the result of a read that started after it asked.
 *
 * A read does not start the moment it is asked for: it starts on the next turn of the event loop, and
 * every caller who asked before then shares it. Requests arriving together (a burst on many
 * connections is parsed in one turn) then cost one read, not one each; a synchronous read (SQLite)
 * would otherwise run once per request. Callers who ask while a read is running share the next one,
 * which starts when the running one ends: at most one read running and one waiting.
 */
export class FreshRead<T> {
  /** The read that has not started yet: whoever asks now may share it. */
  private waiting: Promise<T> | null = null;
  private running: Promise<T> | null = null;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly defer: Defer = setImmediate
  ) {}

  get(): Promise<T> {
    return (this.waiting ??= this.next());
  }

  private async next(): Promise<T> {
    const before = this.running;
    if (before) await before.catch(() => undefined);
    await new Promise<void>((resolve) => this.defer(resolve));
    // From here on a caller has asked after this read starts, so it must wait for the next one.
    this.waiting = null;
    const read = this.read();
    this.running = read;
    try {
      return await read;
    } finally {
      if (this.running === read) this.running = null;
    }
  }
}
