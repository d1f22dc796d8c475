import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '../../../../shared/constants';
import {
  checkConsultationPeriod,
  checkResultPublication,
  consultationStatus,
  feedbackRefusal,
  summarizeFeedback,
  type ConsultationStatus,
} from '../rules/consultation-period';
import { validateFeedback } from '../validation/feedback';
import { throwIfViolated } from '../../errors/rule-violations';
import { getService } from '../../utils/get-service';
import type { DocumentParams } from '../../utils/capability';
import { documentsOf } from '../../utils/documents';

/**
 * A consultation's fields these rules read and set, typed as its schema has them: in a write, as sent
 * (Strapi validates them after the middlewares); other fields pass through untouched.
 */
interface ConsultationFields {
  startDate?: string | null;
  endDate?: string | null;
  shortPeriodReason?: string | null;
  result?: {
    resultPublishedAt?: string | null;
    notAdoptedReasons?: string | null;
    receivedCount?: number;
    adoptedCount?: number;
  } | null;
  [field: string]: unknown;
}

/** A published consultation's dates, as read for its status. */
type PublishedConsultation = {
  documentId: string;
  startDate?: string | null;
  endDate?: string | null;
  result?: { resultPublishedAt?: string | null } | null;
};

export type FeedbackOutcome =
  | { kind: 'not-found' }
  | { kind: 'refused'; status: ConsultationStatus | null; reason: string }
  | { kind: 'received'; receipt: { documentId: string; submittedAt: string } };

/**
 * Consultations (意见征集): the statutory minimum period unless a reason is stated, the status the
 * public sees (from the dates, in Beijing time), and opinions from the public while one is open.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Where a consultation stands now (upcoming, open, closed, concluded). */
  statusOf(consultation: {
    startDate?: string | null;
    endDate?: string | null;
    result?: { resultPublishedAt?: string | null } | null;
  }) {
    const now = getService(strapi, 'clock').now() as Date;
    return consultationStatus(
      { ...consultation, resultPublishedAt: consultation.result?.resultPublishedAt ?? null },
      now
    );
  },

  /**
   * An opinion on a published consultation, accepted only while it is open; stored (with the
   * submitter's name and contact, which are never public) before the receipt is given. The body is
   * checked first (a ValidationError, 400, names what is wrong).
   */
  async submitFeedback(consultationDocumentId: string, body: unknown): Promise<FeedbackOutcome> {
    const input = validateFeedback(body);
    const consultation = await documentsOf<PublishedConsultation>(
      strapi,
      CONTENT_TYPES.consultation
    ).findOne({
      documentId: consultationDocumentId,
      status: 'published',
      fields: ['startDate', 'endDate'],
      populate: { result: { fields: ['resultPublishedAt'] } },
    });
    if (!consultation) return { kind: 'not-found' };
    const status = this.statusOf(consultation);
    const reason = feedbackRefusal(status, consultation);
    if (reason) return { kind: 'refused', status, reason };
    const submittedAt = getService(strapi, 'clock').now() as Date;
    const created = await documentsOf(strapi, CONTENT_TYPES.consultationFeedback).create({
      data: { consultation: consultationDocumentId, ...input, submittedAt, decision: 'pending' },
    });
    return {
      kind: 'received',
      receipt: { documentId: created.documentId, submittedAt: submittedAt.toISOString() },
    };
  },

  /**
   * The statutory period on every write; and when the result (采纳情况) is published, its counts come
   * from the feedback itself, every opinion must be decided, and concentrated opinions not adopted
   * need reasons.
   */
  async prepareWrite(params: Pick<DocumentParams, 'documentId' | 'data'>) {
    const data: ConsultationFields = params.data ?? {};
    const touchesPeriod = ['startDate', 'endDate', 'shortPeriodReason'].some(
      (field) => field in data
    );
    if (touchesPeriod) {
      const current = params.documentId
        ? await strapi.db.query(CONTENT_TYPES.consultation).findOne({
            where: { documentId: params.documentId, publishedAt: null },
            select: ['startDate', 'endDate', 'shortPeriodReason'],
          })
        : null;
      throwIfViolated(checkConsultationPeriod({ ...(current ?? {}), ...data }));
    }
    const result = data.result;
    if (result && typeof result === 'object' && result.resultPublishedAt) {
      const feedback = params.documentId
        ? await strapi.db.query(CONTENT_TYPES.consultationFeedback).findMany({
            where: { consultation: { documentId: params.documentId } },
            select: ['content', 'decision'],
            orderBy: { id: 'asc' },
          })
        : [];
      const summary = summarizeFeedback(feedback);
      throwIfViolated(checkResultPublication(summary, result.notAdoptedReasons));
      result.receivedCount = summary.receivedCount;
      result.adoptedCount = summary.adoptedCount;
    }
  },
});
