import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { contentTypes, pagination as paginationRules } from '@strapi/utils';
import { LOCALE_CODES } from '../constants';
import { planPublicList, type PublicListModel } from '../domain/public-list-query';
import { jsonKey } from '../domain/state-memo';

/** Attributes a list answer never shows without `populate` (or ever, for passwords). */
const NOT_LISTED_TYPES = new Set(['relation', 'media', 'component', 'dynamiczone', 'password']);

export interface PublicListAnswer {
  results: unknown[];
  pagination: Record<string, number>;
}

/**
 * Public lists read straight from the table (see domain/public-list-query; the controllers opt in
 * with utils/public-list-controller): the same answer as
 * Strapi's generic pipeline, at a fraction of its cost on a page of whole documents. The rules of a
 * public read are applied here as they are by `restrictPublicReads`: published rows only, in one
 * locale, and only those the public may see (`public-access.visibleRows`). The total is counted
 * once per content state, as the generic pipeline's is.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('disclosure').service(name);
  const models = new Map<string, PublicListModel>();
  let enabled = true;
  let answered = 0;

  /** The public scalar fields of a type, as its sanitized answers show them. */
  const modelOf = (uid: string): PublicListModel => {
    let model = models.get(uid);
    if (!model) {
      const schema = strapi.getModel(uid as any) as any;
      const fields: Record<string, string> = {};
      for (const [name, attribute] of Object.entries<any>(schema.attributes)) {
        if (!NOT_LISTED_TYPES.has(attribute.type) && !contentTypes.isPrivateAttribute(schema, name)) fields[name] = attribute.type;
      }
      model = { fields, locales: schema.pluginOptions?.i18n?.localized ? LOCALE_CODES : [] };
      models.set(uid, model);
    }
    return model;
  };

  return {
    enabled: () => enabled,
    /** For tests and the benchmark: compare with, or measure, the generic pipeline. */
    setEnabled(value: boolean) {
      enabled = value;
    },
    stats: () => ({ answered }),

    /** The answer to a public list request, or null when the generic pipeline is to answer it. */
    async find(uid: string, ctx: Context): Promise<PublicListAnswer | null> {
      if (!enabled || ctx.get('Authorization') || !service('public-access').readsAsPublic(ctx)) return null;
      const model = modelOf(uid);
      const plan = planPublicList(ctx.query, model);
      if (!plan) return null;

      const schema = strapi.getModel(uid as any) as any;
      const conditions: object[] = [plan.where];
      if (contentTypes.hasDraftAndPublish(schema)) conditions.push({ publishedAt: { $notNull: true } });
      if (model.locales.length) conditions.push({ locale: plan.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale()) });
      const visible = service('public-access').visibleRows(uid);
      if (visible) conditions.push(visible);
      const where = { $and: conditions };

      // Strapi's own pagination rules: its default page size, its maximum, its meta.
      const defaultLimit = Number(strapi.config.get('api.rest.defaultLimit', 25));
      const maxLimit = Number(strapi.config.get('api.rest.maxLimit')) || -1;
      const { start, limit } = paginationRules.withDefaultPagination(plan.pagination, {
        defaults: { offset: { limit: defaultLimit }, page: { pageSize: defaultLimit } },
        maxLimit,
      });
      const withCount = Boolean(strapi.config.get('api.rest.withCount', true));
      const rows = strapi.db.query(uid as any);
      const countKey = jsonKey([uid, where]);
      const [results, total] = await Promise.all([
        rows.findMany({ select: plan.select, where, orderBy: plan.orderBy, offset: start, limit }),
        withCount && countKey ? service('response-cache').forContentState(`public-list-count:${countKey}`, () => rows.count({ where })) : undefined,
      ]);
      answered += 1;
      const paged = paginationRules.transformPagedPaginationInfo({ start, limit }, total);
      const pagination = withCount ? paged : Object.fromEntries(Object.entries(paged).filter(([name]) => name !== 'total' && name !== 'pageCount'));
      return { results, pagination: pagination as Record<string, number> };
    },
  };
};
