/**
 * Stored codes in words, Simplified Chinese and English: what the admin shows and the letters write
 * for the codes the API returns. Shared by the app's admin (src/admin/schema-words.ts), the plugin's
 * admin pages and its server.
 */
import type {
  ApplicantType,
  ApplicationAction,
  ApplicationChannel,
  ApplicationStatus,
  ApplicationSummary,
  ConsultationKind,
  DeliveryForm,
  FeeBasis,
  LetterKind,
  Outcome,
  OutcomeReason,
  StepKind,
} from './contracts/on-request';
import type {
  MessageAction,
  MessageFlag,
  MessageKind,
  MessageRating,
  MessageStatus,
  MessageStepKind,
} from './contracts/mailbox';
import type { ChallengeColumns, Table2, Table3Column, Table4 } from './contracts/annual-report';

export const ADMIN_LOCALES = ['zh-Hans', 'en'] as const;
export type AdminLocale = (typeof ADMIN_LOCALES)[number];

export type Word = Readonly<Record<AdminLocale, string>>;

export const w = (zh: string, en: string): Word => ({ 'zh-Hans': zh, en });

/** The eight grounds of table 3 (国办公开办函〔2021〕30号), in its words: the catalogue's 不予公开理由 and a reply's. */
export const NON_DISCLOSURE_GROUND_WORDS = {
  'state-secret': w('属于国家秘密', 'State secret'),
  'prohibited-by-law': w(
    '其他法律行政法规禁止公开',
    'Disclosure prohibited by other laws or administrative regulations'
  ),
  'endangers-security-stability': w(
    '危及“三安全一稳定”',
    'Endangers national, public or economic security, or social stability'
  ),
  'third-party-rights': w('保护第三方合法权益', "Protects a third party's lawful rights"),
  'internal-affairs': w('属于三类内部事务信息', 'Internal affairs information'),
  'process-information': w('属于四类过程性信息', 'Process information'),
  'enforcement-files': w('属于行政执法案卷', 'Administrative enforcement case files'),
  'administrative-query': w('属于行政查询事项', 'Administrative query matter'),
} as const;

/** 依申请公开 (disclosure on request): the vocabulary of shared/contracts/on-request.ts in words. */
export const APPLICANT_TYPE_WORDS: Readonly<Record<ApplicantType, Word>> = {
  'natural-person': w('自然人', 'Natural person'),
  'commercial-enterprise': w('商业企业', 'Commercial enterprise'),
  'research-institution': w('科研机构', 'Research institution'),
  'social-welfare-organization': w('社会公益组织', 'Social welfare organization'),
  'legal-service-organization': w('法律服务机构', 'Legal service organization'),
  'other-organization': w('其他', 'Other organization'),
};

export const APPLICATION_CHANNEL_WORDS: Readonly<Record<ApplicationChannel, Word>> = {
  online: w('网上申请', 'Online'),
  'in-person': w('当面提交', 'In person'),
  'registered-post': w('邮政挂号信', 'Registered post'),
  'ordinary-letter': w('平常信函', 'Ordinary letter'),
  fax: w('传真', 'Fax'),
};

export const DELIVERY_FORM_WORDS: Readonly<Record<DeliveryForm, Word>> = {
  electronic: w('电子数据', 'Electronic'),
  paper: w('纸质', 'Paper'),
  email: w('电子邮件', 'E-mail'),
  pickup: w('当面领取', 'Pick-up'),
};

export const APPLICATION_STATUS_WORDS: Readonly<Record<ApplicationStatus, Word>> = {
  submitted: w('待确认收到', 'Awaiting confirmation'),
  registered: w('已登记', 'Registered'),
  'correction-requested': w('待补正', 'Awaiting correction'),
  assigned: w('承办中', 'With the responsible office'),
  consulting: w('征求意见中', 'Consulting'),
  'awaiting-fee': w('待缴费', 'Awaiting payment'),
  drafted: w('答复待审批', 'Reply awaiting approval'),
  approved: w('答复已审批', 'Reply approved'),
  delivered: w('已答复', 'Replied'),
  closed: w('已终止', 'Closed'),
  archived: w('已归档', 'Archived'),
};

