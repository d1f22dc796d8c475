import { yup } from '@strapi/utils';
import {
  MESSAGE_ACTIONS,
  MESSAGE_KINDS,
  MESSAGE_STATUSES,
  type MessageAction,
} from '../../../../shared/contracts/mailbox';
import {
  countParameter,
  documentIdParameter,
  given,
  inOrder,
  lookupText,
  oneOf,
  onlyKnownFields,
  requestBody,
  requiredOneOf,
  trimmedText,
} from '../../utils/validation';
import { HONEYPOT_FIELD, MAX_LINKS, MESSAGE_LIMITS, countLinks } from '../rules/abuse';
import { MONTH_PATTERN } from '../rules/statistics';
import { ACTION_TEXT_LIMITS } from '../rules/workflow';
import {
  PUBLIC_ANSWER_LABELS,
  PUBLIC_ANSWER_LIMITS,
  type PublicAnswerField,
} from '../rules/public-answer';

/** The Chinese name of each intake field, as the writer's form labels it. */
const LABELS: Record<keyof typeof MESSAGE_LIMITS, string> = {
  organization: '收信机关',
  mailbox: '领导信箱',
  subject: '标题',
  content: '内容',
  name: '姓名',
  contact: '联系方式',
};
type Limited = keyof typeof MESSAGE_LIMITS;

const limitMessage = (field: Limited, required: boolean) =>
  `${LABELS[field]} (${field})${required ? '必填，' : ''}最多 ${MESSAGE_LIMITS[field]} 字 (${field} ${required ? 'is required and ' : 'is '}at most ${MESSAGE_LIMITS[field]} characters)`;

/** Text that must be given: trimmed, not blank, at most its limit. */
const requiredText = (field: Limited) => {
  const message = limitMessage(field, true);
  return yup
    .string()
    .transform((_coerced: unknown, sent: unknown) =>
      typeof sent === 'string' ? sent.trim() : sent
    )
    .typeError(message)
    .required(message)
    .max(MESSAGE_LIMITS[field], message);
};

const listMessage = (field: string, label: string, values: readonly string[]) =>
  `${label} (${field}) 只能取：${values.join('、')} (${field} must be one of ${values.join(', ')})`;

const LINKS_MESSAGE = `内容 (content) 与标题中的链接最多 ${MAX_LINKS} 个 (subject and content may hold at most ${MAX_LINKS} links together)`;
const CONSENT_MESSAGE =
  '是否同意公开 (consentToPublish) 必填，须为 true 或 false (consentToPublish is required: true or false)';
const HONEYPOT_MESSAGE = `${HONEYPOT_FIELD} 须为文字 (${HONEYPOT_FIELD} must be text)`;

/**
 * POST /api/disclosure/messages (a contract: add fields, rename none). The honeypot (`website`) is
 * taken so that a form's hidden field is not refused as unknown; the service flags what fills it.
 */
export const intakeBody = requestBody(
  onlyKnownFields(
    inOrder({
      organization: requiredText('organization'),
      mailbox: trimmedText(MESSAGE_LIMITS.mailbox, limitMessage('mailbox', false)).default(null),
      kind: requiredOneOf(MESSAGE_KINDS, listMessage('kind', '留言类型', MESSAGE_KINDS)),
      subject: requiredText('subject'),
      content: requiredText('content').test('links', LINKS_MESSAGE, function (content) {
        const { subject } = this.parent as { subject?: unknown };
        return (
          typeof content !== 'string' ||
          countLinks(typeof subject === 'string' ? subject : '', content) <= MAX_LINKS
        );
      }),
      name: requiredText('name'),
      contact: requiredText('contact'),
      consentToPublish: yup
        .boolean()
        .transform((_coerced: unknown, sent: unknown) => sent)
        .typeError(CONSENT_MESSAGE)
        .required(CONSENT_MESSAGE)
        .strict(),
      [HONEYPOT_FIELD]: yup
        .mixed<string | null>()
        .test('text', HONEYPOT_MESSAGE, (value) => value == null || typeof value === 'string'),
    })
  )
);
export type MessageIntakeInput = yup.InferType<typeof intakeBody>['data'];

