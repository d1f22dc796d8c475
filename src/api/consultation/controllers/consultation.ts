import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Services } from '../../../plugins/disclosure/server/src/utils/get-service';

const UID = 'api::consultation.consultation';

/** A consultation as the API answers it, with the dates its status is computed from. */
type ConsultationEntry = {
  documentId: string;
  startDate?: string | null;
  endDate?: string | null;
  result?: { resultPublishedAt?: string | null } | null;
  [field: string]: unknown;
};
/** The core controller's answer: a page of entries (with its meta), or one entry (none when not found). */
type ListAnswer = { data?: ConsultationEntry[]; [part: string]: unknown };
type EntryAnswer = { data?: ConsultationEntry | null; [part: string]: unknown } | null | undefined;

/**
 * Consultations (意见征集) as the public reads them, each with its status computed from its dates in
 * Beijing time (upcoming, open, closed, concluded), and the public's opinions while one is open.
 */
export default factories.createCoreController(UID, ({ strapi }) => {
  // The plugin's service, typed by the plugin (a type import: the app reaches it through Strapi).
  const consultations = () =>
    strapi.plugin('disclosure').service('consultation') as Services['consultation'];

  /** The status of each returned consultation, from its published dates and result. */
  const withStatus = async (entries: ConsultationEntry[]) => {
    const ids = entries.map((entry) => entry?.documentId).filter(Boolean);
    if (!ids.length) return entries;
    const rows: ConsultationEntry[] = await strapi.db.query(UID).findMany({
      where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
      select: ['documentId', 'startDate', 'endDate'],
      populate: { result: { select: ['resultPublishedAt'] } },
    });
    const byId = new Map(rows.map((row) => [row.documentId, consultations().statusOf(row)]));
    return entries.map((entry) => ({
      ...entry,
      status: byId.get(entry.documentId) ?? consultations().statusOf(entry),
    }));
  };

  return {
    async find(ctx) {
      const response = (await super.find(ctx)) as ListAnswer;
      response.data = await withStatus(response.data ?? []);
      return response;
    },

    async findOne(ctx) {
      const response = (await super.findOne(ctx)) as EntryAnswer;
      if (response?.data) [response.data] = await withStatus([response.data]);
      return response;
    },

    /** POST /api/consultations/:documentId/feedback (public): an opinion, while the consultation is open. */
    async submitFeedback(ctx) {
      const outcome = await consultations().submitFeedback(ctx.params.documentId, ctx.request.body);
      if (outcome.kind === 'not-found')
        throw new errors.NotFoundError('没有这个意见征集 (no such consultation)');
      if (outcome.kind === 'refused') {
        return ctx.conflict(`不在征集期内，意见未提交：${outcome.reason}`, {
          status: outcome.status,
        });
      }
      ctx.status = 201;
      ctx.body = { data: { ...outcome.receipt, status: 'received' } };
    },
  };
});