/** The outcome groups as table 3 names them. */
export const OUTCOME_WORDS: Readonly<Record<Outcome, Word>> = {
  disclosed: w('予以公开', 'Disclosed'),
  'partially-disclosed': w('部分公开', 'Partially disclosed'),
  'not-disclosed': w('不予公开', 'Not disclosed'),
  unavailable: w('无法提供', 'Cannot be provided'),
  'not-processed': w('不予处理', 'Not processed'),
  other: w('其他处理', 'Other handling'),
};

/** Each numbered reason of table 3, in its words. */
export const OUTCOME_REASON_WORDS: Readonly<Record<OutcomeReason, Word>> = {
  ...NON_DISCLOSURE_GROUND_WORDS,
  'not-held': w('本机关不掌握相关政府信息', 'Not held by this authority'),
  'needs-creation': w('没有现成信息需要另行制作', 'Would have to be newly made'),
  'unclear-after-correction': w('补正后申请内容仍不明确', 'Still unclear after correction'),
  'petition-complaint': w('信访举报投诉类申请', 'A petition, report or complaint'),
  repeated: w('重复申请', 'Repeated application'),
  publication: w('要求提供公开出版物', 'Asks for a publication'),
  'mass-repeated': w('无正当理由大量反复申请', 'Mass repeated applications without good reason'),
  confirmation: w(
    '要求行政机关确认或重新出具已获取信息',
    'Asks to confirm or reissue information already obtained'
  ),
  'no-correction': w(
    '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    'No correction in time'
  ),
  'fee-unpaid': w(
    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    'Fee not paid in time'
  ),
  other: w('其他', 'Other'),
};

export const APPLICATION_ACTION_WORDS: Readonly<Record<ApplicationAction, Word>> = {
  'confirm-receipt': w('确认收到申请', 'Confirm receipt'),
  'request-correction': w('告知补正', 'Request correction'),
  'receive-correction': w('收到补正', 'Correction received'),
  'treat-as-withdrawn': w('视为放弃申请', 'Treat as withdrawn'),
  assign: w('交办', 'Assign'),
  'joint-review': w('会商', 'Joint review'),
  'start-consultation': w('征求意见', 'Start consultation'),
  'end-consultation': w('收到意见', 'Consultation answered'),
  extend: w('延期答复', 'Extend'),
  'request-fee': w('收费通知', 'Fee notice'),
  'record-payment': w('登记缴费', 'Record payment'),
  'close-unpaid': w('逾期未缴费终止', 'Close: fee unpaid'),
  'draft-reply': w('拟办答复', 'Draft reply'),
  'approve-reply': w('审批答复', 'Approve reply'),
  deliver: w('送达答复', 'Deliver reply'),
  archive: w('归档', 'Archive'),
};

/** Steps that are not actions: registration, and the sweep's move when a consultation lapses. */
export const STEP_KIND_WORDS: Readonly<Record<StepKind, Word>> = {
  ...APPLICATION_ACTION_WORDS,
  register: w('登记申请', 'Registered'),
  'consultation-lapsed': w('征求意见期满（15个工作日）', 'Consultation lapsed (15 working days)'),
};

export const URGENCY_WORDS: Readonly<Record<ApplicationSummary['urgency'], Word>> = {
  overdue: w('已超期', 'Overdue'),
  'due-soon': w('即将到期', 'Due soon'),
  'on-track': w('正常', 'On track'),
  concluded: w('已办结', 'Concluded'),
};

export const CONSULTATION_KIND_WORDS: Readonly<Record<ConsultationKind, Word>> = {
  'third-party': w('第三方', 'Third party'),
  'other-authority': w('其他行政机关', 'Another authority'),
};

