/**
 * A value kept elsewhere (a row in a shared database) that callers must read fresh: each caller gets
 * the result of a read that started after it asked. Callers who ask while a read is under way share
 * the next one, so under load there is at most one read running and one waiting, not one per caller.
 */
export class FreshRead<T> {
  private running: Promise<T> | null = null;
  private waiting: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.running) return this.start();
    // The running read may have started before this caller's question: wait for the one after it.
    this.waiting ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.waiting = null;
        return this.start();
      });
    return this.waiting;
  }

  private start(): Promise<T> {
    const read = this.read().finally(() => {
      if (this.running === read) this.running = null;
    });
    this.running = read;
    return read;
  }
}
