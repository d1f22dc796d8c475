import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const UID = 'api::consultation.consultation';

/**
 * Consultations (意见征集) as the public reads them, each with its status computed from its dates in
 * Beijing time (upcoming, open, closed, concluded), and the public's opinions while one is open.
 */
export default factories.createCoreController(UID, ({ strapi }) => {
  const consultations = () => strapi.plugin('disclosure').service('consultation');

  /** The status of each returned consultation, from its published dates and result. */
  const withStatus = async (entries: any[]) => {
    const ids = entries.map((entry) => entry?.documentId).filter(Boolean);
    if (!ids.length) return entries;
    const rows = await strapi.db.query(UID).findMany({
      where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
      select: ['documentId', 'startDate', 'endDate'],
      populate: { result: { select: ['resultPublishedAt'] } },
    });
    const byId = new Map(rows.map((row: any) => [row.documentId, consultations().statusOf(row)]));
    return entries.map((entry) => ({ ...entry, status: byId.get(entry.documentId) ?? consultations().statusOf(entry) }));
  };

  return {
    async find(ctx) {
      const response: any = await super.find(ctx);
      response.data = await withStatus(response.data ?? []);
      return response;
    },

    async findOne(ctx) {
      const response: any = await super.findOne(ctx);
      if (response?.data) [response.data] = await withStatus([response.data]);
      return response;
    },

    /** POST /api/consultations/:documentId/feedback (public): an opinion, while the consultation is open. */
    async submitFeedback(ctx) {
      const outcome = await consultations().submitFeedback(ctx.params.documentId, ctx.request.body);
      if (outcome.kind === 'not-found') throw new errors.NotFoundError('没有这个意见征集 (no such consultation)');
      if (outcome.kind === 'refused') {
        return ctx.conflict(`不在征集期内，意见未提交：${outcome.reason}`, { status: outcome.status });
      }
      ctx.status = 201;
      ctx.body = { data: { ...outcome.receipt, status: 'received' } };
    },
  };
});
