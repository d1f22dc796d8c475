import { yup } from '@strapi/utils';
import {
  APPLICANT_TYPES,
  APPLICATION_ACTIONS,
  APPLICATION_CHANNELS,
  APPLICATION_STATUSES,
  DELIVERY_FORMS,
  LETTER_FORMATS,
  LETTER_KINDS,
  OUTCOMES,
  ALL_OUTCOME_REASONS,
  type ActionBodies,
  type ApplicationAction,
  type ApplicationListQuery,
} from '../../../../shared/contracts/on-request';
import {
  asSent,
  calendarDate,
  countParameter,
  documentIdParameter,
  given,
  inOrder,
  onlyKnownFields,
  oneOf,
  requestBody,
  requiredOneOf,
  trimmedText,
} from '../../utils/validation';

/** The limits stated to the applicant in each refusal (the content type's maxLength agree). */
export const APPLICATION_LIMITS = {
  organization: 64,
  name: 100,
  idType: 50,
  idNumber: 50,
  phone: 30,
  email: 254,
  address: 500,
  description: 5000,
  documentNumber: 200,
} as const;

/** The Chinese name of each intake field, as the applicant's form labels it. */
const LABELS: Record<keyof typeof APPLICATION_LIMITS, string> = {
  organization: '受理机关',
  name: '申请人姓名或名称',
  idType: '证件类型',
  idNumber: '证件号码',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  description: '所需信息的内容描述',
  documentNumber: '文号',
};

type Limited = keyof typeof APPLICATION_LIMITS;

const limitMessage = (field: Limited, required: boolean) =>
  `${LABELS[field]} (${field})${required ? '必填，' : ''}最多 ${APPLICATION_LIMITS[field]} 字 (${field} ${required ? 'is required and ' : 'is '}at most ${APPLICATION_LIMITS[field]} characters)`;

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
    .max(APPLICATION_LIMITS[field], message);
};

/** Text that may be left out: trimmed; blank is null. */
const optionalText = (field: Limited) =>
  trimmedText(APPLICATION_LIMITS[field], limitMessage(field, false)).default(null);

const EMAIL_MESSAGE = `${LABELS.email} (email) 须为电子邮箱地址，最多 ${APPLICATION_LIMITS.email} 字 (email must be an e-mail address of at most ${APPLICATION_LIMITS.email} characters)`;
const PHONE_MESSAGE = `${LABELS.phone} (phone) 必填，只能含数字、空格、+ 和 -，最多 ${APPLICATION_LIMITS.phone} 字 (phone is required: digits, spaces, + and - only, at most ${APPLICATION_LIMITS.phone} characters)`;

const listMessage = (field: string, label: string, values: readonly string[]) =>
  `${label} (${field}) 只能取：${values.join('、')} (${field} must be one of ${values.join(', ')})`;

/** The applicant and the request: what the online form and the office's registration share. */
const applicantFields = {
  applicantType: requiredOneOf(
    APPLICANT_TYPES,
    listMessage('applicantType', '申请人类型', APPLICANT_TYPES)
  ),
  name: requiredText('name'),
  idType: requiredText('idType'),
  idNumber: requiredText('idNumber'),
  phone: requiredText('phone').test('phone', PHONE_MESSAGE, (value) =>
    value === undefined ? true : /^[0-9+\- ]+$/.test(value)
  ),
  email: optionalText('email').test(
    'email',
    EMAIL_MESSAGE,
    (value) => value == null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
  ),
  address: requiredText('address'),
  description: requiredText('description'),
  documentNumber: optionalText('documentNumber'),
  form: requiredOneOf(DELIVERY_FORMS, listMessage('form', '获取信息的方式', DELIVERY_FORMS)),
};

/** POST /api/disclosure/applications: the online form (a contract: add fields, rename none). */
export const intakeBody = requestBody(
  onlyKnownFields(
    inOrder({
      organization: requiredText('organization'),
      ...applicantFields,
    })
  )
);

const evidenceDate = (field: string, label: string) =>
  calendarDate(
    `${label} (${field}) 须为日期 YYYY-MM-DD (${field} must be a calendar date YYYY-MM-DD)`
  );

/**
 * POST /disclosure/applications: an application the office received on paper, by post or fax, with
 * the evidence art. 31 takes the received date from (the rules say which the channel needs).
 */