export const FEE_BASIS_WORDS: Readonly<Record<FeeBasis, Word>> = {
  count: w('按件计收', 'By count'),
  pages: w('按量计收', 'By pages'),
};

/** How a reply is delivered: the forms an applicant may ask for, and post. */
export const DELIVERY_METHOD_WORDS: Readonly<Record<DeliveryForm | 'post', Word>> = {
  ...DELIVERY_FORM_WORDS,
  post: w('邮寄', 'Post'),
};

/** The letters by their short names (each letter's full title is its template's). */
export const LETTER_KIND_WORDS: Readonly<Record<LetterKind, Word>> = {
  acknowledgement: w('登记回执', 'Acknowledgement'),
  'correction-notice': w('补正告知书', 'Correction notice'),
  'third-party-consultation': w('征求第三方意见函', 'Third-party consultation letter'),
  'extension-notice': w('延期答复告知书', 'Extension notice'),
  'fee-notice': w('收费通知书', 'Fee notice'),
  reply: w('答复书', 'Reply'),
};

/**
 * 政府信息公开工作年度报告 (国办公开办函〔2021〕30号): the sections' headings and the tables' rows and
 * columns as the national format words them; the .docx and .xlsx of the report are laid out from these.
 */
export const REPORT_SECTION_WORDS = {
  overview: w('一、总体情况', 'I. Overview'),
  proactive: w('二、主动公开政府信息情况', 'II. Proactive disclosure'),
  requests: w('三、收到和处理政府信息公开申请情况', 'III. Applications received and handled'),
  challenges: w(
    '四、政府信息公开行政复议、行政诉讼情况',
    'IV. Administrative reconsideration and litigation'
  ),
  problems: w('五、存在的主要问题及改进情况', 'V. Main problems and improvements'),
  otherMatters: w('六、其他需要报告的事项', 'VI. Other matters to report'),
} as const;

/** Table 3's columns (the applicant kinds of APPLICANT_TYPE_WORDS, and the total). */
export const TABLE3_COLUMN_WORDS: Readonly<Record<Table3Column, Word>> = {
  naturalPerson: APPLICANT_TYPE_WORDS['natural-person'],
  commercialEnterprise: APPLICANT_TYPE_WORDS['commercial-enterprise'],
  researchInstitution: APPLICANT_TYPE_WORDS['research-institution'],
  socialWelfareOrganization: APPLICANT_TYPE_WORDS['social-welfare-organization'],
  legalServiceOrganization: APPLICANT_TYPE_WORDS['legal-service-organization'],
  otherOrganization: APPLICANT_TYPE_WORDS['other-organization'],
  total: w('总计', 'Total'),
};

/** Table 3's rows besides the outcome lines (those are the on-request rules' TABLE3_ROW_LABELS). */
export const TABLE3_FRAME_WORDS = {
  new: w('一、本年新收政府信息公开申请数量', 'New applications this year'),
  carriedOver: w('二、上年结转政府信息公开申请数量', 'Carried over from last year'),
  outcomes: w('三、本年度办理结果', 'Outcomes this year'),
  total: w('（七）总计', 'Total'),
  carriedForward: w('四、结转下年度继续办理', 'Carried forward to next year'),
  applicants: w('申请人情况', 'Applicants'),
  legalPersons: w('法人或其他组织', 'Legal persons or other organizations'),
  reconciliation: w(
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    '(items one plus two equal items three plus four)'
  ),
} as const;

/** Table 2's rows, by their keys in the contract. */
export const TABLE2_ROW_WORDS: Readonly<Record<keyof Table2, Word>> = {
  regulations: w('规章', 'Regulations'),
  normativeDocuments: w('行政规范性文件', 'Normative documents'),
  administrativeLicensing: w('行政许可', 'Administrative licensing'),
  administrativePenalty: w('行政处罚', 'Administrative penalties'),
  administrativeEnforcement: w('行政强制', 'Administrative enforcement'),
  administrativeFees: w('行政事业性收费', 'Administrative fees'),
};

