import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { validate } from '../../utils/validation';
import { ledgerQuery } from '../validation/ledger';
import { getService } from '../../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Read-only: the ledger has no route that changes it. */
  async find(ctx: Context) {
    const query = validate(ledgerQuery, ctx.query);
    const { entries, total } = await getService(strapi, 'ledger').list(query);
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = {
      data: entries,
      meta: {
        pagination: {
          page: query.page,
          pageSize: query.pageSize,
          total,
          pageCount: Math.ceil(total / query.pageSize),
        },
      },
    };
  },
});
