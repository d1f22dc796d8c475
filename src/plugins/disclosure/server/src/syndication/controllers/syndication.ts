import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { idOf } from '../../utils/validation';
import { validateResend, validateSubscriber } from '../validation/subscriber';
import { getService } from '../../utils/get-service';

const DELIVERY_STATES = ['pending', 'delivered', 'dead', 'cancelled'];

/** Admin (super admins): syndication subscribers, their secrets, and deliveries to retry. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const syndication = () => getService(strapi, 'syndication');
  return {
    async subscribers(ctx: any) {
      ctx.body = { data: await syndication().listSubscribers() };
    },

    async createSubscriber(ctx: any) {
      const { subscriber, secret } = await syndication().createSubscriber(validateSubscriber(ctx.request.body, true));
      ctx.status = 201;
      // The secret is shown this once, to be given to the receiving portal.
      ctx.body = { data: subscriber, meta: { secret } };
    },

    async updateSubscriber(ctx: any) {
      const updated = await syndication().updateSubscriber(idOf(ctx.params.id), validateSubscriber(ctx.request.body, false));
      if (!updated) throw new errors.NotFoundError('没有这个订阅方 (no such subscriber)');
      ctx.body = { data: updated };
    },

    async rotateSecret(ctx: any) {
      const rotated = await syndication().rotateSecret(idOf(ctx.params.id));
      if (!rotated) throw new errors.NotFoundError('没有这个订阅方 (no such subscriber)');
      ctx.body = { data: rotated.subscriber, meta: { secret: rotated.secret } };
    },

    /** Queues the latest version of one document, or of all changed since a date, for this subscriber. */
    async resend(ctx: any) {
      const { documentId, since } = validateResend(ctx.request.body);
      const queued = await syndication().resend({ subscriber: idOf(ctx.params.id), documentId, since });
      if (!queued) throw new errors.NotFoundError('没有这个订阅方 (no such subscriber)');
      ctx.status = 202;
      ctx.body = { data: queued };
    },

    async deliveries(ctx: any) {
      const status = ctx.query.status ?? 'dead';
      if (!DELIVERY_STATES.includes(status)) {
        throw new errors.ValidationError(`status 只能取 ${DELIVERY_STATES.join('、')} (status must be one of ${DELIVERY_STATES.join(', ')})`);
      }
      ctx.body = { data: await syndication().listDeliveries(status) };
    },

    async retry(ctx: any) {
      const retried = await getService(strapi, 'syndication-worker').retry(idOf(ctx.params.id));
      if (!retried) throw new errors.NotFoundError('没有这个已停止的投递 (no dead delivery with this id)');
      ctx.body = { data: { id: retried.id, status: retried.status } };
    },
  };
};
