import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '../constants';
import { checkConsultationPeriod } from '../domain/consultation-period';
import { throwIfViolated } from '../validation/rule-violations';

type Data = Record<string, any>;

/** Consultations (意见征集) keep the statutory minimum period unless a reason is stated. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async prepareWrite(params: { documentId?: string; data?: Data }) {
    const data = params.data ?? {};
    const touchesPeriod = ['startDate', 'endDate', 'shortPeriodReason'].some((field) => field in data);
    if (!touchesPeriod) return;
    const current = params.documentId
      ? await strapi.db.query(CONTENT_TYPES.consultation).findOne({
          where: { documentId: params.documentId, publishedAt: null },
          select: ['startDate', 'endDate', 'shortPeriodReason'],
        })
      : null;
    throwIfViolated(checkConsultationPeriod({ ...(current ?? {}), ...data }));
  },
});
