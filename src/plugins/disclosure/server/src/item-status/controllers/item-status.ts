import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import type { GetItemStatus } from '../../../../shared/contracts/item-status';
import { validate } from '../../utils/validation';
import { itemStatusQuery } from '../validation/item-status';
import { getService } from '../../utils/get-service';

/** GET /disclosure/item-status: the edit view's side panel (deadline, gate checklist, receipts, preview). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const { contentType, documentId } = validate(itemStatusQuery, ctx.query);
    const status = await getService(strapi, 'item-status').of(
      contentType,
      documentId,
      ctx.state.user,
      ctx.state.userAbility
    );
    if (!status) throw new errors.NotFoundError('条目不存在 (no such item)');
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = { data: status } satisfies GetItemStatus.Response;
  },
});