export const registerBody = requestBody(
  onlyKnownFields(
    inOrder({
      organization: requiredText('organization'),
      channel: requiredOneOf(
        APPLICATION_CHANNELS,
        listMessage('channel', '申请渠道', APPLICATION_CHANNELS)
      ),
      ...applicantFields,
      handedInOn: evidenceDate('handedInOn', '当面提交日期'),
      signedForOn: evidenceDate('signedForOn', '挂号信签收日期'),
      confirmedOn: evidenceDate('confirmedOn', '确认收到日期'),
    })
  )
);
export type RegisterInput = yup.InferType<typeof registerBody>['data'];
export type IntakeInput = yup.InferType<typeof intakeBody>['data'];

/** GET /disclosure/applications: filters and a page. */
export const listQuery = inOrder({
  organization: yup
    .string()
    .transform(given)
    .typeError(
      '参数 organization 须为机构代码或 documentId (organization must be a code or documentId)'
    )
    .max(
      64,
      '参数 organization 须为机构代码或 documentId (organization must be a code or documentId)'
    ),
  status: oneOf(
    APPLICATION_STATUSES,
    listMessage('status', '参数', APPLICATION_STATUSES)
  ).transform(given),
  urgency: oneOf(
    ['overdue', 'due-soon', 'on-track', 'concluded'] as const,
    '参数 urgency 只能取 overdue、due-soon、on-track、concluded (urgency must be overdue, due-soon, on-track or concluded)'
  ).transform(given),
  q: trimmedText(100, '参数 q 最多 100 字 (q is at most 100 characters)').transform(given),
  page: countParameter('page', 1),
  pageSize: countParameter('pageSize', 20, 100),
});
export type ListQuery = Required<Pick<ApplicationListQuery, 'page' | 'pageSize'>> &
  Omit<ApplicationListQuery, 'page' | 'pageSize' | 'q'> & { q?: string | null };

/** `/:documentId` of a case. */
export const caseParams = inOrder({ documentId: documentIdParameter });

/** `/:documentId/actions/:action`. */
export const actionParams = inOrder({
  documentId: documentIdParameter,
  action: requiredOneOf(
    APPLICATION_ACTIONS,
    `操作 action 只能取：${APPLICATION_ACTIONS.join('、')} (action must be one of ${APPLICATION_ACTIONS.join(', ')})`
  ),
});

/** `/:documentId/letters/:kind`. */
export const letterParams = inOrder({
  documentId: documentIdParameter,
  kind: requiredOneOf(
    LETTER_KINDS,
    `文书 kind 只能取：${LETTER_KINDS.join('、')} (kind must be one of ${LETTER_KINDS.join(', ')})`
  ),
});
/** `?format=docx|text` (docx when not given). */
export const letterQuery = inOrder({
  format: oneOf(LETTER_FORMATS, '参数 format 只能取 docx 或 text (format must be docx or text)')
    .transform(given)
    .default('docx'),
});

// ------------------------------------------------------------------ action bodies

