import { errors } from '@strapi/utils';
import { CONTENT_TYPES, SOURCE_LOCALE } from '../../../shared/constants';
import { isTraditionalCopy } from '../conversion/rules/traditional-copy';
import { adminRequest } from '../utils/admin-request';
import { paramsOf, type DocumentMiddlewareFactory } from '../utils/capability';

/** What only the message page's route records on a public answer: its message and the confirmation. */
const RECORDED_FIELDS = [
  'sourceMessage',
  'personalDataRemovedBy',
  'personalDataRemovedAt',
] as const;

/** A stored or written value as compared: empty is absent, a time is its instant. */
const comparable = (field: string, value: unknown): string | number | null => {
  if (value === undefined || value === null || value === '') return null;
  if (field === 'personalDataRemovedAt') return new Date(value as string).getTime();
  return String(value);
};

/**
 * The confirmation that a public answer holds no personal data is given on the message page
 * (POST /disclosure/messages/:documentId/public-answer, which writes as the system): an admin cannot
 * type it, nor the link to the message, into the content manager's form, only keep what is recorded.
 */
export const keepAnswerConfirmationToMailbox: DocumentMiddlewareFactory =
  (strapi) => async (context, next) => {
    const { uid, action } = context;
    const params = paramsOf(context);
    if (
      (uid as string) !== CONTENT_TYPES.publicAnswer ||
      (action !== 'create' && action !== 'update') ||
      !params.data ||
      isTraditionalCopy(params) ||
      !adminRequest(strapi)
    )
      return next();
    const data = params.data;
    const written = RECORDED_FIELDS.filter((field) => field in data);
    if (!written.length) return next();
    const stored: Record<string, unknown> | null =
      action === 'update' && params.documentId
        ? await strapi.db.query(CONTENT_TYPES.publicAnswer).findOne({
            where: {
              documentId: params.documentId,
              publishedAt: null,
              locale: (params.locale as string | undefined) ?? SOURCE_LOCALE,
            },
            select: [...RECORDED_FIELDS],
          })
        : null;
    if (
      written.every(
        (field) => comparable(field, stored?.[field]) === comparable(field, data[field])
      )
    )
      return next();
    throw new errors.PolicyError(
      '个人信息删除确认须在来信页面“发布为公众问答”中记录，不能在内容管理中填写或修改 (the personal-data confirmation and the link to the message are recorded on the message page, not typed in)'
    );
  };
