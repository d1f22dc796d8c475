/**
 * Per-client token buckets: `capacity` requests at once, refilled evenly over `perSeconds`. Memory is
 * bounded: full buckets are dropped when the table grows past `maxClients`.
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
    if (!this.buckets.has(client)) this.remember(client, bucket);
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

  private remember(client: string, bucket: { tokens: number; updatedAt: number }) {
    if (this.buckets.size >= this.maxClients) {
      for (const [key, value] of this.buckets)
        if (value.tokens >= this.capacity - 1) this.buckets.delete(key);
      if (this.buckets.size >= this.maxClients) this.buckets.clear();
    }
    this.buckets.set(client, bucket);
  }
}
