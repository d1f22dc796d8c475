import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import type { GetFeed } from '../../../../shared/contracts/syndication';
import { atomFeed } from '../rules/atom';
import { validate } from '../../utils/validation';
import { atomQuery, encodeCursor, feedQuery } from '../validation/feed';
import { getService } from '../../utils/get-service';

/**
 * Pull syndication, for portals that cannot take pushes: the outbox's events in order with a cursor
 * (API tokens), and an Atom feed of an organization's published documents (anyone).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async events(ctx: Context) {
    const { since: after, limit } = validate(feedQuery, ctx.query);
    const events = await getService(strapi, 'syndication').eventsAfter(after, limit + 1);
    const page = events.slice(0, limit);
    const last = page[page.length - 1];
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = {
      data: page.map(({ messageId, action, version, occurredAt, payload }) => ({
        messageId,
        action,
        version,
        occurredAt,
        message: payload,
      })),
      meta: {
        cursor: last ? encodeCursor(last.id) : (ctx.query.since as string) || null,
        hasMore: events.length > limit,
      },
    } satisfies GetFeed.Response;
  },

  async atom(ctx: Context) {
    const { organization } = validate(atomQuery, ctx.query);
    const feed = await getService(strapi, 'syndication').atomOf(organization);
    if (!feed)
      throw new errors.NotFoundError(`找不到机构 ${organization} (no organization with this code)`);
    ctx.set('Content-Type', 'application/atom+xml; charset=utf-8');
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = atomFeed(feed);
  },
});
