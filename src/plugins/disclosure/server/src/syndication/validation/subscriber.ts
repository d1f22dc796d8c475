import { yup } from '@strapi/utils';
import type { SubscriberScope } from '../../../../shared/contracts/syndication';
import {
  asSent,
  calendarDate,
  displayName,
  documentId,
  httpAddress,
  inOrder,
  NAME_MESSAGE,
  oneOf,
  requestBody,
  siblingPath,
  trueOrFalse,
} from '../../utils/validation';

export type { SubscriberInput } from '../../../../shared/contracts/syndication';

const ENDPOINT_MESSAGE = '接收地址须为 http(s) 网址 (endpointUrl must be an http(s) URL)';
const ORGANIZATION_MESSAGE =
  'organization 须为机构 documentId (organization must be an organization documentId)';

/** A list of at most 50 strings of at most 100 characters. */
const stringList = (parameter: string) => {
  const message = `${parameter} 须为最多 50 项的文字列表 (${parameter} must be a list of at most 50 strings)`;
  return yup
    .array()
    .transform(asSent)
    .typeError(message)
    .test(
      'strings',
      message,
      (list) =>
        list === undefined ||
        list.every((entry: unknown) => typeof entry === 'string' && entry.length <= 100)
    )
    .max(50, message);
};

const subscriberFields = {
  name: displayName,
  endpointUrl: httpAddress(ENDPOINT_MESSAGE, (url) => url.toString()),
  scope: oneOf<SubscriberScope>(
    ['must-syndicate', 'categories'],
    'scope 只能取 must-syndicate 或 categories (scope must be must-syndicate or categories)'
  ),
  categories: stringList('categories'),
  topics: stringList('topics'),
  active: trueOrFalse('active'),
  organization: yup
    .string()
    .transform(asSent)
    .nullable()
    .typeError(ORGANIZATION_MESSAGE)
    .max(64, ORGANIZATION_MESSAGE),
};

/** POST /disclosure/subscribers: a subscriber as an administrator enters it, with its name and endpoint. */
export const createSubscriberBody = requestBody(
  inOrder({
    ...subscriberFields,
    name: subscriberFields.name.required(NAME_MESSAGE),
    endpointUrl: subscriberFields.endpointUrl.required(ENDPOINT_MESSAGE),
  })
);

/** PUT /disclosure/subscribers/:id: only the fields given change. */
export const updateSubscriberBody = requestBody(inOrder(subscriberFields));

/** POST /disclosure/subscribers/:id/resend: one document, or everything changed since a Beijing date. */
export const resendBody = requestBody(
  inOrder({
    documentId: documentId('documentId 须为文件的 documentId (documentId must be a document id)'),
    since: calendarDate(
      'since 须为日期 YYYY-MM-DD (since must be a calendar date YYYY-MM-DD)'
    ).test('document-or-since', function (since) {
      return (
        !!(this.parent as { documentId?: string }).documentId ||
        !!since ||
        this.createError({
          path: siblingPath(this, 'documentId'),
          message: '须给出 documentId 或 since 之一 (give a documentId or a since date)',
        })
      );
    }),
  })
);
