import type { Core } from '@strapi/strapi';
import { parseCaseNumber } from './case-number';
import { codesMatch, hashLookupCode } from './lookup-code';
import { lockWithinTransaction } from './transaction-lock';

/**
 * What numbered public cases share (依申请公开's applications, the mailbox's messages): a sequence per
 * organization and year taken under a lock, and the public lookup by number and code that answers
 * every miss alike.
 */

/**
 * The next sequence number of `uid`'s cases for one organization and year. Call it inside the
 * transaction that creates the case: two intakes at once take consecutive numbers (the lock), and the
 * case type's unique `number` backs this.
 */
export async function nextSequence(
  strapi: Core.Strapi,
  uid: string,
  organizationId: number,
  year: number
): Promise<number> {
  await lockWithinTransaction(strapi, `${uid}:${organizationId}:${year}`);
  const last = (await strapi.db.query(uid as never).findOne({
    where: { organization: { id: organizationId }, year },
    orderBy: { sequence: 'desc' },
    select: ['sequence'],
  })) as { sequence: number } | null;
  return (last?.sequence ?? 0) + 1;
}

/** Compared against when no case has the number: the same work as a real comparison. */
const DECOY_HASH = hashLookupCode('decoy-lookup-code-never-issued');

/**
 * The case with this number whose lookup code is `code`, or null for every miss alike: a malformed or
 * unknown number, a wrong or missing code. A hash is compared whether or not the case exists, and
 * only the hash is read before it matches, so the time taken tells nothing either: the whole case (a
 * larger read, with its relations) is loaded for the right code only.
 */
export async function findByLookupCode<Row extends { lookupCodeHash: string }>(
  strapi: Core.Strapi,
  uid: string,
  number: string,
  code: string,
  populate?: Record<string, unknown>
): Promise<Row | null> {
  const query = strapi.db.query(uid as never);
  const stored =
    parseCaseNumber(number) !== null
      ? ((await query.findOne({ select: ['id', 'lookupCodeHash'], where: { number } })) as {
          id: number;
          lookupCodeHash: string;
        } | null)
      : null;
  const matches = codesMatch(code, stored?.lookupCodeHash ?? DECOY_HASH);
  if (!stored || !code || !matches) return null;
  return (await query.findOne({
    where: { id: stored.id },
    ...(populate ? { populate } : {}),
  })) as Row | null;
}
