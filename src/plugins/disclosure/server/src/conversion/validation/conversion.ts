import { yup } from '@strapi/utils';
import { LOCALE_CODES, type LocaleCode } from '../../../../shared/constants';
import { asSent, inOrder, isPlainObject, requiredOneOf, unnamed } from '../../utils/validation';

export const CONVERT_LIMIT_BYTES = 1024 * 1024;

/** Thrown for a body over the limit; the controller answers 413 with the limit in the message. */
export class TooLargeError extends Error {
  readonly status = 413;
}

/** Checked before the body is read. */
export function assertConvertSize(byteLength: number): void {
  if (byteLength > CONVERT_LIMIT_BYTES) {
    throw new TooLargeError(
      `待转换内容超过 1 MB 上限（${CONVERT_LIMIT_BYTES} 字节），本次 ${byteLength} 字节 (content over the 1 MB limit of ${CONVERT_LIMIT_BYTES} bytes: ${byteLength} bytes)`
    );
  }
}

const locale = (parameter: 'from' | 'to') =>
  requiredOneOf(
    LOCALE_CODES as LocaleCode[],
    `${parameter} 须为 zh-Hans 或 zh-Hant (${parameter} must be zh-Hans or zh-Hant)`
  );

/**
 * POST /disclosure/convert: `{ text, from, to }` or `{ blocks, from, to }`, bare or in `data`. What
 * is converted is the text (a string) or the blocks (an array): exactly one of them.
 */
export const convertBody = inOrder({
  from: locale('from'),
  to: locale('to').test('differs', 'from 与 to 不能相同 (from and to must differ)', function (to) {
    return to !== (this.parent as { from: LocaleCode }).from;
  }),
  text: yup
    .string()
    .transform((_coerced: unknown, sent: unknown) => (typeof sent === 'string' ? sent : undefined))
    .test(
      'text-or-blocks',
      '须提供 text（字符串）或 blocks（数组）之一 (give either text, a string, or blocks, an array)',
      function (text) {
        return (
          (text === undefined) !== ((this.parent as { blocks?: unknown[] }).blocks === undefined)
        );
      }
    ),
  blocks: yup
    .array()
    .transform((_coerced: unknown, sent: unknown) => (Array.isArray(sent) ? sent : undefined)),
}).transform((_coerced: unknown, body: unknown) => {
  const input = (body as { data?: unknown } | null | undefined)?.data ?? body;
  return isPlainObject(input) ? input : {};
});

const CONTENT_TYPE_MESSAGE =
  'contentType 须为内容类型 UID (contentType must be a content type uid)';
const LOCKED_DOCUMENT_MESSAGE = 'documentId 必填 (documentId is required)';

/** GET /translation-locks?contentType=&documentId=: answered without naming the parameter, as it always was. */
export const translationLocksQuery = unnamed(
  inOrder({
    contentType: yup
      .string()
      .transform(asSent)
      .typeError(CONTENT_TYPE_MESSAGE)
      .required(CONTENT_TYPE_MESSAGE)
      // Any property of the registry counts, as it always has.
      .test(
        'content-type',
        CONTENT_TYPE_MESSAGE,
        (uid) => !!strapi.contentTypes[uid as keyof typeof strapi.contentTypes]
      ),
    documentId: yup
      .string()
      .transform(asSent)
      .typeError(LOCKED_DOCUMENT_MESSAGE)
      .required(LOCKED_DOCUMENT_MESSAGE),
  })
);
