/**
 * Per-client token buckets: `capacity` requests at once, refilled evenly over `perSeconds`. Memory is
 * bounded: past `maxClients` keys the least recently used are dropped, one per new key (the bucket
 * unused longest has had longest to refill, and a flood of new keys never empties the table at once, so it
 * cannot reset the flooder's own bucket along with everyone's). Callers key clients by `clientKey`.
 */
export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until the next request would be allowed (0 when allowed) */
  retryAfterSeconds: number;
  remaining: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    readonly capacity: number,
    readonly perSeconds: number,
    private readonly now: () => number = Date.now,
    private readonly maxClients = 10_000
  ) {}

  take(client: string): RateLimitDecision {
    const now = this.now();
    const refillPerMs = this.capacity / (this.perSeconds * 1000);
    const bucket = this.buckets.get(client) ?? { tokens: this.capacity, updatedAt: now };
    // A clock set back (NTP, a test) refills nothing rather than draining the bucket.
    bucket.tokens = Math.min(
      this.capacity,
      bucket.tokens + Math.max(0, now - bucket.updatedAt) * refillPerMs
    );
    bucket.updatedAt = now;
    // Map order is use order: the one used now goes to the end, the least recently used is first.
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    this.evict();
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(bucket.tokens) };
    }
    return {
      allowed: false,
      retryAfterSeconds: Math.ceil((1 - bucket.tokens) / refillPerMs / 1000),
      remaining: 0,
    };
  }

  /** How many clients are remembered (never more than `maxClients`). */
  get size(): number {
    return this.buckets.size;
  }

  private evict() {
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxClients) return;
      this.buckets.delete(key);
    }
  }
}
