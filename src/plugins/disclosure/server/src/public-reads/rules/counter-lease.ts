/**
 * Leases on a shared counter: how an instance may trust the counter's value as it was last told it,
 * without asking the database before every answer, and still never answer stale once a change has
 * been acknowledged to whoever made it.
 *
 * The protocol (PostgreSQL; see public-reads/shared-counter):
 * - Every instance listens for the counter's changes and holds a lease: a row it renews every fraction
 *   of the lease. A renewal also reads the counter, under a share lock the counter's increment
 *   conflicts with, so a renewal is ordered wholly before or wholly after any increment.
 * - A lease vouches for the counter from the moment its renewal was *sent*, for the lease's duration:
 *   a renewal ordered after an increment returned the new value; one ordered before is visible to the
 *   writer once the increment has committed.
 * - A writer, after committing an increment, answers its client only once every instance whose lease
 *   may be running has acknowledged the new value (each does so as it hears it), or once a lease's
 *   duration has passed since just before the increment, on the writer's own clock.
 * Losing the connection ends the lease at once; the instance then reads the counter before every
 * answer, as without leases, until a renewal succeeds again.
 *
 * Times are passed in, on two clocks: a monotonic one (immune to the wall clock being set) and the
 * wall clock (which, unlike the monotonic one on some systems, runs on while the machine is suspended).
 * A lease holds only while both say it does.
 */
export interface Instant {
  monotonic: number;
  wall: number;
}

export interface RenewalTicket {
  sentAt: Instant;
  generation: number;
  /** Heard when the renewal was sent: its read cannot be lower unless the counter was reset. */
  heardBefore: number;
}

export class CounterLease {
  private validUntil: Instant = {
    monotonic: Number.NEGATIVE_INFINITY,
    wall: Number.NEGATIVE_INFINITY,
  };
  private heardVersion = 0;
  /** Moves when an authoritative read finds the counter lower than heard (a restored database). */
  private epoch = 0;
  /** Moves when the lease is lost, so a renewal sent before the loss cannot restore it. */
  private generation = 0;

  constructor(private readonly durationMs: number) {}

  /** Call as the renewal is sent. */
  renewing(now: Instant): RenewalTicket {
    return { sentAt: now, generation: this.generation, heardBefore: this.heardVersion };
  }

  /** The renewal succeeded and read the counter as `version`. True when that was news. */
  renewed(ticket: RenewalTicket, version: number): boolean {
    // A notification of a later change can be handled before the renewal's answer that preceded it
    // (both in one packet): a read lower than what was heard since it was sent is not a reset.
    const news =
      version >= ticket.heardBefore && version < this.heardVersion ? false : this.read(version);
    if (ticket.generation === this.generation) {
      this.validUntil = {
        monotonic: Math.max(this.validUntil.monotonic, ticket.sentAt.monotonic + this.durationMs),
        wall: Math.max(this.validUntil.wall, ticket.sentAt.wall + this.durationMs),
      };
    }
    return news;
  }

  /** The connection that renews and listens failed: nothing it said may be relied on from now. */
  lost(): void {
    this.generation += 1;
    this.validUntil = { monotonic: Number.NEGATIVE_INFINITY, wall: Number.NEGATIVE_INFINITY };
  }

  /** A value from a notification, which may arrive after a read saw a later one. True when it is news. */
  heard(version: number): boolean {
    if (!(version > this.heardVersion)) return false;
    this.heardVersion = version;
    return true;
  }

  /**
   * A value read from the database now (a renewal, a read): the truth, even when lower than what was
   * heard, in which case the counter was reset and the values before cannot be told from those after.
   */
  read(version: number): boolean {
    if (!Number.isFinite(version)) return false;
    if (version < this.heardVersion) {
      this.epoch += 1;
      this.heardVersion = version;
      return true;
    }
    return this.heard(version);
  }

  /** The counter as last heard (with its epoch), while the lease vouches for it; null: read it. */
  current(now: Instant): string | null {
    return now.monotonic < this.validUntil.monotonic && now.wall < this.validUntil.wall
      ? this.value
      : null;
  }

  /** The counter as last heard, whatever the lease: what this instance acknowledges. */
  get version(): number {
    return this.heardVersion;
  }

  /** As a content state's part: the epoch keeps a reset counter's values from meeting old ones. */
  get value(): string {
    return this.epoch ? `${this.epoch}.${this.heardVersion}` : String(this.heardVersion);
  }
}

/** Starts a timer; its handle is given back to cancel it, as it came (the process's timers, or a test's). */
type Timer<Handle> = (callback: () => void, ms: number) => Handle;
type CancelTimer<Handle> = (handle: Handle) => void;
type ProcessTimer = ReturnType<typeof setTimeout>;

/** The writer's side: which instance has acknowledged which value, and waiting for one. */
export class Acknowledgements<Handle = ProcessTimer> {
  private readonly acknowledged = new Map<string, number>();
  private readonly waiting = new Set<{
    instance: string;
    version: number;
    done: (acknowledged: boolean) => void;
  }>();

  constructor(
    // The defaults are the process's timers, whose handle is the default Handle.
    private readonly setTimer: Timer<Handle> = setTimeout as unknown as Timer<Handle>,
    private readonly cancelTimer: CancelTimer<Handle> = clearTimeout as unknown as CancelTimer<Handle>
  ) {}

  /** `instance` says it has heard `version` (and so everything before it). */
  heard(instance: string, version: number): void {
    if (!((this.acknowledged.get(instance) ?? 0) < version)) return;
    this.acknowledged.set(instance, version);
    for (const waiter of [...this.waiting])
      if (waiter.instance === instance && waiter.version <= version) waiter.done(true);
  }

  /** Forgets instances not named (gone): the map does not grow with every instance ever started. */
  retain(instances: ReadonlySet<string>): void {
    for (const instance of this.acknowledged.keys())
      if (!instances.has(instance)) this.acknowledged.delete(instance);
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
