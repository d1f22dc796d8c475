import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import type {
  CreateSubscriber,
  GetDeliveries,
  GetSubscribers,
  ResendToSubscriber,
  RetryDelivery,
  RotateSubscriberSecret,
  UpdateSubscriber,
} from '../../../../shared/contracts/syndication';
import { idParams, validate } from '../../utils/validation';
import { deliveriesQuery } from '../validation/deliveries';
import { createSubscriberBody, resendBody, updateSubscriberBody } from '../validation/subscriber';
import { getService } from '../../utils/get-service';

/** Admin (super admins): syndication subscribers, their secrets, and deliveries to retry. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const syndication = () => getService(strapi, 'syndication');
  return {
    async subscribers(ctx: Context) {
      ctx.body = { data: await syndication().listSubscribers() } satisfies GetSubscribers.Response;
    },

    async createSubscriber(ctx: Context) {
      const { subscriber, secret } = await syndication().createSubscriber(
        validate(createSubscriberBody, ctx.request.body).data
      );
      ctx.status = 201;
      // The secret is shown this once, to be given to the receiving portal.
      ctx.body = { data: subscriber, meta: { secret } } satisfies CreateSubscriber.Response;
    },

    async updateSubscriber(ctx: Context) {
      const { id } = validate(idParams, ctx.params);
      const updated = await syndication().updateSubscriber(
        id,
        validate(updateSubscriberBody, ctx.request.body).data
      );
      if (!updated) throw new errors.NotFoundError('没有这个订阅方 (no such subscriber)');
      ctx.body = { data: updated } satisfies UpdateSubscriber.Response;
    },

    async rotateSecret(ctx: Context) {
      const rotated = await syndication().rotateSecret(validate(idParams, ctx.params).id);
      if (!rotated) throw new errors.NotFoundError('没有这个订阅方 (no such subscriber)');
      ctx.body = {
        data: rotated.subscriber,
        meta: { secret: rotated.secret },
      } satisfies RotateSubscriberSecret.Response;
    },

    /** Queues the latest version of one document, or of all changed since a date, for this subscriber. */
    async resend(ctx: Context) {
      const { documentId, since } = validate(resendBody, ctx.request.body).data;
      const queued = await syndication().resend({
        subscriber: validate(idParams, ctx.params).id,
        documentId,
        since,
      });
      if (!queued) throw new errors.NotFoundError('没有这个订阅方 (no such subscriber)');
      ctx.status = 202;
      ctx.body = { data: queued } satisfies ResendToSubscriber.Response;
    },

    async deliveries(ctx: Context) {
      const { status } = validate(deliveriesQuery, ctx.query);
      ctx.body = {
        data: await syndication().listDeliveries(status),
      } satisfies GetDeliveries.Response;
    },

    async retry(ctx: Context) {
      const retried = await getService(strapi, 'syndication-worker').retry(
        validate(idParams, ctx.params).id
      );
      if (!retried)
        throw new errors.NotFoundError('没有这个已停止的投递 (no dead delivery with this id)');
      ctx.body = {
        data: { id: retried.id, status: retried.status },
      } satisfies RetryDelivery.Response;
    },
  };
};
