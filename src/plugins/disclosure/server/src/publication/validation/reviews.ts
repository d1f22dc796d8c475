import { yup } from '@strapi/utils';
import { GATED_TYPES } from '../services/publication-gate';
import {
  asSent,
  documentIdParameter,
  inOrder,
  requestBody,
  requiredOneOf,
} from '../../utils/validation';

const TYPES = [...GATED_TYPES];
const CONCLUSIONS = ['approved', 'rejected', 'needs-changes'];
const NOTE_LIMIT = 2000;

const CONTENT_TYPE_MESSAGE = `contentType 须为 ${TYPES.join('、')} 之一 (contentType must be one of ${TYPES.join(', ')})`;
const CONCLUSION_MESSAGE = `审查结论须为 ${CONCLUSIONS.join('、')} 之一 (conclusion must be one of ${CONCLUSIONS.join(', ')})`;
const NOTE_MESSAGE = `审查意见最多 ${NOTE_LIMIT} 字 (note: text of at most ${NOTE_LIMIT} characters)`;

/** Who reviewed and when are taken from the session and the clock: sent, they are refused. */
const setByTheServer = (field: 'reviewer' | 'reviewedAt') =>
  yup
    .mixed<never>()
    .test(
      'set-by-the-server',
      `${field} 由系统按当前登录的审核人和时间记录，不能填写 (${field} is taken from your session and the clock)`,
      (value) => value === undefined
    );

/** POST /disclosure/reviews: `{ data: { contentType, documentId, conclusion, note? } }`; who and when are never taken from here. */
export const reviewBody = requestBody(
  inOrder({
    contentType: requiredOneOf(TYPES, CONTENT_TYPE_MESSAGE),
    documentId: documentIdParameter,
    conclusion: requiredOneOf(CONCLUSIONS, CONCLUSION_MESSAGE),
    note: yup
      .string()
      .transform(asSent)
      .nullable()
      .default(null)
      .typeError(NOTE_MESSAGE)
      .max(NOTE_LIMIT, NOTE_MESSAGE),
    reviewer: setByTheServer('reviewer'),
    reviewedAt: setByTheServer('reviewedAt'),
  })
);
