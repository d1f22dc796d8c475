import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';

/** The zh-Hant fields an editor corrected by hand, for the edit view's panel; unlocking re-converts. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const conversion = () => getService(strapi, 'conversion');
  return {
    async find(ctx: any) {
      const { contentType, documentId } = ctx.query;
      if (typeof contentType !== 'string' || !strapi.contentTypes[contentType as keyof typeof strapi.contentTypes]) {
        throw new errors.ValidationError('contentType 须为内容类型 UID (contentType must be a content type uid)');
      }
      if (typeof documentId !== 'string' || !documentId) {
        throw new errors.ValidationError('documentId 必填 (documentId is required)');
      }
      ctx.body = { data: await conversion().lockStatus(contentType, documentId) };
    },

    async unlock(ctx: any) {
      const id = Number(ctx.params.id);
      const lock = Number.isInteger(id) ? await conversion().unlock(id) : null;
      if (!lock) throw new errors.NotFoundError('没有这个锁定 (no such lock)');
      ctx.body = { data: { id, field: lock.field } };
    },
  };
};
