/**
 * When to try a syndication delivery again: a fixed schedule stretched up to 72 hours, each wait
 * jittered so that many subscribers failing together do not retry together, a receiver's
 * `Retry-After` honoured (within the schedule's bounds), and the delivery parked as dead once the
 * schedule is spent.
 */

/** Waits before attempts 2, 3, …, in seconds: 5 s, 1 min, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 20 h. */
export const RETRY_SCHEDULE_SECONDS: readonly number[] = [
  5, 60, 300, 1800, 7200, 18000, 36000, 50400, 72000, 72000,
];
/** No delivery is retried beyond this long after its first attempt. */
export const MAX_RETRY_WINDOW_SECONDS = 72 * 3600;
/** A wait is moved by up to this fraction either way. */
export const JITTER = 0.2;
/** A receiver's Retry-After is honoured up to this (longer and it would outlast the window). */
export const MAX_RETRY_AFTER_SECONDS = 12 * 3600;

export type AttemptOutcome =
  | { kind: 'delivered' }
  /** 410 Gone: the receiver wants nothing more; the subscriber is switched off */
  | { kind: 'gone' }
  | { kind: 'retry'; retryAfterSeconds?: number };

/** What a receiver's answer (or a network failure, status 0) means for the delivery. */
export function classifyResponse(
  status: number,
  retryAfter?: string | null,
  now: Date = new Date()
): AttemptOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 410) return { kind: 'gone' };
  const after = parseRetryAfter(retryAfter, now);
  return after === undefined ? { kind: 'retry' } : { kind: 'retry', retryAfterSeconds: after };
}

/** `Retry-After` as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/**
 * When the next attempt is due after `attempts` failed ones, or null when the delivery is to be
 * parked as dead. `random` is in [0, 1) (injected, so tests are exact).
 */
export function nextAttemptAt(
  attempts: number,
  firstAttemptAt: Date,
  failedAt: Date,
  retryAfterSeconds: number | undefined,
  random: () => number = Math.random
): Date | null {
  if (attempts < 1 || attempts > RETRY_SCHEDULE_SECONDS.length) return null;
  const scheduled = RETRY_SCHEDULE_SECONDS[attempts - 1];
  const jittered = scheduled * (1 + JITTER * (2 * random() - 1));
  const wait =
    retryAfterSeconds === undefined
      ? jittered
      : Math.max(jittered, Math.min(retryAfterSeconds, MAX_RETRY_AFTER_SECONDS));
  const due = new Date(failedAt.getTime() + Math.round(wait * 1000));
  if (due.getTime() - firstAttemptAt.getTime() > MAX_RETRY_WINDOW_SECONDS * 1000) return null;
  return due;
}