/** Table 2's headings: the articles of the Regulation each group reports under, and the columns. */
export const TABLE2_HEADING_WORDS = {
  article20Item1: w('第二十条第（一）项', 'Article 20 (1)'),
  article20Item5: w('第二十条第（五）项', 'Article 20 (5)'),
  article20Item6: w('第二十条第（六）项', 'Article 20 (6)'),
  article20Item8: w('第二十条第（八）项', 'Article 20 (8)'),
  content: w('信息内容', 'Information'),
  issued: w('本年制发件数', 'Issued this year'),
  repealed: w('本年废止件数', 'Repealed this year'),
  valid: w('现行有效件数', 'In force'),
  decisions: w('本年处理决定数量', 'Decisions this year'),
  feeAmount: w('本年收费金额（单位：万元）', 'Collected this year (10,000 yuan)'),
  entered: w('（填报数）', '(entered)'),
} as const;

/** Table 4's three groups and its five columns. */
export const TABLE4_GROUP_WORDS: Readonly<Record<keyof Table4, Word>> = {
  reconsideration: w('行政复议', 'Administrative reconsideration'),
  litigationDirect: w('未经复议直接起诉', 'Litigation without reconsideration'),
  litigationAfterReconsideration: w('复议后起诉', 'Litigation after reconsideration'),
};
export const TABLE4_LITIGATION_WORDS = w('行政诉讼', 'Administrative litigation');
export const TABLE4_COLUMN_WORDS: Readonly<Record<keyof ChallengeColumns, Word>> = {
  upheld: w('结果维持', 'Upheld'),
  corrected: w('结果纠正', 'Corrected'),
  other: w('其他结果', 'Other result'),
  pending: w('尚未审结', 'Pending'),
  total: w('总计', 'Total'),
};

/** 意见箱 and 领导信箱. */
export const MESSAGE_KIND_WORDS: Readonly<Record<MessageKind, Word>> = {
  suggestion: w('建议', 'Suggestion'),
  question: w('咨询', 'Question'),
  help: w('求助', 'Request for help'),
  complaint: w('投诉', 'Complaint'),
};
export const MESSAGE_STATUS_WORDS: Readonly<Record<MessageStatus, Word>> = {
  received: w('待受理', 'Received'),
  accepted: w('已受理', 'Accepted'),
  routed: w('已转办', 'Routed elsewhere'),
  assigned: w('承办中', 'With the responsible office'),
  drafted: w('答复待审批', 'Reply drafted'),
  approved: w('答复已审批', 'Reply approved'),
  sent: w('已答复', 'Replied'),
};
export const MESSAGE_ACTION_WORDS: Readonly<Record<MessageAction, Word>> = {
  accept: w('受理', 'Accept'),
  route: w('转办', 'Route elsewhere'),
  assign: w('交办', 'Assign'),
  'draft-reply': w('拟办答复', 'Draft reply'),
  approve: w('审批答复', 'Approve reply'),
  send: w('发送答复', 'Send reply'),
};
export const MESSAGE_STEP_WORDS: Readonly<Record<MessageStepKind, Word>> = {
  ...MESSAGE_ACTION_WORDS,
  receive: w('收到来信', 'Received'),
  'public-answer': w('发布为公众问答', 'Made a public answer'),
};
export const MESSAGE_FLAG_WORDS: Readonly<Record<MessageFlag, Word>> = {
  honeypot: w('疑似自动提交', 'Possibly automated'),
  repeated: w('重复来信', 'Repeated message'),
};
export const MESSAGE_RATING_WORDS: Readonly<Record<MessageRating, Word>> = {
  satisfied: w('满意', 'Satisfied'),
  dissatisfied: w('不满意', 'Not satisfied'),
};
