/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com), for syndication messages between
 * instances: headers `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`, a
 * space-separated list of `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, so a receiver can hold
 * the old and the new secret while a key is rotated. Secrets are `whsec_` + base64 key bytes.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'crypto';

export const SECRET_PREFIX = 'whsec_';
/** How far a message's timestamp may be from the receiver's clock, in seconds. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export type VerificationFailure =
  | 'missing-headers'
  | 'bad-timestamp'
  | 'timestamp-too-old'
  | 'timestamp-too-new'
  | 'bad-signature'
  | 'no-secret';

export interface Verification {
  ok: boolean;
  /** When ok: the message id and timestamp */
  id?: string;
  timestamp?: number;
  /** When not ok: why */
  reason?: VerificationFailure;
}

/** A new secret for a subscriber: 24 random bytes. */
export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString('base64');
}

function keyOf(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (!key.length) throw new RangeError('webhook secret is empty');
  return key;
}

/** `v1,<signature>` for one secret. */
export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret))
    .update(`${id}.${timestamp}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

/** The three headers of a message, signed with every given secret (rotation: old and new). */
export function signedHeaders(
  secrets: string[],
  id: string,
  body: string,
  timestamp: number
): WebhookHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((secret) => sign(secret, id, timestamp, body)).join(' '),
  };
}

const header = (headers: Record<string, unknown>, name: string): string | undefined => {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return typeof value === 'string' && value ? value : undefined;
};

/**
 * Checks a received message against every secret the receiver holds for its sender. The body must be
 * the exact bytes received (a re-serialized JSON would not match). Comparison is constant-time.
 */
export function verify(
  headers: Record<string, unknown>,
  body: string,
  secrets: string[],
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS
): Verification {
  const id = header(headers, 'webhook-id');
  const timestampText = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestampText || !signatures) return { ok: false, reason: 'missing-headers' };
  if (!/^\d{1,12}$/.test(timestampText)) return { ok: false, reason: 'bad-timestamp' };
  const timestamp = Number(timestampText);
  if (nowSeconds - timestamp > toleranceSeconds) return { ok: false, reason: 'timestamp-too-old' };
  if (timestamp - nowSeconds > toleranceSeconds) return { ok: false, reason: 'timestamp-too-new' };
  if (!secrets.length) return { ok: false, reason: 'no-secret' };

  const offered = signatures
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3), 'base64'));
  for (const secret of secrets) {
    const expected = Buffer.from(sign(secret, id, timestamp, body).slice(3), 'base64');
    // Every offered signature is compared, matching or not, so timing reveals nothing.
    let matched = false;
    for (const candidate of offered) {
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected))
        matched = true;
    }
    if (matched) return { ok: true, id, timestamp };
  }
  return { ok: false, reason: 'bad-signature' };
}

export type Identification<T> =
  /** The candidate whose secrets verify the message, and the message id */
  | { sender: T; id?: string; reason?: undefined }
  /** None does: a timestamp or header problem (the same whoever signed), else unknown-source */
  | { sender: null; id?: undefined; reason: VerificationFailure | 'unknown-source' };

/** Which of the known senders (sources, or subscribers sending receipts) signed a message. */
export function identifySender<T>(
  candidates: T[],
  secretsOf: (candidate: T) => string[],
  headers: Record<string, unknown>,
  body: string,
  nowSeconds: number
): Identification<T> {
  let reason: VerificationFailure | 'unknown-source' = 'unknown-source';
  for (const candidate of candidates) {
    const result = verify(headers, body, secretsOf(candidate), nowSeconds);
    if (result.ok) return { sender: candidate, id: result.id };
    if (result.reason !== 'bad-signature' && result.reason !== 'no-secret') reason = result.reason!;
  }
  return { sender: null, reason };
}
