import { refuse } from '../../utils/validation';

export const MAX_FEED_LIMIT = 200;

/** The cursor is opaque to portals: the position after the last event they have. */
export const encodeCursor = (eventId: number) => Buffer.from(`e:${eventId}`).toString('base64url');

export function validateFeedQuery(query: Record<string, unknown>): { after: number; limit: number } {
  let after = 0;
  if (query.since !== undefined && query.since !== '') {
    const decoded = typeof query.since === 'string' ? Buffer.from(query.since, 'base64url').toString() : '';
    const match = /^e:(\d{1,15})$/.exec(decoded);
    if (!match) refuse('since', '参数 since 须为上一页返回的 cursor (since must be a cursor returned by the feed)');
    after = Number(match![1]);
  }
  let limit = 50;
  if (query.limit !== undefined && query.limit !== '') {
    limit = Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FEED_LIMIT) {
      refuse('limit', `参数 limit 须为 1–${MAX_FEED_LIMIT} 的整数 (limit must be a whole number from 1 to ${MAX_FEED_LIMIT})`);
    }
  }
  return { after, limit };
}

export function validateAtomQuery(query: Record<string, unknown>): { organization: string } {
  const organization = query.organization;
  if (typeof organization !== 'string' || !/^[0-9A-Za-z-]{1,40}$/.test(organization)) {
    refuse('organization', '参数 organization 须为机构代码 (organization must be an organization code)');
  }
  return { organization: organization as string };
}
