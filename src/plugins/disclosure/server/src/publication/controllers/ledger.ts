import type { Core } from '@strapi/strapi';
import { validateLedgerQuery } from '../validation/ledger';
import { getService } from '../../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Read-only: the ledger has no route that changes it. */
  async find(ctx: any) {
    const query = validateLedgerQuery(ctx.query);
    const { entries, total } = await getService(strapi, 'ledger').list(query);
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = {
      data: entries,
      meta: { pagination: { page: query.page, pageSize: query.pageSize, total, pageCount: Math.ceil(total / query.pageSize) } },
    };
  },
});