const RATING_MESSAGE =
  '评价 (satisfied) 须为 true（满意）或 false（不满意） (satisfied must be true or false)';
/** POST /api/disclosure/messages/:number/rating: `{ data: { code, satisfied } }`. */
export const ratingBody = requestBody(
  onlyKnownFields(
    inOrder({
      code: lookupText,
      satisfied: yup
        .boolean()
        .transform((_coerced: unknown, sent: unknown) => sent)
        .typeError(RATING_MESSAGE)
        .required(RATING_MESSAGE)
        .strict(),
    })
  )
);

const ORGANIZATION_MESSAGE =
  '参数 organization 须为机构代码或 documentId，最多 64 字 (organization must be a code or documentId of at most 64 characters)';
const organizationParameter = yup
  .string()
  .transform(given)
  .typeError(ORGANIZATION_MESSAGE)
  .max(64, ORGANIZATION_MESSAGE);

/** GET /api/disclosure/mailboxes?organization=. */
export const mailboxesQuery = inOrder({
  organization: organizationParameter.required(ORGANIZATION_MESSAGE),
});

const OVERDUE_MESSAGE = '参数 overdue 须为 true 或 false (overdue must be true or false)';
/** GET /disclosure/messages: filters and a page. */
export const listQuery = inOrder({
  organization: organizationParameter,
  status: oneOf(MESSAGE_STATUSES, listMessage('status', '参数', MESSAGE_STATUSES)).transform(given),
  kind: oneOf(MESSAGE_KINDS, listMessage('kind', '参数', MESSAGE_KINDS)).transform(given),
  overdue: yup
    .boolean()
    .transform((_coerced: unknown, sent: unknown) =>
      sent === 'true' ? true : sent === 'false' ? false : sent === '' ? undefined : sent
    )
    .typeError(OVERDUE_MESSAGE),
  page: countParameter('page', 1),
  pageSize: countParameter('pageSize', 20, 100),
});
export type MessageListInput = yup.InferType<typeof listQuery>;

/** `/:documentId` of a message or a mailbox. */
export const messageParams = inOrder({ documentId: documentIdParameter });

/** `/:documentId/actions/:action`. */
export const actionParams = inOrder({
  documentId: documentIdParameter,
  action: requiredOneOf(
    MESSAGE_ACTIONS,
    `操作 action 只能取：${MESSAGE_ACTIONS.join('、')} (action must be one of ${MESSAGE_ACTIONS.join(', ')})`
  ),
});

const actionText = (field: keyof typeof ACTION_TEXT_LIMITS, label: string) => {
  const max = ACTION_TEXT_LIMITS[field];
  const message = `${label} (${field}) 必填，最多 ${max} 字 (${field} is required, at most ${max} characters)`;
  return yup
    .string()
    .transform((_coerced: unknown, sent: unknown) =>
      typeof sent === 'string' ? sent.trim() : sent
    )
    .typeError(message)
    .required(message)
    .max(max, message);
};
const noFields = requestBody(onlyKnownFields(inOrder({})));

/** One schema per action body; each refuses fields it does not take. */
export const ACTION_BODIES: Record<MessageAction, yup.AnySchema> = {
  accept: noFields,
  route: requestBody(
    onlyKnownFields(
      inOrder({
        routedTo: actionText('routedTo', '转往渠道'),
        reason: actionText('reason', '转办理由'),
      })
    )
  ),
  assign: requestBody(
    onlyKnownFields(inOrder({ responsibleOffice: actionText('responsibleOffice', '承办科室') }))
  ),
  'draft-reply': requestBody(onlyKnownFields(inOrder({ text: actionText('text', '答复内容') }))),
  approve: noFields,
  send: noFields,
};

