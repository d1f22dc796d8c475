import { yup } from '@strapi/utils';
import { countParameter, inOrder, organizationCode } from '../../utils/validation';

export const MAX_FEED_LIMIT = 200;

/** The cursor is opaque to portals: the position after the last event they have. */
export const encodeCursor = (eventId: number) => Buffer.from(`e:${eventId}`).toString('base64url');
const CURSOR = /^e:(\d{1,15})$/;
/** The event id a cursor names, or NaN. */
const decodeCursor = (cursor: unknown): number => {
  const match = CURSOR.exec(
    typeof cursor === 'string' ? Buffer.from(cursor, 'base64url').toString() : ''
  );
  return match ? Number(match[1]) : NaN;
};

/** GET /api/disclosure/feed?since=&limit=: `since` (a cursor) read as the event id to start after, 0 when not given. */
export const feedQuery = inOrder({
  since: yup
    .number()
    .transform((_coerced: unknown, sent: unknown) => (sent === '' ? undefined : decodeCursor(sent)))
    .typeError('参数 since 须为上一页返回的 cursor (since must be a cursor returned by the feed)')
    .default(0),
  limit: countParameter('limit', 50, MAX_FEED_LIMIT),
});

/** GET /api/disclosure/feed.atom?organization=: an organization's code. */
const ATOM_ORGANIZATION_MESSAGE =
  '参数 organization 须为机构代码 (organization must be an organization code)';
export const atomQuery = inOrder({
  organization: organizationCode(40, ATOM_ORGANIZATION_MESSAGE).required(ATOM_ORGANIZATION_MESSAGE),
});
