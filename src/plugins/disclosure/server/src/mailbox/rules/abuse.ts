/**
 * What the mailbox does against abuse, besides the routes' rate limits: length limits (stated in the
 * refusal), a honeypot field a person never sees, links counted and limited, and a message identical
 * to one the same office received lately flagged for the office, never refused (a writer may resend
 * in good faith).
 */
import { createHash } from 'node:crypto';

/** The intake's limits, stated to the writer in each refusal (the content type's maxLength agree). */
export const MESSAGE_LIMITS = {
  organization: 64,
  mailbox: 64,
  subject: 100,
  content: 5000,
  name: 50,
  contact: 100,
} as const;

/** At most this many links (http(s)://, www.) in a message's subject and content together. */
export const MAX_LINKS = 2;

/** The hidden field a form carries empty; anything in it marks the message as likely automated. */
export const HONEYPOT_FIELD = 'website';

/** A message identical to one received within this many days before is flagged `repeated`. */
export const REPEAT_WINDOW_DAYS = 30;

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;

/** How many links a text holds. */
export const countLinks = (...texts: string[]): number =>
  texts.reduce((sum, value) => sum + (value.match(LINK) ?? []).length, 0);

/** Text as compared for repeats: Unicode-normalized, spacing and punctuation dropped, lower case. */
const comparable = (value: string): string =>
  value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

/**
 * What identical messages share, stored with each (never the text itself in another place): the
 * SHA-256 of subject and content as compared. Two messages with the same fingerprint say the same.
 */
export const messageFingerprint = (subject: string, content: string): string =>
  createHash('sha256')
    .update(`${comparable(subject)}\u0000${comparable(content)}`, 'utf8')
    .digest('hex');

/** Whether a honeypot value was filled in (whitespace is nothing). */
export const honeypotFilled = (value: unknown): boolean =>
  value !== undefined && value !== null && !(typeof value === 'string' && !value.trim());
