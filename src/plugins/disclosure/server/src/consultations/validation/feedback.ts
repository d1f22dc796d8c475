import { yup } from '@strapi/utils';
import { inOrder, requestBody, sentValue, trimmedText, validate } from '../../utils/validation';

/** Limits stated to the person writing, in the refusal. */
export const FEEDBACK_LIMITS = {
  content: 5000,
  submitterName: 100,
  submitterContact: 200,
} as const;

export interface FeedbackInput {
  content: string;
  submitterName: string | null;
  submitterContact: string | null;
}

/** Name and contact: optional, trimmed; empty is null. */
const optionalText = (field: 'submitterName' | 'submitterContact', label: string) =>
  trimmedText(
    FEEDBACK_LIMITS[field],
    `${label}最多 ${FEEDBACK_LIMITS[field]} 字 (${field} is at most ${FEEDBACK_LIMITS[field]} characters)`
  ).default(null);

/** An opinion submitted to a consultation (意见征集): the text required, name and contact optional; nothing else. */
export const feedbackBody = requestBody(
  inOrder({
    content: yup
      .string()
      .transform((_coerced: unknown, sent: unknown) =>
        typeof sent === 'string' ? sent.trim() : ''
      )
      .required('意见内容必填 (content is required)')
      .max(
        FEEDBACK_LIMITS.content,
        ({ value }: { value: string }) =>
          `意见内容最多 ${FEEDBACK_LIMITS.content} 字，现为 ${value.length} 字 (content is at most ${FEEDBACK_LIMITS.content} characters; this has ${value.length})`
      ),
    submitterName: optionalText('submitterName', '姓名'),
    submitterContact: optionalText('submitterContact', '联系方式'),
  }).test('known-fields', function () {
    // The data as sent: unknown keys are not in the value checked.
    const known = Object.keys(this.schema.fields);
    const unknown = Object.keys(sentValue(this) as object).filter((key) => !known.includes(key));
    return (
      !unknown.length ||
      this.createError({
        path: `${this.path}.${unknown[0]}`,
        message: `不接受的字段：${unknown.join('、')}；只接受 content、submitterName、submitterContact (unknown fields)`,
      })
    );
  })
);

/** The feedback in a request body (the consultation service checks it before anything else). */
export const validateFeedback = (body: unknown): FeedbackInput => validate(feedbackBody, body).data;