const dateField = (field: string, label: string) => {
  const message = `${label} (${field}) 须为日期 YYYY-MM-DD (${field} must be a calendar date YYYY-MM-DD)`;
  return calendarDate(message).required(message);
};
const textField = (field: string, label: string, max: number) => {
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
const optionalNote = (field: string, label: string, max: number) =>
  trimmedText(
    max,
    `${label} (${field}) 最多 ${max} 字 (${field} is at most ${max} characters)`
  ).default(null);
const wholeNumber = (field: string, label: string, min: number, max: number) => {
  const message = `${label} (${field}) 须为 ${min}–${max} 的整数 (${field} must be a whole number from ${min} to ${max})`;
  return yup
    .number()
    .transform(asSent)
    .typeError(message)
    .integer(message)
    .min(min, message)
    .max(max, message);
};
const stringList = (field: string, label: string, max: number, each: number) => {
  const message = `${label} (${field}) 须为最多 ${max} 项、每项最多 ${each} 字的列表 (${field} must be a list of at most ${max} entries of at most ${each} characters)`;
  return yup
    .array()
    .transform(asSent)
    .typeError(message)
    .max(max, message)
    .test(
      'strings',
      message,
      (list) =>
        list === undefined ||
        list.every(
          (entry: unknown) =>
            typeof entry === 'string' && entry.trim() !== '' && entry.length <= each
        )
    );
};
const noFields = onlyKnownFields(inOrder({}));

/** One schema per action body; each refuses fields it does not take. */
export const ACTION_BODIES = {
  'confirm-receipt': requestBody(
    onlyKnownFields(inOrder({ receivedOn: dateField('receivedOn', '确认收到日期') }))
  ),
  'request-correction': requestBody(
    onlyKnownFields(
      inOrder({
        items: textField('items', '需补正的事项', 2000),
        correctionDueOn: dateField('correctionDueOn', '补正期限'),
      })
    )
  ),
  'receive-correction': requestBody(
    onlyKnownFields(inOrder({ receivedOn: dateField('receivedOn', '收到补正的日期') }))
  ),
  'treat-as-withdrawn': requestBody(noFields),
  assign: requestBody(
    onlyKnownFields(
      inOrder({
        responsibleOffice: textField('responsibleOffice', '承办机构', 200),
        note: optionalNote('note', '交办说明', 1000),
      })
    )
  ),
  'joint-review': requestBody(
    onlyKnownFields(
      inOrder({
        participants: stringList('participants', '会商参加单位或人员', 30, 100).required(
          '会商参加单位或人员 (participants) 必填 (participants are required)'
        ),
        conclusion: textField('conclusion', '会商结论', 2000),
      })
    )
  ),
  'start-consultation': requestBody(
    onlyKnownFields(
      inOrder({
        kind: requiredOneOf(
          ['third-party', 'other-authority'] as const,
          '征求意见对象类型 (kind) 只能取 third-party 或 other-authority (kind must be third-party or other-authority)'
        ),
        party: textField('party', '被征求意见方', 200),
        sentOn: dateField('sentOn', '征求意见函发出日期'),
      })
    )
  ),
  'end-consultation': requestBody(
    onlyKnownFields(
      inOrder({
        answeredOn: dateField('answeredOn', '收到意见的日期'),
        opinion: optionalNote('opinion', '意见摘要', 2000),
      })
    )
  ),
  extend: requestBody(
    onlyKnownFields(
      inOrder({
        workingDays: wholeNumber('workingDays', '延长的工作日数', 1, 20).required(
          '延长的工作日数 (workingDays) 须为 1–20 的整数 (workingDays must be a whole number from 1 to 20)'
        ),
        reason: textField('reason', '延期理由', 1000),
      })
    )
  ),
  'request-fee': requestBody(
    onlyKnownFields(
      inOrder({
        basis: requiredOneOf(
          ['count', 'pages'] as const,
          '收费方式 (basis) 只能取 count（按件）或 pages（按量） (basis must be count or pages)'
        ),
        pages: wholeNumber('pages', '页数', 1, 1_000_000),
        paymentDueOn: dateField('paymentDueOn', '缴费期限'),
      })
    )
  ),
  'record-payment': requestBody(
    onlyKnownFields(
      inOrder({
        paidOn: dateField('paidOn', '缴费日期'),
        amount: wholeNumber('amount', '缴费金额（元）', 0, 10_000_000).required(
          '缴费金额（元） (amount) 必填 (amount is required)'
        ),
      })
    )
  ),
  'close-unpaid': requestBody(noFields),
  'draft-reply': requestBody(
    onlyKnownFields(
      inOrder({
        outcome: requiredOneOf(OUTCOMES, listMessage('outcome', '办理结果', OUTCOMES)),
        reason: oneOf(ALL_OUTCOME_REASONS, listMessage('reason', '具体情形', ALL_OUTCOME_REASONS)),
        legalBasis: textField('legalBasis', '法律依据', 2000),
        text: optionalNote('text', '答复正文', 20000),
        publicDocuments: stringList('publicDocuments', '已公开信息', 100, 64),
        redirectChannel: optionalNote('redirectChannel', '告知的办理渠道', 200),
      })
    )
  ),
  'approve-reply': requestBody(
    onlyKnownFields(inOrder({ note: optionalNote('note', '审批意见', 1000) }))
  ),
  deliver: requestBody(
    onlyKnownFields(
      inOrder({
        method: requiredOneOf(
          [...DELIVERY_FORMS, 'post'] as const,
          listMessage('method', '送达方式', [...DELIVERY_FORMS, 'post'])
        ),
        deliveredOn: dateField('deliveredOn', '送达日期'),
      })
    )
  ),
  archive: requestBody(noFields),
} satisfies Record<ApplicationAction, unknown>;

/** An action's body as validated, in the shape the contract gives it. */
export type ActionBody<A extends ApplicationAction> = ActionBodies[A];
