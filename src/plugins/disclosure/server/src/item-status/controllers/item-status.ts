import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { validateItemStatusQuery } from '../validation/item-status';
import { getService } from '../../utils/get-service';

/** GET /disclosure/item-status: the edit view's side panel (deadline, gate checklist, receipts, preview). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    const { contentType, documentId } = validateItemStatusQuery(ctx.query);
    const status = await getService(strapi, 'item-status').of(contentType, documentId, ctx.state.user, ctx.state.userAbility);
    if (!status) throw new errors.NotFoundError('条目不存在 (no such item)');
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = { data: status };
  },
});
