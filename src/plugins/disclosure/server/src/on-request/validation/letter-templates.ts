import { yup } from '@strapi/utils';
import letterTemplateSchema from '../content-types/letter-template/schema.json';
import { asSent, documentId, inOrder, requestBody } from '../../utils/validation';

// Limits come from the content type, so a 400 states the limit the database holds to.
const MAX = {
  title: letterTemplateSchema.attributes.title.maxLength,
  body: letterTemplateSchema.attributes.body.maxLength,
  key: letterTemplateSchema.attributes.key.maxLength,
};

const textField = (field: 'title' | 'body', words: string) => {
  const message = `${words} ${field} 必填，须为文字，最多 ${MAX[field]} 字 (${field} is required, text of at most ${MAX[field]} characters)`;
  return yup
    .string()
    .transform(asSent)
    .typeError(message)
    .required(message)
    .max(MAX[field], message)
    .test('not-blank', message, (text) => text === undefined || text.trim() !== '');
};

/**
 * PUT /letter-templates/:key: the wording as written (not trimmed: an office's line breaks are its
 * layout). The placeholders are checked by the service (checkTemplate), which names the one refused.
 */
export const letterTemplateBody = requestBody(
  inOrder({ title: textField('title', '标题'), body: textField('body', '正文') })
);

const KEY_MESSAGE = `模板 key 须为文字，最多 ${MAX.key} 字 (key must be text of at most ${MAX.key} characters)`;
/** The template key from the route; one that names no template is a 404 (the service's), as an absent id is. */
export const letterTemplateParams = inOrder({
  key: yup
    .string()
    .transform(asSent)
    .typeError(KEY_MESSAGE)
    .max(MAX.key, KEY_MESSAGE)
    .required(KEY_MESSAGE),
});

const ORGANIZATION_MESSAGE =
  '参数 organization 须为机构的 documentId (organization must be an organization documentId)';
/** `?organization=<documentId>`: that organization's own wording; not given, the office-wide one. */
export const letterTemplateQuery = inOrder({
  organization: documentId(ORGANIZATION_MESSAGE).transform((_coerced: unknown, sent: unknown) =>
    sent === '' ? undefined : sent
  ),
});