const TITLE_MESSAGE =
  '领导职务 (leaderTitle) 必填，最多 100 字 (leaderTitle is required and at most 100 characters)';
const ACTIVE_MESSAGE = '是否开放 (active) 须为 true 或 false (active must be true or false)';
const leaderTitle = yup
  .string()
  .transform((_coerced: unknown, sent: unknown) => (typeof sent === 'string' ? sent.trim() : sent))
  .typeError(TITLE_MESSAGE)
  .min(1, TITLE_MESSAGE)
  .max(100, TITLE_MESSAGE);
const active = yup
  .boolean()
  .transform((_coerced: unknown, sent: unknown) => sent)
  .typeError(ACTIVE_MESSAGE)
  .strict();

/** POST /disclosure/mailboxes: a leader's mailbox of an organization in the account's scope. */
export const mailboxCreateBody = requestBody(
  onlyKnownFields(
    inOrder({
      organization: organizationParameter.required(
        '机构 (organization) 必填 (organization is required)'
      ),
      leaderTitle: leaderTitle.required(TITLE_MESSAGE),
      active: active.default(true),
    })
  )
);
/** PUT /disclosure/mailboxes/:documentId: the title, or closing and reopening it. */
export const mailboxUpdateBody = requestBody(onlyKnownFields(inOrder({ leaderTitle, active })));

const MONTH_MESSAGE =
  '参数 month 必填，格式为 YYYY-MM，年份 1949 至 2999，如 2026-03 (month is required, as YYYY-MM from 1949 to 2999, e.g. 2026-03)';
const FORMAT_MESSAGE = '参数 format 只能取：json、xlsx (format must be json or xlsx)';
/** GET /disclosure/messages/statistics?organization=&month=YYYY-MM&format=json|xlsx. */
export const statisticsQuery = inOrder({
  organization: organizationParameter,
  month: yup
    .string()
    .transform(given)
    .typeError(MONTH_MESSAGE)
    .required(MONTH_MESSAGE)
    .matches(MONTH_PATTERN, MONTH_MESSAGE),
  format: oneOf(['json', 'xlsx'] as const, FORMAT_MESSAGE)
    .transform(given)
    .default('json'),
});
export type MessageStatisticsInput = yup.InferType<typeof statisticsQuery>;

const answerText = (field: PublicAnswerField) => {
  const max = PUBLIC_ANSWER_LIMITS[field];
  const message = `${PUBLIC_ANSWER_LABELS[field]} (${field}) 必填，最多 ${max} 字 (${field} is required, at most ${max} characters)`;
  return yup
    .string()
    .transform((_coerced: unknown, sent: unknown) =>
      typeof sent === 'string' ? sent.trim() : sent
    )
    .typeError(message)
    .required(message)
    .max(max, message);
};
const CONFIRMATION_MESSAGE =
  '须确认已删除来信人的个人信息 (personalDataRemoved) 方可创建公众问答 (personalDataRemoved must be true: confirm the personal data was removed)';

/**
 * POST /disclosure/messages/:documentId/public-answer: the edited text (the admin's form prefills it
 * from the message; the route takes only what was confirmed) and the confirmation, which must be true.
 */
export const publicAnswerBody = requestBody(
  onlyKnownFields(
    inOrder({
      subject: answerText('subject'),
      question: answerText('question'),
      reply: answerText('reply'),
      personalDataRemoved: yup
        .boolean()
        .transform((_coerced: unknown, sent: unknown) => sent)
        .typeError(CONFIRMATION_MESSAGE)
        .required(CONFIRMATION_MESSAGE)
        .oneOf([true], CONFIRMATION_MESSAGE)
        .strict(),
    })
  )
);
export type PublicAnswerInput = yup.InferType<typeof publicAnswerBody>['data'];
