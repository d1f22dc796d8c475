import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseSearchQuery, QUERY_PROBLEMS } from '../rules/query';
import { searchQuery } from '../validation/search';
import { getService } from '../../utils/get-service';
import { refuse, validate } from '../../utils/validation';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/disclosure/search: what the public may read, found by words. */
  async search(ctx: Context) {
    const { q, ...filters } = validate(searchQuery, ctx.query);
    const converter = await getService(strapi, 'conversion').converter();
    const parsed = parseSearchQuery(q ?? '', (text) => converter.toSimplified(text));
    if ('problem' in parsed) return refuse('q', QUERY_PROBLEMS[parsed.problem]);
    ctx.body = await getService(strapi, 'search').search(parsed.query, {
      ...filters,
      types: filters.types as string[] | undefined,
      locale: filters.locale ?? 'zh-Hans',
      page: filters.page ?? 1,
      pageSize: filters.pageSize ?? 10,
    });
  },
});
