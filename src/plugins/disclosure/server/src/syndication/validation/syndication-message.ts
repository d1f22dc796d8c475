import { yup } from '@strapi/utils';
import { CONTENT_TYPES, SOURCE_LOCALE } from '../../../../shared/constants';
import type { SyndicatedVersion } from '../../../../shared/contracts/syndication';
import { fieldLabel, webAddressMessage } from '../../errors/rules/validation-messages';
import {
  asSent,
  httpAddress,
  inOrder,
  isPlainObject,
  positiveInteger,
  requiredOneOf,
} from '../../utils/validation';

/** What is wrong with a syndication message, and where (Strapi's `details.errors[].path`). */
export interface MessageProblem {
  path: Array<string | number>;
  message: string;
}

type Path = Array<string | number>;

const ACTIONS = ['publish', 'update', 'unpublish', 'delete'];
/** A SHA-256 in hex, as the source computes it over the file's bytes. */
const SHA256_HEX = /^[0-9a-f]{64}$/i;
/** The upload plugin's name and mime columns (varchar 255): longer would fail in the database. */
const MAX_FILE_TEXT_LENGTH = 255;

/** yup's path (`versions[0].attachments[1].sha256`) as Strapi's: ['versions', 0, 'attachments', 1, 'sha256']. */
const pathOf = (path: string | undefined): Path =>
  [...(path ?? '').matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, key, index]) =>
    index === undefined ? key : Number(index)
  );

/** A message naming the field where it stands in the message: `(path) => text`. */
const at =
  (text: (path: Path) => string) =>
  ({ path }: { path: string }) =>
    text(pathOf(path));

/** An address a partner sent, which the copy links to: http(s) or none. */
const webAddressAt = at(webAddressMessage);
const partnerAddress = httpAddress(webAddressAt, (url) => url.href).nullable();

/**
 * One attachment reference. Every one carries its SHA-256: the receiver proves by it that the file it
 * fetched is the one the source published, so a reference without it is not taken on trust.
 */
const nameMessage = at(
  (path) =>
    `${fieldLabel(path)}须为 1 至 ${MAX_FILE_TEXT_LENGTH} 个字符的文件名 (${path.join('.')} must be a file name of 1 to ${MAX_FILE_TEXT_LENGTH} characters)`
);
const mimeMessage = at(
  (path) =>
    `${fieldLabel(path)}须为文字，最多 ${MAX_FILE_TEXT_LENGTH} 个字符 (${path.join('.')} must be a string of at most ${MAX_FILE_TEXT_LENGTH} characters)`
);
const sizeMessage = at(
  (path) =>
    `${fieldLabel(path)}须为非负整数（字节） (${path.join('.')} must be a whole number of bytes)`
);
const sha256Message = at(
  (path) =>
    `${fieldLabel(path)}必填，须为 64 位十六进制数 (${path.join('.')} is required: the file's SHA-256 as 64 hexadecimal digits)`
);
const attachmentRef = inOrder({
  url: httpAddress(webAddressAt, (url) => url.href).required(webAddressAt),
  name: yup
    .string()
    .transform(asSent)
    .typeError(nameMessage)
    .test('file-name', nameMessage, (name) => !!name?.trim())
    .max(MAX_FILE_TEXT_LENGTH, nameMessage),
  mime: yup
    .string()
    .transform(asSent)
    .nullable()
    .typeError(mimeMessage)
    .max(MAX_FILE_TEXT_LENGTH, mimeMessage),
  sizeInBytes: yup
    .number()
    .transform(asSent)
    .nullable()
    .typeError(sizeMessage)
    .test(
      'safe-integer',
      sizeMessage,
      (size) => size === undefined || size === null || Number.isSafeInteger(size)
    )
    .min(0, sizeMessage),
  sha256: yup
    .string()
    .transform(asSent)
    .typeError(sha256Message)
    .matches(SHA256_HEX, sha256Message)
    .required(sha256Message),
}).typeError(at((path) => `${fieldLabel(path)}须为对象 (${path.join('.')} must be an object)`));

const syndicatedVersion = inOrder({
  attachments: yup
    .array()
    .transform(asSent)
    .nullable()
    .typeError(at((path) => `${fieldLabel(path)}须为数组 (${path.join('.')} must be an array)`))
    .of(attachmentRef),
}).typeError(at((path) => `${path.join('.')} 须为对象 (${path.join('.')} must be an object)`));

