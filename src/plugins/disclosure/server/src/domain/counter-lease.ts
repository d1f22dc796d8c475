/**
 * Leases on a shared counter: how an instance may trust the counter's value as it was last told it,
 * without asking the database before every answer, and still never answer stale once a change has
 * been acknowledged to whoever made it.
 *
 * The protocol (PostgreSQL; see services/response-cache):
 * - Every instance listens for the counter's changes and holds a lease: a row it renews every fraction
 *   of `durationMs`. A renewal also reads the counter, under a share lock the counter's increment
 *   conflicts with, so a renewal is ordered wholly before or wholly after any increment.
 * - A lease vouches for the counter from the moment its renewal was *sent* for `durationMs`: a renewal
 *   ordered after an increment returned the new value; one ordered before is visible to the writer.
 * - A writer, after committing an increment, answers its client only once every instance whose lease
 *   is still running has acknowledged the new value (it does so when it hears it), or once that lease
 *   has run out.
 * Losing the connection ends the lease at once; the instance then reads the counter before every
 * answer, as without leases, until a renewal succeeds again.
 *
 * Times are a monotonic clock's milliseconds (performance.now()), passed in.
 */
export interface RenewalTicket {
  sentAt: number;
  generation: number;
}

export class CounterLease {
  private validUntil = Number.NEGATIVE_INFINITY;
  private heardVersion = 0;
  /** Moves when the lease is lost, so a renewal sent before the loss cannot restore it. */
  private generation = 0;

  constructor(private readonly durationMs: number) {}

  /** Call as the renewal is sent. */
  renewing(now: number): RenewalTicket {
    return { sentAt: now, generation: this.generation };
  }

  /** The renewal succeeded and read the counter as `version`. */
  renewed(ticket: RenewalTicket, version: number): void {
    this.heard(version);
    if (ticket.generation !== this.generation) return;
    this.validUntil = Math.max(this.validUntil, ticket.sentAt + this.durationMs);
  }

  /** The connection that renews and listens failed: nothing it said may be relied on from now. */
  lost(): void {
    this.generation += 1;
    this.validUntil = Number.NEGATIVE_INFINITY;
  }

  /** A value heard from a notification, a renewal or a read. True when it is news. */
  heard(version: number): boolean {
    if (!(version > this.heardVersion)) return false;
    this.heardVersion = version;
    return true;
  }

  /** The counter as last heard, while the lease vouches for it; null: read it from the database. */
  current(now: number): number | null {
    return now < this.validUntil ? this.heardVersion : null;
  }

  get version(): number {
    return this.heardVersion;
  }
}

type Timer = (callback: () => void, ms: number) => { unref?: () => void } | unknown;
type CancelTimer = (handle: any) => void;

/** The writer's side: which instance has acknowledged which value, and waiting for one. */
export class Acknowledgements {
  private readonly acknowledged = new Map<string, number>();
  private readonly waiting = new Set<{ instance: string; version: number; done: (acknowledged: boolean) => void }>();

  constructor(
    private readonly setTimer: Timer = setTimeout,
    private readonly cancelTimer: CancelTimer = clearTimeout
  ) {}

  /** `instance` says it has heard `version` (and so everything before it). */
  heard(instance: string, version: number): void {
    if (!((this.acknowledged.get(instance) ?? 0) < version)) return;
    this.acknowledged.set(instance, version);
    for (const waiter of [...this.waiting]) if (waiter.instance === instance && waiter.version <= version) waiter.done(true);
  }

  /** Resolves true once `instance` has acknowledged `version`, false when `timeoutMs` ran out first. */
  wait(instance: string, version: number, timeoutMs: number): Promise<boolean> {
    if ((this.acknowledged.get(instance) ?? 0) >= version) return Promise.resolve(true);
    if (!(timeoutMs > 0)) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter = {
        instance,
        version,
        done: (acknowledged: boolean) => {
          this.cancelTimer(timer);
          this.waiting.delete(waiter);
          resolve(acknowledged);
        },
      };
      const timer = this.setTimer(() => waiter.done(false), timeoutMs);
      this.waiting.add(waiter);
    });
  }

  get pending(): number {
    return this.waiting.size;
  }
}