const DOCUMENT_ID_MESSAGE = 'documentId 缺失或无效 (documentId missing or invalid)';
const VERSIONS_MESSAGE = 'versions 须为数组 (versions must be an array)';

/** A syndication message (转载消息) as the inbox takes it (POST /api/disclosure/inbox), its own fields and each version's. */
export const syndicationMessage = inOrder({
  documentId: yup
    .string()
    .transform(asSent)
    .typeError(DOCUMENT_ID_MESSAGE)
    .required(DOCUMENT_ID_MESSAGE)
    .max(64, DOCUMENT_ID_MESSAGE),
  contentType: yup.mixed().test(
    'syndicated-type',
    ({ value }: { value: unknown }) =>
      `不接受的内容类型 ${String(value)} (only policy documents are syndicated)`,
    (contentType) => contentType === CONTENT_TYPES.policyDocument
  ),
  action: requiredOneOf(
    ACTIONS,
    'action 须为 publish、update、unpublish 或 delete (action must be publish, update, unpublish or delete)'
  ),
  version: positiveInteger('version'),
  source: inOrder({ url: partnerAddress, documentUrl: partnerAddress })
    .nullable()
    .typeError('source 须为对象 (source must be an object)'),
  versions: yup
    .array()
    .transform(asSent)
    .typeError(VERSIONS_MESSAGE)
    .required(VERSIONS_MESSAGE)
    .of(syndicatedVersion),
}).typeError('消息须为 JSON 对象 (the body must be a JSON object)');

/** Once the message is well formed: a publish or an update carries the titled zh-Hans version it publishes. */
export const publishableMessage = inOrder({
  action: yup.mixed(),
  versions: yup
    .mixed()
    .test(
      'titled-source-version',
      '缺少带标题的简体中文版本 (a zh-Hans version with a title is required)',
      function (versions) {
        const { action } = this.parent as { action: string };
        const published = versions as Array<Partial<SyndicatedVersion>>;
        return (
          !(action === 'publish' || action === 'update') ||
          published.some(
            (v) => v.locale === SOURCE_LOCALE && typeof v.title === 'string' && v.title
          )
        );
      }
    ),
});

/** A subscriber's receipt for a reprint (POST /api/disclosure/receipts). */
const RECEIPT_MESSAGE =
  '回执须含 documentId、version 与 receipt.status (documentId, version and receipt.status are required)';
export const receiptMessage = inOrder({
  // The source's admin shows the reprint's address as a link.
  receipt: inOrder({ url: partnerAddress }),
})
  .typeError(RECEIPT_MESSAGE)
  .test(
    'receipt-fields',
    RECEIPT_MESSAGE,
    (message: Record<string, unknown> | undefined) =>
      typeof message?.documentId === 'string' &&
      Number.isInteger(message.version) &&
      isPlainObject(message.receipt) &&
      typeof message.receipt.status === 'string'
  );

/** The first problem `schema` finds with `message`, or null. */
function problemOf(schema: yup.AnySchema, message: unknown): MessageProblem | null {
  try {
    schema.validateSync(message, { abortEarly: true });
    return null;
  } catch (error) {
    if (!(error instanceof yup.ValidationError)) throw error;
    return { path: pathOf(error.path), message: error.message };
  }
}

/** What is wrong with a parsed syndication message (转载消息), or null. Nothing is stored before this passes. */
export const messageProblem = (message: unknown): MessageProblem | null =>
  problemOf(syndicationMessage, message) ?? problemOf(publishableMessage, message);

/** What is wrong with a subscriber's receipt for a reprint (POST /api/disclosure/receipts), or null. */
export const receiptProblem = (message: unknown): MessageProblem | null =>
  problemOf(receiptMessage, message);

/**
 * The receipt in a receiver's answer to a delivery, as kept: an object, with its address only if it
 * is http(s) (it is shown as a link; the delivery itself did arrive, so the rest is kept).
 */
export function receiptFromAnswer(data: unknown): Record<string, unknown> | null {
  if (!isPlainObject(data)) return null;
  return partnerAddress.isValidSync(data.url) ? data : { ...data, url: null };
}
